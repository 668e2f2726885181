import { readFileSync, writeFileSync } from 'node:fs';
import { migrate } from '../db/migrate';
import { openPglite, type PgliteDatabase } from '../db/pglite-database';
import { seedDemoIfEmpty } from '../seed/demo';

/** Where the test run's global setup left a migrated PGlite data directory (a tarball). */
export const PGLITE_TEMPLATE_ENV = 'CASEDESK_TEST_PGLITE_TEMPLATE';
/** The same with the demo data seeded (seed number 1), for the browser suites. */
export const PGLITE_DEMO_TEMPLATE_ENV = 'CASEDESK_TEST_PGLITE_DEMO_TEMPLATE';

/**
 * The test databases' buffer pool. PGlite zeroes the pool at every start: with the default
 * 128MB, opening a copy took 1.7–2.2 processor-seconds, with 16MB 1.1–1.2; the suites'
 * databases are a few MB.
 */
const TEST_SHARED_BUFFERS = '16MB';

const templates = new Map<string, Uint8Array>();

/**
 * A template's bytes as PGlite's loader wants them (it only calls `arrayBuffer()`), read
 * from disk once per process. Node's own Blob over 40 MB costs close to a processor-second
 * in `arrayBuffer()` each time; this hands PGlite a fresh copy in a few milliseconds.
 */
function templateBlob(file: string): Blob {
  let bytes = templates.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(file));
    templates.set(file, bytes);
  }
  const source = bytes;
  return {
    type: '',
    size: source.byteLength,
    arrayBuffer: () => Promise.resolve(source.slice().buffer),
  } as unknown as Blob;
}

async function openCopy(template: string): Promise<PgliteDatabase> {
  const db = await openPglite(undefined, {
    loadDataDir: templateBlob(template),
    sharedBuffers: TEST_SHARED_BUFFERS,
  });
  // The migrations still run on the copy: a no-op when the template is current, and right
  // when it is not.
  await migrate(db);
  return db;
}

/**
 * A fresh in-memory PGlite database with every migration applied. Creating one costs about
 * six processor-seconds of initdb and migrations; the suites open a few hundred, so the
 * test run migrates one once and each opens a copy of it (about one).
 */
export async function openMigratedPglite(): Promise<PgliteDatabase> {
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (!template) {
    const db = await openPglite(undefined, { sharedBuffers: TEST_SHARED_BUFFERS });
    await migrate(db);
    return db;
  }
  return openCopy(template);
}

/**
 * A migrated database holding the demo data. Seeding costs about thirteen processor-seconds
 * and every browser suite needs it, so the run seeds once and each suite opens a copy. The
 * copy's times are as of the run's start, minutes old at most: nothing the suites check
 * depends on the minute, and the demo data never lies in the future.
 */
export async function openDemoPglite(): Promise<PgliteDatabase> {
  const template = process.env[PGLITE_DEMO_TEMPLATE_ENV];
  if (!template) {
    const db = await openMigratedPglite();
    await seedDemoIfEmpty(db, { seedNumber: 1 });
    return db;
  }
  return openCopy(template);
}

/** Migrates a database once and writes it to `file`, for openMigratedPglite to copy. */
export async function writeMigratedPgliteTemplate(file: string): Promise<void> {
  const db = await openPglite();
  await migrate(db);
  await dumpTo(db, file);
}

/** Seeds a copy of the migrated template with the demo data, for openDemoPglite to copy. */
export async function writeDemoPgliteTemplate(file: string): Promise<void> {
  const db = await openMigratedPglite();
  await seedDemoIfEmpty(db, { seedNumber: 1 });
  await dumpTo(db, file);
}

async function dumpTo(db: PgliteDatabase, file: string): Promise<void> {
  writeFileSync(file, Buffer.from(await (await db.dumpDataDir()).arrayBuffer()));
  await db.close();
}
