import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, PullResponse, SyncChange } from '../../shared';
import { changesSettled } from '../testing/settled-changes';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

async function pullAll(s: Session, cursor: string | null, limit: number) {
  const changes: SyncChange[] = [];
  for (;;) {
    const res = await s.get(`/api/v1/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page = res.json<PullResponse>();
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

/** What the REST endpoint shows of a case: the parts a replica must hold once it sees it. */
async function partsOf(s: Session, caseId: string) {
  const res = await s.get(`/api/v1/cases/${caseId}`);
  expect(res.statusCode).toBe(200);
  const body = res.json<Record<string, { id: string }[]>>();
  return {
    message: body.messages!.map((m) => m.id),
    note: body.notes!.map((n) => n.id),
    action: body.actions!.map((a) => a.id),
    external_dispute: body.externalDisputes!.map((d) => d.id),
    event: body.events!.map((e) => e.id),
  };
}

describe.each(testDatabaseKinds())('gaining sight of a case on %s', (kind) => {
  let svc: TestService;
  let marco: Session, lena: Session;
  beforeAll(async () => {
    svc = await startTestService(kind);
    [marco, lena] = await Promise.all([svc.login('marco'), svc.login('lena')]);
  });
  afterAll(() => svc.close());

  /** A German case (Marco lacks German) with a part of every kind. */
  async function caseWithHistory(): Promise<Case> {
    const c = await svc.intake({ language: 'de' });
    const ok = async (url: string, body: unknown) => {
      const res = await lena.post(url, body);
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await ok(`/api/v1/cases/${c.id}/claim`, undefined);
    await ok(`/api/v1/cases/${c.id}/messages`, { to: 'buyer', body: 'Wir prüfen das.' });
    await ok(`/api/v1/cases/${c.id}/notes`, { body: 'earlier note' });
    await ok(`/api/v1/cases/${c.id}/actions`, {
      type: 'refund',
      amount: { amount: 10_00, currency: 'EUR' },
      reason: 'goodwill',
    });
    await ok(`/api/v1/cases/${c.id}/external-disputes`, {
      body: 'PayPal',
      reference: `PP-${c.reference}`,
      filedAt: '2026-11-20T10:00:00Z',
      status: 'filed',
      notes: 'buyer opened a claim',
    });
    return c;
  }

  it.each([
    ['one page', 5000],
    ['pages of three', 3],
  ])(
    'delivers every earlier part when another change follows the assignment before the pull (%s)',
    async (_, limit) => {
      const c = await caseWithHistory();
      await changesSettled(svc.db);
      const { cursor } = await pullAll(marco, null, 5000);
      const res = await lena.post(`/api/v1/cases/${c.id}/assign`, { agentId: marco.agent.id });
      expect(res.statusCode).toBe(200);
      // Changes after the assignment, before Marco pulls: a note, a reply and a status change.
      await lena.post(`/api/v1/cases/${c.id}/notes`, { body: 'over to you, Marco' });
      await lena.post(`/api/v1/cases/${c.id}/messages`, { to: 'seller', body: 'Bitte melden.' });
      await lena.post(`/api/v1/cases/${c.id}/status`, { from: 'open', to: 'pending_seller' });

      await changesSettled(svc.db);
      const { changes } = await pullAll(marco, cursor, limit);
      const got = (entity: string) =>
        new Set(
          changes
            .filter((x) => x.entity === entity && x.op === 'upsert' && x.id !== undefined)
            .map((x) => x.id),
        );
      const expected = await partsOf(lena, c.id);
      for (const [entity, ids] of Object.entries(expected)) {
        expect(ids.length, entity).toBeGreaterThan(0);
        expect([...got(entity)].filter((id) => ids.includes(id)).sort(), entity).toEqual(
          [...ids].sort(),
        );
      }
      const shown = changes.filter((x) => x.entity === 'case' && x.id === c.id).at(-1)!;
      expect(shown.data).toMatchObject({ assigneeId: marco.agent.id, status: 'pending_seller' });
    },
  );
});
