import { describe, expect, it } from 'vitest';
import {
  BROWSER_ENV,
  BROWSER_MISSING_ENV,
  browserExecutable,
  provideBrowser,
  systemHost,
  type BrowserHost,
} from './provide-browser';

const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome';

/** A machine with the given files; `apt-get install` and Playwright's download do what is said. */
function machine(opts: {
  files?: string[];
  broken?: string[];
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  root?: boolean;
  debian?: boolean;
  aptWorks?: boolean;
  downloadWorks?: boolean;
}) {
  const files = new Set(opts.files ?? []);
  const said: string[] = [];
  const ran: string[] = [];
  const host: BrowserHost = {
    env: opts.env ?? { PATH: '/usr/local/bin:/usr/bin' },
    platform: opts.platform ?? 'linux',
    isRoot: opts.root ?? false,
    isDebian: opts.debian ?? true,
    exists: (f) => files.has(f),
    runs: (f) => !(opts.broken ?? []).includes(f),
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      if (command === 'apt-get' && args[0] === 'install' && opts.aptWorks) {
        files.add('/usr/bin/chromium');
      }
      if (args.includes('install') && args.includes('chromium') && command !== 'apt-get') {
        if (opts.downloadWorks) files.add(PLAYWRIGHT);
        return opts.downloadWorks ?? false;
      }
      return command === 'apt-get' ? (opts.aptWorks ?? false) : false;
    },
    playwrightChromium: () => PLAYWRIGHT,
    say: (line) => said.push(line),
  };
  return { host, said, ran };
}

describe('the browser npm test provides', () => {
  it('takes a Chromium on PATH first, installing nothing', () => {
    const m = machine({ files: ['/usr/local/bin/chromium', '/usr/bin/google-chrome'], root: true });
    expect(provideBrowser(m.host)).toEqual({ path: '/usr/local/bin/chromium', how: 'found' });
    expect(m.ran).toEqual([]);
    expect(m.said).toEqual([]);
  });

  it('finds Chrome in its usual place when nothing is on PATH', () => {
    const m = machine({ env: { PATH: '' }, files: ['/opt/google/chrome/chrome'] });
    expect(provideBrowser(m.host)).toEqual({ path: '/opt/google/chrome/chrome', how: 'found' });
  });

  it("passes over a chromium-browser that does not run (Ubuntu's snap stub)", () => {
    const m = machine({
      files: ['/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
      broken: ['/usr/bin/chromium-browser'],
    });
    expect(provideBrowser(m.host)).toEqual({ path: '/usr/bin/google-chrome', how: 'found' });
  });

  it('finds Chrome under Program Files on Windows', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const m = machine({
      platform: 'win32',
      env: { Path: 'C:\\Windows', PROGRAMFILES: 'C:\\Program Files' },
      files: [chrome],
    });
    expect(provideBrowser(m.host)).toEqual({ path: chrome, how: 'found' });
  });

  it('uses the browser CASEDESK_CHROMIUM names, and says so when it does not run', () => {
    const ok = machine({ env: { [BROWSER_ENV]: '/x/chrome' }, files: ['/x/chrome'] });
    expect(provideBrowser(ok.host)).toEqual({ path: '/x/chrome', how: 'configured' });
    const bad = machine({ env: { [BROWSER_ENV]: '/x/none' }, files: ['/usr/bin/chromium'] });
    expect(provideBrowser(bad.host)).toEqual({
      error: `${BROWSER_ENV}=/x/none is not a browser that runs here.`,
    });
  });

  it("uses Playwright's Chromium when it is already downloaded", () => {
    const m = machine({ files: [PLAYWRIGHT], root: true });
    expect(provideBrowser(m.host)).toEqual({ path: PLAYWRIGHT, how: 'found' });
    expect(m.ran).toEqual([]);
  });

  it("installs Debian's chromium with apt as root on Debian, saying so in one line", () => {
    const m = machine({ root: true, aptWorks: true });
    expect(provideBrowser(m.host)).toEqual({
      path: '/usr/bin/chromium',
      how: 'installed with apt',
    });
    expect(m.said).toHaveLength(1);
    expect(m.said[0]).toMatch(/installing Debian's "chromium" package \(apt-get/);
    expect(m.ran).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends chromium',
    ]);
  });

  it("falls back to Playwright's download when apt cannot install it", () => {
    const m = machine({ root: true, aptWorks: false, downloadWorks: true });
    expect(provideBrowser(m.host)).toEqual({ path: PLAYWRIGHT, how: 'downloaded by Playwright' });
    expect(m.ran.at(-1)).toMatch(/cli\.js install chromium$/);
  });

  it('never runs apt without root, going to Playwright instead', () => {
    const m = machine({ root: false, downloadWorks: true });
    expect(provideBrowser(m.host)).toEqual({ path: PLAYWRIGHT, how: 'downloaded by Playwright' });
    expect(m.ran.some((r) => r.startsWith('apt-get'))).toBe(false);
  });

  it('fails with one line saying what was tried and what to do when nothing works', () => {
    const m = machine({ root: true, aptWorks: false, downloadWorks: false });
    const result = provideBrowser(m.host);
    expect(result).toEqual({
      error: expect.stringMatching(
        /^No browser for the end-to-end tests \(no Chromium or Chrome on PATH or in the usual places; apt-get install chromium failed; Playwright's download failed\): install Chromium or Chrome, or set CASEDESK_CHROMIUM to one\.$/,
      ),
    });
    expect('error' in result && result.error).not.toContain('\n');
  });

  it('hands the tests the reason when the run could not provide a browser', () => {
    expect(() => browserExecutable({ [BROWSER_MISSING_ENV]: 'No browser: because.' })).toThrow(
      'No browser: because.',
    );
  });

  it('finds a browser that launches on this machine', () => {
    const host = systemHost();
    const env = { ...host.env, [BROWSER_ENV]: undefined };
    const found = provideBrowser({ ...host, env, run: () => false, say: () => undefined });
    expect(found).toHaveProperty('path');
    expect(systemHost().runs((found as { path: string }).path)).toBe(true);
  });
});
