import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Case } from '../../shared';
import { E2E_INTAKE_KEY, seriousViolations, shot, signIn, startStack, type Stack } from './harness';
import { escalation } from '../../server/testing/test-service';

/** Screenshots at the three widths agents' screens have, light and dark. */
async function shotsAtWidths(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await shot(page, `${name}-${scheme}-${width}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function until(check: () => Promise<boolean>, what: string, ms = 45_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// A lead routes the queue and moves an agent's cases; the agent works in a browser of her own.
describe('routing in the Team view in Chromium', { timeout: 240_000 }, () => {
  let stack: Stack;
  let leadCtx: BrowserContext;
  let agentCtx: BrowserContext;
  let lena: Page;
  let ana: Page;
  let anaId = '';

  const row = (name: string): Locator =>
    lena.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: name });
  const openOf = async (id: string) =>
    (
      await stack.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases WHERE assignee_id = $1 AND status <> 'resolved'`,
        [id],
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    stack = await startStack();
    leadCtx = await stack.browser.newContext({ viewport: { width: 1440, height: 900 } });
    agentCtx = await stack.browser.newContext({ viewport: { width: 1440, height: 900 } });
    lena = await leadCtx.newPage();
    ana = await agentCtx.newPage();
    const found = await stack.db.query<{ id: string }>(
      `SELECT id FROM agents WHERE email = 'ana@demo.casedesk'`,
    );
    anaId = found.rows[0]!.id;
    // The reminder worker resolves demo cases left waiting too long, Ana's among them: her
    // open count, and so the room under her capacity, would change under the test.
    await stack.app.waitingWorker.stop();
  }, 120_000);
  afterAll(() => stack?.close());

  it('lets a lead set a capacity and turn routing on, and a new intake lands assigned', async () => {
    // Ana at work: her open workspace reports her presence.
    await signIn(ana, stack.url, 'ana');
    await until(
      async () =>
        (await stack.db.query('SELECT 1 FROM presence WHERE agent_id = $1', [anaId])).rows.length >
        0,
      'Ana’s presence',
    );

    await signIn(lena, stack.url, 'lena');
    await lena.getByRole('link', { name: 'Team', exact: true }).click();
    await row('Ana de Vries').waitFor();
    const room = (await openOf(anaId)) + 1;
    const capacity = lena.getByRole('spinbutton', { name: 'Capacity for Ana de Vries' });
    await capacity.fill(String(room));
    await capacity.press('Enter');
    await until(
      async () =>
        (
          await stack.db.query<{ capacity: number }>('SELECT capacity FROM agents WHERE id = $1', [
            anaId,
          ])
        ).rows[0]!.capacity === room,
      'the capacity to be stored',
    );

    const dutch = lena.getByRole('switch', { name: 'Automatic assignment for Dutch' });
    await expect(dutch.isChecked()).resolves.toBe(false);
    // The switch shows the service's setting: it turns on once the PUT has answered, so
    // Playwright's check(), which wants the state changed at once, would fail under load.
    await dutch.click();
    await expect.poll(() => dutch.isChecked(), { timeout: 20_000 }).toBe(true);
    await until(
      async () =>
        (
          await stack.db.query(
            `SELECT 1 FROM routing_settings WHERE language = 'nl' AND auto_assign`,
          )
        ).rows.length > 0,
      'routing to be on for Dutch',
    );
    await shotsAtWidths(lena, 'routing-team-view');
    expect(await seriousViolations(lena)).toEqual([]);

    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': E2E_INTAKE_KEY },
      payload: escalation({ language: 'nl', question: 'Waar blijft mijn pakket?' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<Case>();
    expect(c).toMatchObject({ status: 'open', assigneeId: anaId });

    // Ana is now at her capacity: the next Dutch case stays in the queue.
    const next = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': E2E_INTAKE_KEY },
      payload: escalation({ language: 'nl' }),
    });
    expect(next.json<Case>()).toMatchObject({ status: 'new', assigneeId: null });
  });

  it('moves all of an agent’s open cases in one step', async () => {
    // The Team view lists the team afresh each time it is opened.
    await lena.reload();
    await lena.getByRole('link', { name: 'Team', exact: true }).click();
    await row('Ana de Vries').waitFor();
    const before = await openOf(anaId);
    expect(before).toBeGreaterThan(0);
    await row('Ana de Vries').getByRole('button', { name: 'Move open cases' }).click();
    const dialog = lena.getByRole('dialog', { name: 'Move Ana de Vries’s open cases' });
    await dialog.getByLabel('To colleagues I choose').check();
    await dialog.getByRole('checkbox', { name: 'Marco Rossi' }).check();
    await shot(lena, 'routing-move-dialog');
    expect(await seriousViolations(lena)).toEqual([]);
    await dialog.getByRole('button', { name: 'Move cases' }).click();
    const done = lena.getByRole('status').filter({ hasText: 'Moved' });
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(
      new RegExp(
        `^Moved ${before} of Ana de Vries’s open cases: \\d+ reassigned, \\d+ back to the queue\\.$`,
      ),
    );
    expect(await openOf(anaId)).toBe(0);
    // Each move is an event on its case, by the lead.
    const moves = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events
        WHERE type IN ('case.assigned', 'case.released') AND data ->> 'fromAssigneeId' = $1
          AND data ->> 'reason' LIKE 'moved: %'`,
      [anaId],
    );
    expect(moves.rows[0]!.n).toBe(before);
    // The row no longer offers a move: nothing is left to move.
    await until(
      async () =>
        (await row('Ana de Vries').getByRole('button', { name: 'Move open cases' }).count()) === 0,
      'the Move button to go',
    );
  });
});
