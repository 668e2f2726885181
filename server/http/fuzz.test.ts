import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzService } from '../testing/fuzz-requests';
import { fuzzFixtures } from '../testing/fuzz-setup';
import { startTestService, type TestService } from '../testing/test-service';

// Seeded and bounded for CI; `npm run fuzz` runs the long one (FUZZ_RUNS, FUZZ_SEED).
const SEED = 20261201;
const RUNS_PER_ROUTE = 12;

describe('the fuzz suite over every catalogued route and sync op', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('pglite');
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
