import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzService } from '../testing/fuzz-requests';
import { FUZZ_SERVICE_OPTIONS, fuzzFixtures } from '../testing/fuzz-setup';
import { startTestService, type TestService } from '../testing/test-service';

// Seeded and bounded for CI; `npm run fuzz` runs the long one (FUZZ_RUNS, FUZZ_SEED).
const SEED = 20261201;
const RUNS_PER_ROUTE = 12;
// Of the 51 walked (routes and sync ops); the rest need what a generator cannot guess
// (a password, an invitation token, a stored mail or delivery).
const MIN_ROUTES_REACHING_2XX = 25;

describe('the fuzz suite over every catalogued route and sync op', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('pglite', FUZZ_SERVICE_OPTIONS);
  });
  afterAll(() => svc.close());

  it('never answers 5xx, answers every 4xx in the error shape, and still answers after', async () => {
    const { ids, creds } = await fuzzFixtures(svc);
    const { figures, problems } = await fuzzService(svc, ids, creds, {
      seed: SEED,
      runsPerRoute: RUNS_PER_ROUTE,
    });
    expect(problems).toEqual([]);
    expect(figures.requests).toBeGreaterThan(300);
    // The fuzz reaches the rules, not only the validation in front of them: most clean
    // (valid, authorised) requests pass validation, and most routes answer 2xx at least once.
    const routes = [...figures.byRoute.values()];
    const clean = routes.reduce((n, r) => n + r.clean, 0);
    const passed = routes.reduce((n, r) => n + r.passed, 0);
    expect(clean).toBeGreaterThan(figures.requests / 5);
    expect(passed / clean).toBeGreaterThan(0.8);
    expect(routes.filter((r) => r.ok > 0).length).toBeGreaterThanOrEqual(MIN_ROUTES_REACHING_2XX);
    expect(figures.byRoute.get('sync push ops')!.applied).toBeGreaterThan(0);
    const health = await svc.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    const me = await svc.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${creds.tokens[1]!}` },
    });
    expect(me.statusCode).toBe(200);
  }, 300_000);
});
