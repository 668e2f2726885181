/** Says once, up front, which databases the suites run against — never a silent skip. */
export default function setup(): void {
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
