import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_OPS } from '../../shared';
import { startTestService, type TestService } from '../testing/test-service';
import { ROUTE_CATALOG, SYNC_OP_CATALOG, uncataloguedRoutes } from './route-catalog';

describe('the route catalog', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('pglite');
  });
  afterAll(() => svc.close());

  it('lists every API route the service registers (add yours to route-catalog.ts)', () => {
    const registered = svc.app.registeredRoutes();
    expect(registered.length).toBeGreaterThan(10);
    expect(uncataloguedRoutes(registered)).toEqual([]);
  });

  it('lists only routes the service answers', () => {
    for (const r of ROUTE_CATALOG) {
      expect(svc.app.hasRoute({ method: r.method, url: r.path }), `${r.method} ${r.path}`).toBe(
        true,
      );
    }
  });

  it('names the args of every sync op', () => {
    expect(Object.keys(SYNC_OP_CATALOG).sort()).toEqual([...MUTATION_OPS].sort());
  });

  it('notices a route added without an entry', () => {
    expect(uncataloguedRoutes([{ method: 'POST', path: '/api/v1/new-thing' }])).toEqual([
      'POST /api/v1/new-thing',
    ]);
  });
});
