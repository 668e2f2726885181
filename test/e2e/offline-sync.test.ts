import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openFirstCase, shot, signIn, startStack, type Stack } from './harness';

const status = (page: Page) => page.getByRole('status', { name: 'Sync status' });
const synced = (page: Page) =>
  status(page).filter({ hasText: 'Synced' }).waitFor({ timeout: 45_000 });

// A browser, a service and the other suites share two cores: each test gets room.
describe('offline work in Chromium against a real case service', { timeout: 120_000 }, () => {
  let stack: Stack;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    stack = await startStack();
    ctx = await stack.browser.newContext({ viewport: { width: 1600, height: 950 } });
    page = await ctx.newPage();
    await signIn(page, stack.url, 'ana');
  }, 120_000);
  afterAll(() => stack?.close());
  // A test that fails while offline must not take the next ones down with it.
  afterEach(async () => {
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online'))).catch(() => undefined);
  });

  const count = async (sql: string, ref: string) =>
    (await stack.db.query<{ n: number }>(sql, [ref])).rows[0]!.n;

  it('queues a claim, a note, a reply and a refund offline and applies each exactly once on return', async () => {
    const reference = await openFirstCase(page, 'Unassigned');
    await ctx.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await status(page).filter({ hasText: 'Offline' }).waitFor();

    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Offline note');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('textbox', { name: 'Reply' }).fill('Offline reply');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const canRefund = await page.getByRole('button', { name: 'Refund', exact: true }).isEnabled();
    if (canRefund) {
      await page.getByRole('button', { name: 'Refund', exact: true }).click();
      await page.getByRole('textbox', { name: 'Amount' }).fill('1.00');
      await page.getByRole('textbox', { name: 'Reason' }).fill('Goodwill');
      await page.getByRole('button', { name: 'Confirm refund' }).click();
      await page.getByText('Waiting to be sent — not done yet').first().waitFor();
    }
    await status(page)
      .filter({ hasText: canRefund ? '4 pending' : '3 pending' })
      .waitFor();
    await shot(page, '06-offline-queue');
    expect(
      await count(
        'SELECT count(*)::int AS n FROM notes n JOIN cases c ON c.id = n.case_id WHERE c.reference = $1',
        reference,
      ),
    ).toBe(0);

    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await synced(page);
    const assignee = await stack.db.query<{ email: string }>(
      'SELECT a.email FROM cases c JOIN agents a ON a.id = c.assignee_id WHERE c.reference = $1',
      [reference],
    );
    expect(assignee.rows).toEqual([{ email: 'ana@demo.casedesk' }]);
    expect(
      await count(
        'SELECT count(*)::int AS n FROM notes n JOIN cases c ON c.id = n.case_id WHERE c.reference = $1',
        reference,
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.reference = $1 AND m.body = 'Offline reply'`,
        reference,
      ),
    ).toBe(1);
    if (canRefund) {
      expect(
        await count(
          `SELECT count(*)::int AS n FROM actions a JOIN cases c ON c.id = a.case_id WHERE c.reference = $1 AND a.type = 'refund' AND a.amount_minor = 100`,
          reference,
        ),
      ).toBe(1);
      // The refund's notices ("Notify buyer", and the seller when they have an address), once each.
      const notices = await stack.db.query<{ party: string; n: number }>(
        `SELECT m.party, count(*)::int AS n FROM messages m JOIN cases c ON c.id = m.case_id
          WHERE c.reference = $1 AND m.body <> 'Offline reply' GROUP BY m.party ORDER BY m.party`,
        [reference],
      );
      expect(notices.rows.map((r) => r.n)).toEqual(notices.rows.map(() => 1));
      expect(notices.rows[0]).toEqual({ party: 'buyer', n: 1 });
    }
  });

  it('loses nothing and doubles nothing when the answer to a push is lost and the page reloads', async () => {
    const reference = (await page.getByRole('heading', { level: 1 }).textContent())!;
    // The server applies the push, but the page never hears back, as if it died mid-request.
    let lost = false;
    await page.route('**/api/v1/sync/push', async (route) => {
      try {
        if (lost) return await route.continue();
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
      } catch {
        // The reload below may cancel a request mid-way; that is the point of this test.
      }
    });
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Sent while the tab died');
    await page.getByRole('button', { name: 'Add note' }).click();
    await status(page).filter({ hasText: '1 pending' }).waitFor();
    await page.unroute('**/api/v1/sync/push');
    await page.reload();
    await synced(page);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notes n JOIN cases c ON c.id = n.case_id WHERE c.reference = $1 AND n.body = 'Sent while the tab died'`,
        reference,
      ),
    ).toBe(1);
  });

  it('shows a change the server refused, with its reason, until dismissed', async () => {
    const other = await stack.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const tess = await other.newPage();
    await signIn(tess, stack.url, 'tess');
    const reference = await openFirstCase(page, 'Unassigned');
    await ctx.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await page.getByRole('button', { name: 'Claim' }).click();
    // Meanwhile a reviewer claims the same case online.
    await openFirstCase(tess, 'Unassigned', reference);
    await tess.getByRole('button', { name: 'Claim' }).click();
    await expect
      .poll(
        async () =>
          (
            await stack.db.query(
              'SELECT 1 FROM cases c JOIN agents a ON a.id = c.assignee_id WHERE c.reference = $1 AND a.email = $2',
              [reference, 'tess@demo.casedesk'],
            )
          ).rows.length,
      )
      .toBe(1);
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByText('1 change refused by the server').waitFor({ timeout: 45_000 });
    await page
      .getByRole('list', { name: 'Refused changes' })
      .getByText('Someone else has claimed this case.')
      .waitFor();
    // Named in the agent's words, with its case — not as the protocol's op.
    await page
      .getByRole('list', { name: 'Refused changes' })
      .getByText(`Claim on ${reference}`)
      .waitFor();
    await page.getByText('Assigned to Tess Bakker').waitFor();
    await shot(page, '07-refused');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('1 change refused by the server').waitFor({ state: 'detached' });
    await other.close();
  });
});
