import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

// The packaged shape of the app, driven through Playwright's Electron support. It runs
// where an Electron binary exists (a developer's or QA's machine, CI with xvfb-run);
// test/global-setup.ts prints the one line that says when and why it did not.
const binary = findElectronBinary();
const SHOTS = path.resolve('test-results/screenshots');

describe.skipIf(!('path' in binary))('the desktop app (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    const userData = await mkdtemp(path.join(tmpdir(), 'casedesk-desktop-'));
    app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: ['.', `--user-data-dir=${userData}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 120_000,
    });
    page = await app.firstWindow();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens in standalone mode, marked as a development build, with demo data to sign in to', async () => {
    expect(await page.title()).toMatch(
      /^Casedesk — development build \d+\.\d+\.\d+ \(\w+\) — demo data on this computer$/,
    );
    await page.getByLabel('Email').fill('ana@demo.casedesk');
    await page.getByLabel('Password').fill('casedesk-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Cases' }).count(), { timeout: 60_000 })
      .toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'desktop-queue.png') });
  }, 120_000);

  it('keeps Node and Electron out of the page: only the platform interface is exposed', async () => {
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys((window as unknown as { casedesk: object }).casedesk).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.api).toEqual(
      [
        'appInfo',
        'clearSession',
        'connectServer',
        'getSettings',
        'kind',
        'loadSession',
        'notify',
        'onMenuCommand',
        'onOpenCase',
        'openExternal',
        'saveSession',
        'setBadgeCount',
        'updateSettings',
      ].sort(),
    );
  });

  it('serves the workspace with its Content-Security-Policy from app://', async () => {
    const csp = await page.evaluate(() =>
      fetch(window.location.href).then((r) => r.headers.get('content-security-policy')),
    );
    expect(csp).toContain("default-src 'self'");
    expect(page.url()).toMatch(/^app:\/\/casedesk\//);
  });

  it('refuses to navigate the window away from the app', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/casedesk\//);
  });
});
