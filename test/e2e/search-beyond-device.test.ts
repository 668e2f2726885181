import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations, settledQueue, shot, startSignedIn, type Stack } from './harness';
import { dropReplicaRecord, replicaRecord } from './replica-peek';

/** A search asks the service, when online, for cases the device does not hold. */
describe('search beyond the device', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('ana', { width: 1440, height: 950 }));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('finds a resolved case the device does not hold, marked so, and opens it read-only', async () => {
    const { rows } = await stack.db.query<{ id: string; reference: string; summary: string }>(
      `SELECT id, reference, resolution_summary AS summary FROM cases
        WHERE status = 'resolved' AND language IN ('de', 'en', 'nl') ORDER BY reference LIMIT 1`,
    );
    const { id, reference, summary } = rows[0]!;
    // The device lacks it, as one would that never held it: taken out of the replica.
    await dropReplicaRecord(page, 'cases', id);
    expect(await replicaRecord(page, 'cases', id)).toBeUndefined();

    await page.getByRole('link', { name: 'My cases', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search cases' }).fill(reference);
    const beyond = page.getByRole('region', { name: 'Not on this device' });
    await beyond.getByRole('button', { name: reference, exact: true }).waitFor({ timeout: 20_000 });
    expect(await settledQueue(page).getByRole('row').count()).toBe(1); // the header alone
    // The empty view says where the cases are, not that there are none.
    await page.getByText('None on this device: the service found the cases below.').waitFor();
    expect(await page.getByText('No cases in this view.').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'search-beyond-list');

    await beyond.getByRole('button', { name: reference, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: reference, exact: true }).waitFor();
    await page.getByText('Not on this device: read from the service, read-only.').waitFor();
    await page.getByText(summary, { exact: false }).first().waitFor();
    // Read-only: nothing to reply with or act on.
    expect(await page.getByRole('textbox', { name: 'Reply' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 950 });
      await shot(page, `search-beyond-case-${width}`);
    }
  }, 120_000);
});
