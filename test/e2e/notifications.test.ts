import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Case } from '../../shared';
import { escalation } from '../../server/testing/test-service';
import { E2E_INTAKE_KEY, seriousViolations, shot, startSignedIn, type Stack } from './harness';
import { replicaRecord } from './replica-peek';

/**
 * Issue 16: Notifications — what happened to me, from the replica's events. A lead assigns
 * a case to an agent and names her in a note; the agent sees both, unread, and opens the
 * case from the list.
 */
describe('notifications in Chromium', { timeout: 180_000 }, () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let c: Case;
  let lenaToken = '';

  const asLena = (path: string, body: unknown) =>
    fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lenaToken}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('ana'));
    const res = await fetch(`${stack.url}/api/v1/intake/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': E2E_INTAKE_KEY },
      body: JSON.stringify(escalation()),
    });
    c = (await res.json()) as Case;
    const login = await fetch(`${stack.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lena@demo.casedesk', password: 'casedesk-demo' }),
    });
    lenaToken = ((await login.json()) as { token: string }).token;
  }, 150_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('tells the agent a lead assigned her a case and named her in a note; opens the case', async () => {
    const button = page.getByRole('button', { name: 'Notifications', exact: true });
    const unread = async () =>
      Number((await page.getByTestId('unread-count').textContent())?.match(/^\d+/)?.[0] ?? 0);
    // Counted once the window holds the new case (and whatever its arrival brought).
    await expect.poll(() => replicaRecord(page, 'cases', c.id)).toBeDefined();
    const before = await unread();

    const ana = await stack.db.query<{ id: string }>(
      `SELECT id FROM agents WHERE email = 'ana@demo.casedesk'`,
    );
    expect(
      (await asLena(`/api/v1/cases/${c.id}/assign`, { agentId: ana.rows[0]!.id })).status,
    ).toBe(200);
    expect(
      (
        await asLena(`/api/v1/cases/${c.id}/notes`, {
          body: '@Ana please call the seller.',
        })
      ).status,
    ).toBe(201);

    // The window hears of both by itself (poke, pull) and counts them unread.
    await expect.poll(unread, { timeout: 45_000 }).toBe(before + 2);
    expect(await button.getAttribute('aria-describedby')).toBeTruthy();
    // With a count showing, the button's name is still exactly its text (axe checks it).
    expect(await seriousViolations(page)).toEqual([]);
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    const assigned = dialog.getByRole('button', {
      name: new RegExp(`Lena Kowalska assigned ${c.reference} to you`),
    });
    await assigned.waitFor();
    await dialog
      .getByRole('button', {
        name: new RegExp(`Lena Kowalska mentioned you in a note on ${c.reference}`),
      })
      .waitFor();
    expect(await assigned.textContent()).toMatch(/^Unread · Assigned to you/);
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 950 });
      await shot(page, `notifications-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 950 });

    await assigned.click();
    await page.getByRole('heading', { level: 1, name: c.reference, exact: true }).waitFor();
    expect(await dialog.count()).toBe(0);
    await expect.poll(unread).toBe(before + 1);
  });
});
