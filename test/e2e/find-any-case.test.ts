import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  openFirstCase,
  referenceCell,
  settledQueue,
  shot,
  startSignedIn,
  type Stack,
} from './harness';

/** Every resolved case can be found again: by filter, by search, and from a party's history. */
describe('finding resolved cases', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('ana', { width: 1440, height: 950 }));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  const rowsShown = async () => (await settledQueue(page).getByRole('row').count()) - 1;

  it('shows the team’s resolved cases under the Resolved filter, newest first', async () => {
    const { rows } = await stack.db.query<{ reference: string }>(
      `SELECT reference FROM cases WHERE status = 'resolved' AND language IN ('de', 'en', 'nl')
        ORDER BY updated_at DESC, id DESC`,
    );
    expect(rows.length).toBeGreaterThan(3);
    await page.getByRole('link', { name: 'Team queue', exact: true }).click();
    await page.getByLabel('Status', { exact: true }).selectOption('resolved');
    await page.getByText(`${rows.length} cases`, { exact: true }).waitFor();
    await expect
      .poll(() => settledQueue(page).getAttribute('aria-rowcount'))
      .toBe(String(rows.length + 1));
    const first = referenceCell(settledQueue(page).getByRole('row').nth(1));
    expect(await first.textContent()).toBe(rows[0]!.reference);
    await shot(page, 'find-resolved-filter');
  });

  it('finds a resolved case by its reference from any view', async () => {
    const { rows } = await stack.db.query<{ reference: string }>(
      `SELECT c.reference FROM cases c JOIN agents a ON a.id = c.assignee_id
        WHERE c.status = 'resolved' AND a.email = 'ana@demo.casedesk' ORDER BY c.reference LIMIT 1`,
    );
    const reference = rows[0]!.reference;
    const opened = await openFirstCase(page, 'My cases', reference);
    expect(opened).toBe(reference);
    expect(await rowsShown()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('');
  });

  it('lists what waits in Approvals and External disputes, not the general columns', async () => {
    const headers = async () =>
      (await settledQueue(page).getByRole('columnheader').allTextContents()).map((t) => t.trim());
    // The whole list (an open case leaves room for reference, buyer and SLA only).
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('link', { name: 'Approvals', exact: true }).click();
    await settledQueue(page).getByRole('row').nth(1).waitFor();
    expect(await headers()).toEqual([
      'Reference',
      'Buyer',
      'Waiting for approval',
      'Proposed by',
      'Since',
      'SLA',
    ]);
    const { rows } = await stack.db.query<{ reference: string; name: string }>(
      `SELECT c.reference, ag.name FROM actions a JOIN cases c ON c.id = a.case_id
         JOIN agents ag ON ag.id = a.proposed_by
        WHERE a.status = 'pending_approval' AND c.language IN ('de', 'en', 'nl')
        ORDER BY c.reference LIMIT 1`,
    );
    const row = settledQueue(page).getByRole('row').filter({ hasText: rows[0]!.reference });
    await row.getByRole('cell', { name: rows[0]!.name, exact: true }).waitFor();
    await page.getByRole('link', { name: 'External disputes', exact: true }).click();
    await expect
      .poll(headers)
      .toEqual([
        'Reference',
        'Buyer',
        'Dispute body',
        'Response due',
        'Dispute status',
        'Case status',
        'SLA',
      ]);
    await shot(page, 'find-disputes-list');
  });

  it('opens a case from its reference in the buyer’s history', async () => {
    const { rows } = await stack.db.query<{ reference: string; earlier: string }>(
      `SELECT c.reference, e.reference AS earlier FROM cases c
         JOIN cases e ON e.buyer_id = c.buyer_id AND e.id <> c.id
        WHERE c.language IN ('de', 'en', 'nl') AND e.language IN ('de', 'en', 'nl')
          AND c.status <> 'resolved'
        ORDER BY c.reference, e.reference LIMIT 1`,
    );
    const { reference, earlier } = rows[0]!;
    await openFirstCase(page, 'Team queue', reference);
    const history = page.getByRole('list', { name: "Buyer's earlier cases" });
    await history.getByRole('link', { name: earlier, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: earlier, exact: true }).waitFor();
  });

  it('shows the service’s count of a seller’s cases, not the device’s share, and keeps it offline', async () => {
    // A seller with cases in languages Ana does not work in: her device holds only some.
    const { rows } = await stack.db.query<{
      reference: string;
      others: number;
      open: number;
      here: number;
    }>(
      `SELECT (SELECT x.reference FROM cases x WHERE x.seller_id = c.seller_id
                 AND x.language IN ('de', 'en', 'nl') AND x.status <> 'resolved'
               ORDER BY x.reference LIMIT 1) AS reference,
              count(*)::int - 1 AS others,
              count(*) FILTER (WHERE c.status <> 'resolved')::int - 1 AS open,
              count(*) FILTER (WHERE c.language IN ('de', 'en', 'nl'))::int AS here
         FROM cases c WHERE c.seller_id IS NOT NULL GROUP BY c.seller_id
       HAVING count(*) FILTER (WHERE c.language NOT IN ('de', 'en', 'nl')) > 0
          AND count(*) FILTER (WHERE c.language IN ('de', 'en', 'nl') AND c.status <> 'resolved') > 0
        ORDER BY count(*) DESC LIMIT 1`,
    );
    const seller = rows[0]!;
    expect(seller.others + 1).toBeGreaterThan(seller.here);
    await openFirstCase(page, 'Team queue', seller.reference);
    const panel = page.getByRole('region', { name: 'Seller' });
    const figures = `${seller.others} (${seller.open} open)`;
    await panel.getByText(figures, { exact: true }).waitFor();
    await panel.getByText('Counted by the service.').waitFor();
    await shot(page, 'find-seller-figures');

    // Offline the kept figures show again (no request can reach the service now).
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Close case' }).click();
    await openFirstCase(page, 'Team queue', seller.reference);
    await panel.getByText(figures, { exact: true }).waitFor();
    await panel.getByText(/^Counted by the service/).waitFor();
    await context.setOffline(false);
  });
});
