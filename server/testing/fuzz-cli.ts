/**
 * `npm run fuzz`: the long fuzz run. FUZZ_RUNS generated requests per route and for sync
 * pushes (default 300), FUZZ_SEED for a repeatable run; prints what it sent and saw.
 */
import { fuzzService, FUZZED_ROUTES } from './fuzz-requests';
import { FUZZ_SERVICE_OPTIONS, fuzzFixtures } from './fuzz-setup';
import { startTestService } from './test-service';

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const kind = process.env.CASEDESK_TEST_DATABASE_URL ? 'postgres' : 'pglite';

const svc = await startTestService(kind, FUZZ_SERVICE_OPTIONS);
const started = Date.now();
const { ids, creds } = await fuzzFixtures(svc);
const { figures, problems } = await fuzzService(svc, ids, creds, { seed, runsPerRoute: runs });
const health = await svc.app.inject({ method: 'GET', url: '/api/v1/health' });
await svc.close();

const statuses = [...figures.statuses.entries()].sort(([a], [b]) => a - b);
process.stdout.write(
  [
    `fuzz on ${kind}, seed ${seed}: ${FUZZED_ROUTES.length} routes + sync push ops, ${runs} runs each`,
    `requests sent: ${figures.requests}; 5xx seen: ${figures.serverErrors}; in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    `statuses: ${statuses.map(([s, n]) => `${s}×${n}`).join(', ')}`,
    `service answers afterwards: ${health.statusCode === 200 ? 'yes' : `no (${health.statusCode})`}`,
    'per route: sent, clean (valid and authorised), clean that passed validation, answered 2xx',
    ...[...figures.byRoute.entries()].map(
      ([label, f]) =>
        `  ${label.padEnd(52)} ${String(f.sent).padStart(5)} ${String(f.clean).padStart(5)} ${String(f.passed).padStart(5)} ${String(f.ok).padStart(5)}${f.applied !== undefined ? `  (${f.applied} mutations applied)` : ''}`,
    ),
    ...problems.slice(0, 20).map((p) => `PROBLEM ${p}`),
    '',
  ].join('\n'),
);
process.exitCode = problems.length === 0 && health.statusCode === 200 ? 0 : 1;
