import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openFirstCase, settledQueue, shot, startSignedIn, type Stack } from './harness';

/** A database check, retried while the outbox pushes. */
const eventually = <T>(read: () => Promise<T>) =>
  expect.poll(read, { timeout: 20_000, interval: 100 });

/** Deadlines as clocks: an overdue dispute stands out, a clock waiting on the buyer is paused. */
describe('deadlines in Chromium against a real case service', { timeout: 120_000 }, () => {
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

  it('shows a dispute whose answer is overdue as overdue, on the case and in External disputes', async () => {
    const { rows } = await stack.db.query<{ reference: string; id: string }>(
      `SELECT c.reference, c.id FROM cases c JOIN agents a ON a.id = c.assignee_id
        WHERE c.status = 'resolved' AND NOT c.external_dispute AND a.email = 'ana@demo.casedesk'
        ORDER BY c.reference LIMIT 1`,
    );
    const { reference, id } = rows[0]!;
    await openFirstCase(page, 'My cases', reference);
    await page.getByRole('button', { name: 'Add external dispute' }).click();
    const form = page.getByRole('form', { name: 'Add external dispute' });
    await form.getByRole('textbox', { name: 'Reference' }).fill('GC-2026-0911');
    // Filed 1 October 2026, no date from the body: 20 Dutch working days → 29 October.
    await form.getByLabel('Filed on').fill('2026-10-01');
    await form.getByRole('button', { name: 'Record dispute' }).click();
    await eventually(
      async () =>
        (
          await stack.db.query<{ due: string }>(
            `SELECT to_char(response_due_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') AS due
               FROM external_disputes WHERE case_id = $1`,
            [id],
          )
        ).rows[0]?.due,
    ).toBe('2026-10-29 23:59');

    const onCase = page
      .getByRole('list', { name: 'External disputes' })
      .locator('.sla.overdue', { hasText: 'Overdue' });
    await onCase.waitFor();
    expect(await onCase.getAttribute('title')).toBe('Overdue since 2026-10-29');
    await shot(page, 'deadlines-dispute-overdue-case');

    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('link', { name: 'External disputes', exact: true }).click();
    const row = settledQueue(page).getByRole('row').filter({ hasText: reference });
    await row.locator('.sla.overdue', { hasText: 'Overdue' }).waitFor();
    await shot(page, 'deadlines-dispute-overdue-list');
  });

  it('shows the clock of a case waiting on the buyer as paused, and the service holds the pause', async () => {
    const { rows } = await stack.db.query<{ reference: string; id: string }>(
      `SELECT c.reference, c.id FROM cases c JOIN agents a ON a.id = c.assignee_id
        WHERE c.status = 'open' AND a.email = 'ana@demo.casedesk'
        ORDER BY c.reference LIMIT 1`,
    );
    const { reference, id } = rows[0]!;
    await openFirstCase(page, 'My cases', reference);
    const header = page.locator('.case-header');
    expect(await header.locator('.sla.paused').count()).toBe(0);
    await page.getByLabel('Case status').selectOption({ label: 'Waiting on buyer' });
    await eventually(
      async () =>
        (
          await stack.db.query<{ paused: boolean }>(
            'SELECT clock_paused_at IS NOT NULL AS paused FROM cases WHERE id = $1',
            [id],
          )
        ).rows[0]?.paused,
    ).toBe(true);
    const clock = header.locator('.sla.paused');
    await clock.waitFor();
    expect(await clock.textContent()).toMatch(/: paused$/);
    // The moment of the pause is the service's: it shows once the pull has brought it.
    await expect.poll(() => clock.getAttribute('title')).toMatch(/^Paused since /);
    await shot(page, 'deadlines-clock-paused');

    // Worked again: the clock runs, with its due time moved by the pause.
    await page.getByLabel('Case status').selectOption({ label: 'Open' });
    await eventually(
      async () =>
        (
          await stack.db.query<{ paused: boolean }>(
            'SELECT clock_paused_at IS NOT NULL AS paused FROM cases WHERE id = $1',
            [id],
          )
        ).rows[0]?.paused,
    ).toBe(false);
    await expect.poll(() => header.locator('.sla.paused').count(), { timeout: 20_000 }).toBe(0);
  });
});
