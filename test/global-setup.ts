import { findElectronBinary } from './desktop/electron-binary';

/** Says once, up front, what the suites run against and what they skip — never silently. */
export default function setup(): void {
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
