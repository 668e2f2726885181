import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Case } from '../../shared';
import { escalation } from '../../server/testing/test-service';
import {
  E2E_INTAKE_KEY,
  openFirstCase,
  seriousViolations,
  shot,
  openSignedIn,
  startSignedIn,
  type Stack,
} from './harness';
import { replicaCount, replicaRecord } from './replica-peek';

const synced = (page: Page) =>
  page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Synced' }).waitFor();
const others = (page: Page) => page.getByRole('status', { name: 'Others on this case' });

/**
 * Issue 16, presence and collision: two agents in two browser contexts on one case see
 * each other, see who is typing, and one is warned before sending a reply when the other
 * replied since the case was opened. And the agent's own availability for chat and phone.
 */
describe('presence and collision between two agents in Chromium', { timeout: 240_000 }, () => {
  let stack: Stack;
  let anaContext: BrowserContext;
  let ana: Page;
  let lenaContext: BrowserContext;
  let lena: Page;
  let c: Case;

  const messagesBy = async (email: string) =>
    (
      await stack.db.query<{ body: string }>(
        `SELECT m.body FROM messages m JOIN agents a ON a.id = m.author_id
          WHERE m.case_id = $1 AND a.email = $2 ORDER BY m.created_at`,
        [c.id, email],
      )
    ).rows.map((r) => r.body);

  beforeAll(async () => {
    ({ stack, context: anaContext, page: ana } = await startSignedIn('ana'));
    const res = await fetch(`${stack.url}/api/v1/intake/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': E2E_INTAKE_KEY },
      body: JSON.stringify(escalation()),
    });
    c = (await res.json()) as Case;
    await synced(ana);
    await openFirstCase(ana, 'Unassigned', c.reference);
    await ana.getByRole('button', { name: 'Claim' }).click();
    await ana.getByRole('button', { name: 'Release' }).waitFor();
    await synced(ana);
    ({ context: lenaContext, page: lena } = await openSignedIn(stack, 'lena'));
    await openFirstCase(lena, 'Team queue', c.reference);
  }, 180_000);

  afterAll(async () => {
    await lenaContext?.close();
    await anaContext?.close();
    await stack?.close();
  });

  it('shows each who else has the case open, and who is typing a reply, live', async () => {
    await others(ana).filter({ hasText: 'Lena Kowalska is viewing' }).waitFor({ timeout: 20_000 });
    await others(lena).filter({ hasText: 'Ana de Vries is viewing' }).waitFor({ timeout: 20_000 });
    await lena.getByRole('textbox', { name: 'Reply' }).pressSequentially('Wir prüfen');
    await others(ana)
      .filter({ hasText: 'Lena Kowalska is typing a reply…' })
      .waitFor({ timeout: 10_000 });
    for (const width of [1280, 1440, 1920]) {
      await ana.setViewportSize({ width, height: 950 });
      await shot(ana, `presence-typing-${width}`);
    }
    await ana.setViewportSize({ width: 1440, height: 950 });
    expect(await seriousViolations(ana)).toEqual([]);
    // Typing stops counting a few seconds after the last key.
    await others(ana).filter({ hasText: 'Lena Kowalska is viewing' }).waitFor({ timeout: 15_000 });
  });

  it('warns before sending when someone else replied since the case was opened', async () => {
    await lena.getByRole('textbox', { name: 'Reply' }).fill('Wir prüfen das mit dem Verkäufer.');
    await lena.getByRole('button', { name: 'Send reply' }).click();
    // Ana's window learns of Lena's reply by itself (poke, pull) once its undo time ends.
    await ana
      .getByRole('list', { name: 'Messages and notes' })
      .getByText('Wir prüfen das mit dem Verkäufer.')
      .waitFor({ timeout: 45_000 });

    await ana.getByRole('textbox', { name: 'Reply' }).fill('Ich kümmere mich darum.');
    await ana.getByRole('button', { name: 'Send reply' }).click();
    const warning = ana.getByRole('group', { name: 'Someone else replied' });
    await warning
      .getByRole('alert')
      .filter({ hasText: 'Lena Kowalska replied less than a minute ago' })
      .waitFor();
    for (const width of [1280, 1440, 1920]) {
      await ana.setViewportSize({ width, height: 950 });
      await shot(ana, `presence-collision-${width}`);
    }
    await ana.setViewportSize({ width: 1440, height: 950 });
    expect(await seriousViolations(ana)).toEqual([]);

    // Review: nothing is sent, the colleague's reply comes into view with the focus on it.
    await warning.getByRole('button', { name: 'Review' }).click();
    expect(await warning.count()).toBe(0);
    expect(
      await ana.evaluate(() => document.activeElement?.textContent?.includes('Wir prüfen das')),
    ).toBe(true);
    expect(await ana.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe(
      'Ich kümmere mich darum.',
    );
    // Nothing was queued to go later either: the outbox (empty before) holds nothing.
    expect(await replicaCount(ana, 'outbox')).toBe(0);
    expect(await messagesBy('ana@demo.casedesk')).toEqual([]);

    // Read: the next send goes without asking.
    await ana.getByRole('button', { name: 'Send reply' }).click();
    await expect
      .poll(() => messagesBy('ana@demo.casedesk'), { timeout: 30_000 })
      .toEqual(['Ich kümmere mich darum.']);

    // Another reply by Lena, who is warned of Ana's in turn and sends anyway. The warning
    // rests on what Lena's device holds, so her window must have Ana's reply first (it
    // arrives by itself once Ana's undo time ends; under load that can follow the click).
    await lena
      .getByRole('list', { name: 'Messages and notes' })
      .getByText('Ich kümmere mich darum.')
      .waitFor({ timeout: 45_000 });
    await lena.getByRole('textbox', { name: 'Reply' }).fill('Der Verkäufer hat geantwortet.');
    await lena.getByRole('button', { name: 'Send reply' }).click();
    const lenaWarning = lena.getByRole('group', { name: 'Someone else replied' });
    await lenaWarning.getByText('Ana de Vries replied less than a minute ago').waitFor();
    await lenaWarning.getByRole('button', { name: 'Send anyway' }).click();
    // Ana is warned again; Send anyway sends.
    await ana
      .getByRole('list', { name: 'Messages and notes' })
      .getByText('Der Verkäufer hat geantwortet.')
      .waitFor({ timeout: 45_000 });
    await ana.getByRole('textbox', { name: 'Reply' }).fill('Danke, erledigt.');
    await ana.getByRole('button', { name: 'Send reply' }).click();
    await warning.getByRole('button', { name: 'Send anyway' }).click();
    await expect
      .poll(() => messagesBy('ana@demo.casedesk'), { timeout: 30_000 })
      .toEqual(['Ich kümmere mich darum.', 'Danke, erledigt.']);
  });

  it('warns of a colleague’s reply the service has and this device has not pulled yet', async () => {
    // Ana's window may not pull: whatever the stream says, her device lacks what follows.
    const heldPulls: (() => void)[] = [];
    const pulls = (url: URL) => url.pathname === '/api/v1/sync/pull';
    await ana.route(pulls, (route) => {
      heldPulls.push(() => void route.continue().catch(() => undefined));
    });
    const login = await fetch(`${stack.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lena@demo.casedesk', password: 'casedesk-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${stack.url}/api/v1/cases/${c.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ to: 'buyer', body: 'Die Rückerstattung ist veranlasst.' }),
    });
    expect(res.status).toBe(201);
    const lenas = (await res.json()) as { id: string };

    await ana.getByRole('textbox', { name: 'Reply' }).fill('Ich erstatte den Betrag.');
    await ana.getByRole('button', { name: 'Send reply' }).click();
    const warning = ana.getByRole('group', { name: 'Someone else replied' });
    await warning.getByText('Lena Kowalska replied less than a minute ago').waitFor();
    // The warning came from the service: the device still does not hold Lena's reply.
    expect(await replicaRecord(ana, 'messages', lenas.id)).toBeUndefined();
    expect(await messagesBy('ana@demo.casedesk')).toEqual([
      'Ich kümmere mich darum.',
      'Danke, erledigt.',
    ]);

    // Review brings her reply into the conversation once the device has pulled it.
    await ana.unroute(pulls);
    for (const go of heldPulls) go();
    await warning.getByRole('button', { name: 'Review' }).click();
    const shown = ana
      .getByRole('list', { name: 'Messages and notes' })
      .getByText('Die Rückerstattung ist veranlasst.');
    await shown.waitFor({ timeout: 45_000 });
    await expect
      .poll(() =>
        ana.evaluate(() => document.activeElement?.textContent?.includes('Die Rückerstattung')),
      )
      .toBe(true);
    expect(await ana.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe(
      'Ich erstatte den Betrag.',
    );
  });

  it('drops the colleague from the case once they close it', async () => {
    await lena.getByRole('button', { name: 'Close case' }).click();
    await expect
      .poll(() => others(ana).textContent(), { timeout: 20_000 })
      .not.toContain('Lena Kowalska');
  });

  it('reports the agent’s availability for chat and phone from the header switches', async () => {
    const options = async () => {
      const res = await fetch(`${stack.url}/api/v1/intake/contact-options?language=de`, {
        headers: { 'x-intake-key': E2E_INTAKE_KEY },
      });
      const body = (await res.json()) as { options: { channel: string; available: boolean }[] };
      return Object.fromEntries(body.options.map((o) => [o.channel, o.available]));
    };
    const chat = ana.getByRole('switch', { name: 'Available for chat' });
    const phone = ana.getByRole('switch', { name: 'Available for phone' });
    expect(await chat.isChecked()).toBe(false);
    await chat.check();
    await expect.poll(options).toEqual({ email: true, chat: true, phone: false });
    await phone.check();
    await expect.poll(options).toEqual({ email: true, chat: true, phone: true });
    expect(await seriousViolations(ana)).toEqual([]);
    await shot(ana, 'availability-switches');
    await chat.uncheck();
    await phone.uncheck();
    await expect.poll(options).toEqual({ email: true, chat: false, phone: false });
  });
});
