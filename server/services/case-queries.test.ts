import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IntakeRequest } from '../../shared';
import { CONTEXT_SQL } from '../repositories/case-detail-parts';
import {
  escalation,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';
import { ruleSuiteDatabaseKinds } from '../testing/test-databases';

describe.each(ruleSuiteDatabaseKinds())('reading a case on %s', (kind) => {
  let svc: TestService;
  let lena: Session;
  beforeAll(async () => {
    svc = await startTestService(kind);
    lena = await svc.login('lena');
  });
  afterAll(() => svc.close());

  const ofSeller = (externalId: string): Partial<IntakeRequest> => {
    const e = escalation();
    return {
      order: { ...e.order!, seller: { externalId, name: `Seller ${externalId}`, country: 'NL' } },
    };
  };

  it('runs three statements after the session: the case, its parts, its context', async () => {
    const c = await svc.intake(ofSeller('seller-count'));
    await lena.get(`/api/v1/cases/${c.id}`); // the session is checked and its last-seen noted
    const spy = vi.spyOn(svc.db, 'query');
    try {
      const res = await lena.get(`/api/v1/cases/${c.id}`);
      expect(res.statusCode).toBe(200);
      const sqls = spy.mock.calls.map(([sql]) => sql);
      const caseStatements = sqls.filter((sql) => !/\bsessions\b/.test(sql));
      expect(caseStatements).toHaveLength(3);
      expect(sqls.length).toBeLessThanOrEqual(4);
    } finally {
      spy.mockRestore();
    }
  });

  it("lists the seller's other cases newest first, and not another seller's", async () => {
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push(await svc.intake(ofSeller('seller-history')));
    await svc.intake(ofSeller('seller-elsewhere'));
    const newest = await svc.intake(ofSeller('seller-history'));
    const detail = (await lena.get(`/api/v1/cases/${mine[1]!.id}`)).json();
    const listed = detail.context.sellerCases.cases.map((x: { id: string }) => x.id);
    expect(listed).toEqual([newest.id, mine[2]!.id, mine[0]!.id]);
    expect(detail.context.sellerCases.total).toBe(3);
    expect(detail.messages.length + detail.events.length).toBeGreaterThan(0);
  });

  it('keeps the seller on the case from its order, for cases written by any path', async () => {
    const c = await svc.intake(ofSeller('seller-column'));
    const res = await svc.db.query<{ same: boolean }>(
      `SELECT c.seller_id = o.seller_id AS same FROM cases c JOIN orders o ON o.id = c.order_id
        WHERE c.id = $1`,
      [c.id],
    );
    expect(res.rows).toEqual([{ same: true }]);
  });

  it("finds the buyer's and the seller's history through their own indexes", async () => {
    const c = await svc.intake(ofSeller('seller-plan'));
    const plan = await svc.db.transaction(async (tx) => {
      // Tiny test tables would be scanned whole; the question is whether an index serves.
      await tx.query('SET LOCAL enable_seqscan = off');
      const res = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${CONTEXT_SQL}`, [
        c.buyer.id,
        c.order!.seller.id,
        c.id,
      ]);
      return res.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    // An ordered index scan under the limit: read in order, stopped after the page.
    expect(plan).toMatch(/Limit[^\n]*\n\s*->\s*Index Scan using cases_seller_created_idx/);
    expect(plan).toMatch(/Limit[^\n]*\n\s*->\s*Index Scan using cases_buyer_created_idx/);
  });
});
