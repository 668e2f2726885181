import {
  BROWSER_ENV,
  BROWSER_MISSING_ENV,
  provideBrowser,
  systemHost,
} from './browser/provide-browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PGLITE_DEMO_TEMPLATE_ENV,
  PGLITE_TEMPLATE_ENV,
  writeDemoPgliteTemplate,
  writeMigratedPgliteTemplate,
} from '../server/testing/migrated-pglite';
import { findElectronBinary } from './desktop/electron-binary';
import { createPostgresTemplate, PG_TEMPLATE_ENV } from '../server/testing/test-databases';

const SETUP_DONE_ENV = 'CASEDESK_TEST_GLOBAL_SETUP_DONE';

/**
 * Says once, up front, what the suites run against and what they skip — never silently;
 * and migrates one PGlite database for every suite to open a copy of.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // The app and e2e projects both name this file; the second call finds the work done
  // (same process) and leaves the teardown to the first.
  if (process.env[SETUP_DONE_ENV]) return async () => {};
  process.env[SETUP_DONE_ENV] = '1';
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
  const dir = mkdtempSync(path.join(tmpdir(), 'casedesk-pglite-'));
  process.env[PGLITE_TEMPLATE_ENV] = path.join(dir, 'migrated.tar');
  await writeMigratedPgliteTemplate(process.env[PGLITE_TEMPLATE_ENV]);
  process.env[PGLITE_DEMO_TEMPLATE_ENV] = path.join(dir, 'demo.tar');
  await writeDemoPgliteTemplate(process.env[PGLITE_DEMO_TEMPLATE_ENV]);
  const base = process.env.CASEDESK_TEST_DATABASE_URL;
  const pgTemplate = base ? await createPostgresTemplate(base) : null;
  if (pgTemplate) process.env[PG_TEMPLATE_ENV] = pgTemplate.name;
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await pgTemplate?.drop();
  };
}
