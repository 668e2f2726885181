import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { seriousViolations, settledQueue, shot, startStack, type Stack } from './harness';

/**
 * Issue 16, defect 5: during a first sync the workspace says how far it is — cases received
 * of about how many, a bar named "First sync" — and shows the cases that arrived, instead
 * of "No cases in this view" with every count 0. The service's answers are slowed down
 * here (the first page made small, the rest held) so the sync can be looked at half done.
 */
describe('a first sync shows its progress in Chromium', { timeout: 180_000 }, () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let visible = 0;
  let firstPage = 0;

  beforeAll(async () => {
    stack = await startStack();
    const res = await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    visible = res.rows[0]!.n; // a lead sees every case
    const agents = await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agents');
    // The directory and about half of the cases come first.
    firstPage = agents.rows[0]!.n + Math.floor(visible / 2);
    context = await stack.browser.newContext({ viewport: { width: 1440, height: 950 } });
    page = await context.newPage();
    await page.route('**/api/v1/sync/pull**', async (route: Route) => {
      const url = new URL(route.request().url());
      if (!url.searchParams.has('cursor')) {
        url.searchParams.set('limit', String(firstPage));
        return route.continue({ url: url.toString() });
      }
      await held;
      return route.continue();
    });
    await page.goto(stack.url);
    await page.getByLabel('Email').fill('lena@demo.casedesk');
    await page.getByLabel('Password').fill('casedesk-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }, 150_000);

  afterAll(async () => {
    release();
    await context?.close();
    await stack?.close();
  });

  const bar = () => page.getByRole('progressbar', { name: 'First sync' });

  it('says how many cases arrived of about how many, and shows them in the queue', async () => {
    await expect
      .poll(() => bar().getAttribute('aria-valuetext'), { timeout: 30_000 })
      .toMatch(new RegExp(`^\\d+ of about ${visible} cases received$`));
    const text = (await bar().getAttribute('aria-valuetext'))!;
    const received = Number(text.split(' ')[0]);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(visible);
    expect(await bar().getAttribute('value')).toBe(String(received));
    expect(await bar().getAttribute('max')).toBe(String(visible));
    expect(await page.getByRole('status', { name: 'Sync status' }).textContent()).toContain(
      'Syncing',
    );

    // The open ones of those that arrived are in the team queue, and counted.
    await page.getByRole('link', { name: 'Team queue', exact: true }).click();
    const rows = settledQueue(page).locator('tbody tr[aria-rowindex]');
    // Counted by a live query once the page is in: wait for it rather than read it at once.
    const teamCount = async () => Number(await page.locator('#count-team').textContent());
    await expect.poll(teamCount).toBeGreaterThan(0);
    const team = await teamCount();
    expect(team).toBeLessThanOrEqual(received);
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect
      .poll(() => settledQueue(page).getAttribute('aria-rowcount'))
      .toBe(String(team + 1));
    expect(await page.getByText('No cases in this view.').count()).toBe(0);

    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 950 });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await shot(page, `first-sync-${width}-${scheme}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('says that cases are still arriving where a view shows none yet', async () => {
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('qqzzxxnothing');
    await page.getByText('No cases in this view yet: they show as they arrive.').waitFor();
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('');
  });

  it('goes away once every case is in, with every case in the queue', async () => {
    release();
    await page
      .getByRole('status', { name: 'Sync status' })
      .filter({ hasText: 'Synced' })
      .waitFor({ timeout: 60_000 });
    await expect.poll(() => bar().count()).toBe(0);
    await page.getByRole('link', { name: 'Team queue', exact: true }).click();
    await expect.poll(() => page.locator('#count-team').textContent()).not.toBe('0');
  });
});
