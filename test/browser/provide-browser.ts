import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What finding or installing a browser needs of the machine; replaced in the tests. */
export interface BrowserHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Root may install packages; nobody else is asked for a password in the middle of a test run. */
  isRoot: boolean;
  /** Debian or Ubuntu (`/etc/debian_version`): where `apt-get install chromium` means something. */
  isDebian: boolean;
  exists(file: string): boolean;
  /** `<file> --version` succeeds: Ubuntu's chromium-browser can be a stub that only points at snap. */
  runs(file: string): boolean;
  /** Runs a command to completion with its output shown; true if it succeeded. */
  run(command: string, args: string[]): boolean;
  /** Where Playwright keeps (or would download) its own Chromium. */
  playwrightChromium(): string;
  say(line: string): void;
}

export type BrowserProvision =
  | {
      path: string;
      how: 'configured' | 'found' | 'installed with apt' | 'downloaded by Playwright';
    }
  | { error: string };

/** Set by the test run's global setup for its workers: the browser to drive, or why there is none. */
export const BROWSER_ENV = 'CASEDESK_CHROMIUM';
export const BROWSER_MISSING_ENV = 'CASEDESK_CHROMIUM_MISSING';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

function wellKnownPaths(host: BrowserHost): string[] {
  if (host.platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  if (host.platform === 'win32') {
    const roots = [host.env.PROGRAMFILES, host.env['PROGRAMFILES(X86)'], host.env.LOCALAPPDATA];
    return roots
      .filter((r): r is string => Boolean(r))
      .map((r) => path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

function onPath(host: BrowserHost): string[] {
  const delimiter = host.platform === 'win32' ? ';' : ':';
  const join = host.platform === 'win32' ? path.win32.join : path.posix.join;
  const suffix = host.platform === 'win32' ? '.exe' : '';
  const dirs = (host.env.PATH ?? host.env.Path ?? '').split(delimiter).filter(Boolean);
  return dirs.flatMap((dir) => NAMES.map((name) => join(dir, name + suffix)));
}

function firstRunnable(host: BrowserHost, candidates: string[]): string | null {
  for (const c of new Set(candidates)) {
    if (host.exists(c) && host.runs(c)) return c;
  }
  return null;
}

/**
 * The browser the end-to-end tests drive, in this order: the one CASEDESK_CHROMIUM names; a
 * system Chromium or Chrome (PATH, then the usual places); Playwright's, if it is already
 * downloaded; Debian's chromium installed with apt (root on Debian/Ubuntu only); Playwright's
 * download. Only when none of these works is there an error — one line saying what to do.
 */
export function provideBrowser(host: BrowserHost): BrowserProvision {
  const configured = host.env[BROWSER_ENV];
  if (configured) {
    return host.exists(configured) && host.runs(configured)
      ? { path: configured, how: 'configured' }
      : { error: `${BROWSER_ENV}=${configured} is not a browser that runs here.` };
  }
  const system = firstRunnable(host, [...onPath(host), ...wellKnownPaths(host)]);
  if (system) return { path: system, how: 'found' };
  const playwright = host.playwrightChromium();
  if (playwright && host.exists(playwright)) return { path: playwright, how: 'found' };

  const tried: string[] = ['no Chromium or Chrome on PATH or in the usual places'];
  if (host.platform === 'linux' && host.isDebian && host.isRoot) {
    host.say(
      '[casedesk] No Chromium or Chrome found: installing Debian\'s "chromium" package (apt-get update && apt-get install -y chromium) for the browser tests.',
    );
    const installed =
      host.run('apt-get', ['update', '-qq']) &&
      host.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
    const apt = installed ? firstRunnable(host, wellKnownPaths(host)) : null;
    if (apt) return { path: apt, how: 'installed with apt' };
    tried.push('apt-get install chromium failed');
  } else if (host.platform === 'linux') {
    tried.push(
      host.isDebian ? 'not root, so not installing with apt' : 'not Debian/Ubuntu, so no apt',
    );
  }

  host.say(
    "[casedesk] Downloading Playwright's Chromium (npx playwright-core install chromium) for the browser tests.",
  );
  if (
    host.run(process.execPath, [playwrightCli(), 'install', 'chromium']) &&
    host.exists(playwright)
  ) {
    return { path: playwright, how: 'downloaded by Playwright' };
  }
  tried.push("Playwright's download failed");
  return {
    error: `No browser for the end-to-end tests (${tried.join('; ')}): install Chromium or Chrome, or set ${BROWSER_ENV} to one.`,
  };
}

const require = createRequire(import.meta.url);

function playwrightCli(): string {
  return path.join(path.dirname(require.resolve('playwright-core/package.json')), 'cli.js');
}

/** This machine. */
export function systemHost(): BrowserHost {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync('/etc/debian_version'),
    exists: existsSync,
    runs: (file) =>
      spawnSync(file, ['--version'], { stdio: 'ignore', timeout: 20_000 }).status === 0,
    run: (command, args) =>
      spawnSync(command, args, {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status === 0,
    playwrightChromium: () => {
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      try {
        return chromium.executablePath();
      } catch {
        return ''; // a platform Playwright has no build for
      }
    },
    say: (line) => console.log(line),
  };
}

/**
 * The browser for a test or a benchmark: the one the test run's global setup provided (or
 * its reason why there is none), else provided here — benchmarks run without that setup.
 */
export function browserExecutable(env = process.env): string {
  const missing = env[BROWSER_MISSING_ENV];
  if (missing) throw new Error(missing);
  const given = env[BROWSER_ENV];
  if (given && existsSync(given)) return given;
  const provided = provideBrowser(systemHost());
  if ('error' in provided) throw new Error(provided.error);
  return provided.path;
}
