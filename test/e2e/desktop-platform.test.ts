import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  openFirstCase,
  referenceCell,
  settledQueue,
  shot,
  startStack,
  type Stack,
} from './harness';

/**
 * The workspace as the desktop app runs it, in Chromium: a stand-in for the preload
 * bridge (window.casedesk, the same Platform interface) is installed before the page
 * loads and records what the workspace asks of its host. The Electron side of each call
 * is tested under Node (electron/main) and, where a binary exists, in test/desktop.
 */
function fakeBridge(): void {
  type Call = { method: string; args: unknown[] };
  const calls: Call[] = [];
  const listeners: Record<string, ((p: unknown) => void)[]> = { case: [], menu: [] };
  let session: unknown = JSON.parse(localStorage.getItem('fake.session') ?? 'null');
  const record =
    <T>(method: string, result: (...args: unknown[]) => T) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
      return result(...args);
    };
  const settings = {
    mode: 'standalone',
    serverUrl: null,
    theme: 'dark',
    notifications: {
      assignedToMe: true,
      approvalWaiting: true,
      slaAtRisk: true,
      changeRejected: true,
    },
    windowBounds: null,
  };
  Object.assign(window, {
    __calls: calls,
    __emit: (kind: 'case' | 'menu', payload: unknown) =>
      listeners[kind]!.forEach((l) => l(payload)),
    casedesk: {
      kind: 'desktop',
      appInfo: record('appInfo', () => ({
        name: 'Casedesk',
        version: '0.2.0',
        commit: 'test',
        channel: 'qa',
        server: 'demo data on this computer',
        serverId: 'standalone',
        platform: 'desktop',
      })),
      getSettings: record('getSettings', () => settings),
      updateSettings: record('updateSettings', () => settings),
      connectServer: record('connectServer', (choice) => ({
        ok: false,
        reason: `${(choice as { url?: string }).url} cannot be reached (getaddrinfo ENOTFOUND)`,
      })),
      loadSession: record('loadSession', () => session),
      saveSession: record('saveSession', (s) => {
        session = s;
        localStorage.setItem('fake.session', JSON.stringify(s));
        return 'weak';
      }),
      clearSession: record('clearSession', () => {
        session = null;
        localStorage.removeItem('fake.session');
        return null;
      }),
      notify: record('notify', () => true),
      setBadgeCount: record('setBadgeCount', () => null),
      openExternal: record('openExternal', () => true),
      takePendingCase: record('takePendingCase', () => null),
      signInWithSso: record('signInWithSso', () => ({ error: 'access_denied' })),
      onOpenCase: (l: (p: unknown) => void) => {
        listeners.case!.push(l);
        return () => undefined;
      },
      onMenuCommand: (l: (p: unknown) => void) => {
        listeners.menu!.push(l);
        return () => undefined;
      },
    },
  });
}

type Calls = { method: string; args: unknown[] }[];
const calls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __calls: Calls }).__calls);
const emit = (page: Page, kind: 'case' | 'menu', payload: unknown) =>
  page.evaluate(
    ([k, p]) =>
      (window as unknown as { __emit: (k: string, p: unknown) => void }).__emit(k as string, p),
    [kind, payload] as const,
  );

describe('the workspace as the desktop app hosts it', { timeout: 120_000 }, () => {
  let stack: Stack;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    stack = await startStack();
    ctx = await stack.browser.newContext({ viewport: { width: 1600, height: 950 } });
    await ctx.addInitScript(fakeBridge);
    page = await ctx.newPage();
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
    await stack?.close();
  });

  it('offers the connection settings before sign-in and shows why a server was refused', async () => {
    await page.goto(stack.url);
    await page.getByText('Cases from: demo data on this computer').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('button', { name: 'Change connection' }).click();
    await page.getByRole('radio', { name: 'My team’s case service' }).check();
    await page.getByRole('textbox', { name: 'Server address' }).fill('https://nope.example.com');
    await page.getByRole('button', { name: 'Check and connect' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'https://nope.example.com cannot be reached' })
      .waitFor();
    await shot(page, '06-desktop-connection');
    expect((await calls(page)).filter((c) => c.method === 'connectServer')).toEqual([
      { method: 'connectServer', args: [{ mode: 'server', url: 'https://nope.example.com' }] },
    ]);
  });

  it('keeps the session with the host and says when it is only weakly protected', async () => {
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('Email').fill('ana@demo.casedesk');
    await page.getByLabel('Password').fill('casedesk-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('status', { name: 'Sync status' })
      .filter({ hasText: 'Synced' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('note').filter({ hasText: 'only weakly protected' }).waitFor();
    const saved = (await calls(page)).find((c) => c.method === 'saveSession');
    expect(saved?.args[0]).toMatchObject({ agent: { email: 'ana@demo.casedesk' } });
    expect(await page.evaluate(() => sessionStorage.getItem('casedesk.session'))).toBeNull();
  });

  it('shows the count of my open cases on the badge and notifies a case newly assigned to me', async () => {
    // Counted by a live query: read once it has answered (Ana holds cases in the demo data).
    const count = async () => Number(await page.locator('#count-mine').textContent());
    await expect.poll(count).toBeGreaterThan(0);
    const mine = await count();
    await expect
      .poll(
        async () => (await calls(page)).filter((c) => c.method === 'setBadgeCount').at(-1)?.args[0],
      )
      .toBe(mine);

    const reference = await openFirstCase(page, 'Unassigned');
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();
    await expect
      .poll(async () =>
        (await calls(page)).filter((c) => c.method === 'notify').map((c) => c.args[0]),
      )
      .toContainEqual(expect.objectContaining({ kind: 'assignedToMe', caseReference: reference }));
    await expect
      .poll(
        async () => (await calls(page)).filter((c) => c.method === 'setBadgeCount').at(-1)?.args[0],
      )
      .toBe(mine + 1);
  });

  it('opens the case of a deep link, and says so when the case is not here', async () => {
    await page.getByRole('link', { name: 'Team queue', exact: true }).click();
    const rows = settledQueue(page).getByRole('row');
    await rows.nth(3).waitFor();
    const reference = (await referenceCell(rows.nth(3)).textContent())!.match(/CD-\d+/)![0];
    await emit(page, 'case', reference.toLowerCase());
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
    await emit(page, 'case', 'CD-999999999');
    await page
      .getByRole('note')
      .filter({ hasText: 'Case CD-999999999 is not in your queue' })
      .waitFor();
  });

  it('runs the workspace shortcuts from the application menu', async () => {
    await emit(page, 'menu', 'case.close');
    await page.getByRole('heading', { level: 1 }).waitFor({ state: 'detached' });
    await emit(page, 'menu', 'search.focus');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.activeElement?.getAttribute('aria-label') ??
            (document.activeElement as HTMLInputElement | null)?.type,
        ),
      )
      .toMatch(/Search cases|search/);
    await emit(page, 'menu', 'shortcuts.show');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('says in the settings where the cases come from and how to change it', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByText('demo data on this computer').waitFor();
    await dialog.getByText('Change connection').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
