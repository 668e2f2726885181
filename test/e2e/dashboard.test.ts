import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { QueueHealth } from '../../shared';
import { escalation } from '../../server/testing/test-service';
import {
  E2E_INTAKE_KEY,
  seriousViolations,
  settledQueue,
  shot,
  signIn,
  startStack,
  type Stack,
} from './harness';

/**
 * The lead's Dashboard end to end: a lead lands on it, a chart's table shows the service's
 * numbers, a bar opens the team queue filtered to what it counts, offline the kept figures
 * show with their age, and axe finds nothing serious, in light and dark.
 */
describe('the Dashboard in Chromium', { timeout: 240_000 }, () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    stack = await startStack();
    context = await stack.browser.newContext({ viewport: { width: 1440, height: 950 } });
    page = await context.newPage();
    // A clock the test can move: "Figures from 5 minutes ago" without waiting five minutes.
    await page.clock.install();
    await signIn(page, stack.url, 'lena');
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  const dashboard = () => page.getByRole('main', { name: 'Dashboard' });
  const figure = (title: string) => dashboard().getByRole('figure', { name: title, exact: true });

  async function serviceFigures(from: string, to: string): Promise<QueueHealth> {
    const login = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'lena@demo.casedesk', password: 'casedesk-demo' },
    });
    const res = await stack.app.inject({
      url: `/api/v1/reports/queue-health?from=${from}&to=${to}`,
      headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` },
    });
    expect(res.statusCode).toBe(200);
    return QueueHealth.parse(res.json());
  }

  it('is where a lead lands, and a chart’s table shows the service’s numbers', async () => {
    await dashboard().waitFor();
    expect(
      await page.getByRole('link', { name: 'Dashboard', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    await dashboard().getByText('Figures from just now').waitFor();

    const flow = figure('Incoming and resolved');
    await flow.getByRole('button', { name: 'Show table' }).click();
    const rows = flow.getByRole('table').getByRole('row');
    await rows.nth(30).waitFor();
    const period = (await dashboard()
      .getByText(/^Last 30 days/)
      .textContent())!;
    const [, from, to] = /(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(period)!;
    const served = await serviceFigures(from!, to!);
    const shown = await rows.evaluateAll((trs) =>
      trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(shown).toEqual(served.days.map((d) => [String(d.incoming), String(d.resolution.count)]));
    expect(served.days.reduce((n, d) => n + d.incoming, 0)).toBeGreaterThan(0);

    // The same numbers leave as CSV, one line a day under the table's headings.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      flow.getByRole('button', { name: 'Export CSV: Incoming and resolved' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`incoming-resolved-${to}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(
      csv
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',').slice(1)),
    ).toEqual(served.days.map((d) => [String(d.incoming), String(d.resolution.count)]));
    expect(csv.split('\r\n')[0]).toBe('Day,Incoming,Resolved');
    await flow.getByRole('button', { name: 'Show table' }).click();
    await flow.getByRole('group', { name: 'Incoming and resolved: bars' }).waitFor();
  });

  it('counts a new case in Open cases as soon as sync brings it', async () => {
    const open = figure('Open cases');
    await open.getByRole('button', { name: 'Show table' }).click();
    const polishNew = open
      .getByRole('row', { name: /^Polish/ })
      .getByRole('cell')
      .first();
    const before = Number(await polishNew.textContent());
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': E2E_INTAKE_KEY },
      payload: escalation({ language: 'pl' }),
    });
    expect(res.statusCode).toBe(201);
    await expect
      .poll(async () => Number(await polishNew.textContent()), { timeout: 20_000 })
      .toBe(before + 1);
    await open.getByRole('button', { name: 'Show table' }).click();
  });

  it('has no serious axe violations, and looks right at three widths in light and dark', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      for (const width of [1280, 1440, 1920]) {
        await page.setViewportSize({ width, height: 1000 });
        await shot(page, `dashboard-${theme}-${width}`);
      }
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    await page.setViewportSize({ width: 1440, height: 950 });
  });

  it('opens the team queue filtered to the language and status of the bar clicked', async () => {
    const bar = figure('Open cases')
      .getByRole('button', { name: /Open the queue$/ })
      .first();
    const name = (await bar.getAttribute('aria-label'))!;
    const [, language, status, count] = /^(\w+), (.+): (\d+)\. Open the queue$/.exec(name)!;
    await bar.click();
    expect(
      await page
        .getByRole('link', { name: 'Team queue', exact: true })
        .getAttribute('aria-current'),
    ).toBe('page');
    const filters = page.getByRole('group', { name: 'Filters' });
    const chosen = async (label: string) =>
      filters
        .getByRole('combobox', { name: label })
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent);
    expect(await chosen('Language')).toBe(language);
    expect(await chosen('Status')).toBe(status);
    await settledQueue(page).waitFor();
    await filters.getByText(new RegExp(`^${count} cases?$`)).waitFor();
  });

  /** "1 Dec 2026" as "2026-12-01". */
  const isoDay = (text: string) => {
    const [d, mon, y] = text.split(' ');
    const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${y}-${String(m.indexOf(mon!) + 1).padStart(2, '0')}-${d!.padStart(2, '0')}`;
  };

  /** The references the database holds for what a dashboard chip says the queue shows. */
  async function referencesFor(chip: string): Promise<string[]> {
    const who = /^Assigned to (.+)$/.exec(chip);
    if (who) {
      const res = await stack.db.query<{ reference: string }>(
        `SELECT c.reference FROM cases c JOIN agents a ON a.id = c.assignee_id
          WHERE a.name = $1 AND c.status <> 'resolved'`,
        [who[1]],
      );
      return res.rows.map((r) => r.reference).sort();
    }
    const [, kind, from, , to] = /^(.+?) (\d+ \w+ \d{4})( to (\d+ \w+ \d{4}))? \(UTC\)$/.exec(
      chip,
    )!;
    const days = [isoDay(from!), isoDay(to ?? from!)];
    const utcDay = (col: string) =>
      `(${col} AT TIME ZONE 'UTC')::date BETWEEN $1::date AND $2::date`;
    const sql: Record<string, string> = {
      Created: `SELECT reference FROM cases WHERE ${utcDay('created_at')}`,
      'First answered': `SELECT reference FROM cases WHERE ${utcDay('first_responded_at')}`,
      Resolved: `SELECT reference FROM cases WHERE ${utcDay('resolved_at')}`,
      Refunded: `SELECT DISTINCT c.reference FROM actions a JOIN cases c ON c.id = a.case_id
                  WHERE a.type = 'refund' AND a.status = 'executed'
                    AND ${utcDay('coalesce(a.result_at, a.decided_at, a.created_at)')}`,
      Restricted: `SELECT DISTINCT c.reference FROM account_restrictions r
                     JOIN cases c ON c.id = r.case_id WHERE ${utcDay('r.created_at')}`,
    };
    const res = await stack.db.query<{ reference: string }>(sql[kind!]!, days);
    return res.rows.map((r) => r.reference).sort();
  }

  it('opens, from a bar of every chart of the service’s figures, exactly the cases the bar counts', async () => {
    const charts: { title: string; series: string; keyboard?: boolean }[] = [
      { title: 'Workload per agent', series: 'Open assigned' },
      { title: 'Refunds and restrictions per week', series: 'Refunds' },
      { title: 'First-response time', series: 'Median' },
      { title: 'SLA attainment', series: 'Resolution met', keyboard: true },
      { title: 'Incoming and resolved', series: 'Incoming' },
      { title: 'Resolution time', series: '90th percentile' },
    ];
    const filters = page.getByRole('group', { name: 'Filters' });
    const chips = filters.getByRole('list', { name: 'Dashboard filters' }).getByRole('listitem');
    for (const c of charts) {
      await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
      const bars = figure(c.title).getByRole('button', {
        name: new RegExp(`, ${c.series}: .*Open the queue$`),
      });
      await bars.first().waitFor();
      // The bar with the fewest cases behind it, so the whole list is on screen to compare.
      const names = await bars.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')!));
      const value = (n: string) => Number(/: ([\d.]+)/.exec(n)?.[1] ?? Infinity);
      const pick = names.reduce((best, n, i) => (value(n) < value(names[best]!) ? i : best), 0);
      const bar = bars.nth(pick);
      if (c.keyboard) {
        await bar.focus();
        await page.keyboard.press('Enter');
      } else {
        await bar.click();
      }
      await page
        .getByRole('link', { name: 'Team queue', exact: true })
        .and(page.locator('[aria-current="page"]'))
        .waitFor();
      const chip = (await chips.first().locator('span').textContent())!;
      const want = await referencesFor(chip);
      expect(want.length, `${c.title}: ${chip}`).toBeGreaterThan(0);
      await filters.getByText(new RegExp(`^${want.length} cases?$`)).waitFor({ timeout: 60_000 });
      const rows = settledQueue(page)
        .locator('tbody tr')
        .filter({ has: page.locator('td.mono') });
      await rows.first().waitFor();
      const shown = (
        await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td.mono')!.textContent!))
      ).sort();
      if (want.length <= shown.length) expect(shown, `${c.title}: ${chip}`).toEqual(want);
      else expect(want, `${c.title}: ${chip}`).toEqual(expect.arrayContaining(shown));
    }
    // The chip goes with its own button, or with the others under "Clear filters".
    await chips
      .first()
      .getByRole('button', { name: /^Remove filter: / })
      .click();
    await chips.first().waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await figure('Workload per agent')
      .getByRole('button', { name: /Open the queue$/ })
      .first()
      .click();
    await chips.first().waitFor();
    await shot(page, 'dashboard-filtered-queue-1440');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await chips.first().waitFor({ state: 'detached' });
  });

  it('shows the kept figures with their age when offline', async () => {
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await dashboard().getByText('Figures from just now').waitFor();
    await context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await page
      .getByRole('status', { name: 'Sync status' })
      .filter({ hasText: 'Offline' })
      .waitFor();
    // Away and back: the figures are read from the device again, not from memory.
    await page.getByRole('link', { name: 'Unassigned', exact: true }).click();
    await page.clock.fastForward('05:00');
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await dashboard().getByText('Figures from 5 minutes ago (offline)').waitFor();
    const flow = figure('Incoming and resolved');
    await flow.getByRole('button', { name: 'Show table' }).click();
    expect(await flow.getByRole('table').getByRole('row').count()).toBe(31);
    expect(await dashboard().getByRole('button', { name: 'Refresh figures' }).isDisabled()).toBe(
      true,
    );
    await shot(page, 'dashboard-offline-1440');
    await context.setOffline(false);
  });
});
