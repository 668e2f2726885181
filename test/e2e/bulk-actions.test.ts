import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations, settledQueue, shot, startSignedIn, type Stack } from './harness';

/** A lead ticks cases in the queue and assigns them at once; refusals come back as one summary. */
describe('bulk actions', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('lena', { width: 1440, height: 950 }));
  }, 240_000); // a lead's first sync brings every case: slow on a loaded machine

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  const synced = () =>
    page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Synced' }).waitFor();
  const box = (reference: string) =>
    page.getByRole('checkbox', { name: `Select ${reference}`, exact: true });

  it('ticks rows by click, shift-click and x, and assigns them to an agent; the service refuses one', async () => {
    await page.getByRole('link', { name: 'Unassigned', exact: true }).click();
    const rows = settledQueue(page).getByRole('row');
    await rows.nth(4).waitFor();
    const refs: string[] = [];
    for (const i of [1, 2, 3, 4]) {
      refs.push((await rows.nth(i).getByRole('cell').nth(1).textContent())!);
    }
    await box(refs[1]!).click();
    await box(refs[3]!).click({ modifiers: ['Shift'] });
    for (const r of refs.slice(1)) expect(await box(r).isChecked()).toBe(true);
    expect(await box(refs[0]!).isChecked()).toBe(false);
    // x ticks the row the queue has selected (the first), and unticks it again.
    await page.evaluate(() => (document.activeElement as HTMLElement)?.blur());
    await page.keyboard.press('x');
    await expect.poll(() => box(refs[0]!).isChecked()).toBe(true);
    await page.keyboard.press('x');
    await expect.poll(() => box(refs[0]!).isChecked()).toBe(false);

    const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
    await bar.getByText('3 cases selected').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 950 });
      await shot(page, `bulk-actions-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 950 });

    // Queued offline; meanwhile a colleague resolves one of them on the service.
    await context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await page
      .getByRole('status', { name: 'Sync status' })
      .filter({ hasText: 'Offline' })
      .waitFor();
    await bar.getByLabel('Agent').selectOption({ label: 'Tom Laurent' });
    await bar.getByRole('button', { name: 'Assign selected' }).click();
    const result = page.getByLabel('Bulk result');
    await result.getByText('Assigned to Tom Laurent: 3 changes queued.').waitFor();
    await stack.db.query(
      `UPDATE cases SET status = 'resolved', resolved_at = now(),
              resolution_summary = 'Settled by phone' WHERE reference = $1`,
      [refs[2]],
    );
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await synced();

    await result.getByText('The service refused 1 of 3:').waitFor({ timeout: 30_000 });
    await result
      .getByRole('list', { name: 'Refused by the service' })
      .getByText(refs[2]!)
      .waitFor();
    await shot(page, 'bulk-actions-refused');
    const { rows: onServer } = await stack.db.query<{ reference: string; email: string | null }>(
      `SELECT c.reference, a.email FROM cases c LEFT JOIN agents a ON a.id = c.assignee_id
        WHERE c.reference = ANY($1) ORDER BY c.reference`,
      [refs.slice(1)],
    );
    expect(Object.fromEntries(onServer.map((r) => [r.reference, r.email]))).toEqual({
      [refs[1]!]: 'tom@demo.casedesk',
      [refs[2]!]: null,
      [refs[3]!]: 'tom@demo.casedesk',
    });
    // The ticks went with the change; the queue no longer lists the assigned cases, nor
    // (once the pull brings it) the one resolved on the service. The next test picks its
    // rows from this queue, so it must have settled.
    await expect.poll(() => page.getByRole('toolbar', { name: 'Bulk actions' }).count()).toBe(0);
    await expect
      .poll(async () => {
        const shown = await settledQueue(page).locator('td.mono').allTextContents();
        return refs.slice(1).filter((r) => shown.includes(r));
      })
      .toEqual([]);
  }, 120_000);

  it('resolves the ticked cases with one summary after asking for it', async () => {
    const rows = settledQueue(page).getByRole('row');
    await rows.nth(2).waitFor();
    const refs: string[] = [];
    for (const i of [1, 2]) refs.push((await rows.nth(i).locator('td.mono').textContent())!);
    for (const r of refs) await box(r).click();
    const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
    await bar.getByRole('button', { name: 'Resolve selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve 2 cases?' });
    await dialog.getByRole('button', { name: 'Resolve cases' }).click();
    await dialog.getByRole('alert').getByText('Summarise the resolution.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'bulk-resolve-dialog');
    await dialog.getByRole('textbox', { name: 'Resolution summary' }).fill('Duplicate reports');
    await dialog.getByRole('button', { name: 'Resolve cases' }).click();
    await page.getByLabel('Bulk result').getByText('Resolved: 2 changes queued.').waitFor();
    await synced();
    await expect
      .poll(
        async () =>
          (
            await stack.db.query<{ status: string; resolution_summary: string }>(
              `SELECT status, resolution_summary FROM cases WHERE reference = ANY($1)`,
              [refs],
            )
          ).rows,
        { timeout: 20_000 },
      )
      .toEqual([
        { status: 'resolved', resolution_summary: 'Duplicate reports' },
        { status: 'resolved', resolution_summary: 'Duplicate reports' },
      ]);
  }, 120_000);
});
