import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openFirstCase, settledQueue, shot, signIn, startStack, type Stack } from './harness';

/** Every resolved case can be found again: by filter, by search, and from a party's history. */
describe('finding resolved cases', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    context = await stack.browser.newContext({ viewport: { width: 1440, height: 950 } });
    page = await context.newPage();
    await signIn(page, stack.url, 'ana');
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
    expect(await settledQueue(page).getAttribute('aria-rowcount')).toBe(String(rows.length + 1));
    const first = settledQueue(page).getByRole('row').nth(1).getByRole('cell').first();
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
});
