/**
 * `npm run seed -- --cases 100000 [--seed 7]`: fills the configured database (DATABASE_URL,
 * or PGlite in CASEDESK_DATA_DIR) with demo cases for benchmarks, adding to what is there.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../database-from-config';
import { prepareSchema } from '../db/prepare-schema';
import { DEMO_ACCOUNTS, createDemoAccounts } from './accounts';
import { addDemoCases, loadDemoAgents } from './demo';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '250' },
  },
});
const count = Number(values.cases);
const seedNumber = Number(values.seed);
const batch = Number(values.batch);
if (
  !Number.isInteger(count) ||
  count < 1 ||
  !Number.isInteger(seedNumber) ||
  !Number.isInteger(batch) ||
  batch < 1
) {
  console.error(
    'usage: npm run seed -- --cases <n ≥ 1> [--seed <integer>] [--batch <cases per transaction>]',
  );
  process.exit(2);
}

const config = loadConfig();
const db = await openDatabase(config.database);
await prepareSchema(db, config.database.kind === 'postgres' ? config.database.migrationUrl : null);
const found = await db.query<{ id: string; email: string }>(
  'SELECT id, email FROM agents WHERE email = ANY ($1)',
  [DEMO_ACCOUNTS.map((a) => a.email)],
);
const ids =
  found.rows.length === DEMO_ACCOUNTS.length
    ? new Map(found.rows.map((r) => [r.email, r.id]))
    : await db.transaction((tx) => createDemoAccounts(tx));
const agents = await loadDemoAgents(db, ids);

const started = performance.now();
let last = 0;
await addDemoCases(db, agents, {
  seedNumber,
  count,
  batch,
  now: new Date(),
  onProgress: (done) => {
    if (done - last >= 5000 || done === count) {
      last = done;
      const s = (performance.now() - started) / 1000;
      console.log(`${done.toLocaleString('en')} cases  ${(done / s).toFixed(0)} cases/s`);
    }
  },
});
console.log(
  `seeded ${count.toLocaleString('en')} cases into ${config.database.kind} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
await db.close();
