import {
  BROWSER_ENV,
  BROWSER_MISSING_ENV,
  provideBrowser,
  systemHost,
} from './browser/provide-browser';
import { findElectronBinary } from './desktop/electron-binary';

/** Says once, up front, what the suites run against and what they skip — never silently. */
export default function setup(): void {
  // Provided once here, before the workers start (they inherit the environment), so two
  // workers never install a browser at the same time.
  const browser = provideBrowser(systemHost());
  if ('error' in browser) {
    delete process.env[BROWSER_ENV];
    process.env[BROWSER_MISSING_ENV] = browser.error;
    console.log(`[casedesk] Browser tests will FAIL: ${browser.error}`);
  } else {
    process.env[BROWSER_ENV] = browser.path;
    console.log(`[casedesk] Browser tests drive ${browser.path} (${browser.how}).`);
  }
  const electron = findElectronBinary();
  if ('skipReason' in electron) {
    console.log(
      `[casedesk] Electron end-to-end suite (test/desktop) SKIPPED: ${electron.skipReason}.`,
    );
  } else {
    console.log(`[casedesk] Electron end-to-end suite runs with ${electron.path}.`);
  }
  if (process.env.CASEDESK_TEST_DATABASE_URL) {
    console.log(
      '[casedesk] API suites run on PGlite and on PostgreSQL (CASEDESK_TEST_DATABASE_URL).',
    );
  } else {
    console.log(
      '[casedesk] API suites run on PGlite only: set CASEDESK_TEST_DATABASE_URL=postgres://… to run them on PostgreSQL too (CI does).',
    );
  }
}
