import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, PullResponse, SyncChange } from '../../shared';
import { addNote } from '../services/case-commands';
import { findAgent } from '../repositories/agents';
import { startTestService, type Session, type TestService } from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';
import { changesSettled } from '../testing/settled-changes';
import { encodeCursor } from './sync-cursor';
import { SYNC_HORIZON } from './sync-horizon';

async function pullAllNow(s: Session, cursor: string | null = null, limit = 1000, extra = '') {
  const changes: SyncChange[] = [];
  let pages = 0;
  for (;;) {
    const res = await s.get(
      `/api/v1/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}${extra}`,
    );
    expect(res.statusCode).toBe(200);
    const page = res.json<PullResponse>();
    expect(page.changes.length).toBeLessThanOrEqual(limit);
    changes.push(...page.changes);
    cursor = page.cursor;
    pages++;
    if (!page.hasMore) return { changes, cursor, pages };
  }
}

const ids = (changes: SyncChange[], entity: string, op = 'upsert') =>
  changes.filter((c) => c.entity === entity && c.op === op).map((c) => c.id);

describe.each(testDatabaseKinds())('sync pull and push on %s', (kind) => {
  let svc: TestService;
  let ana: Session, marco: Session, lena: Session;
  let german: Case, italian: Case;
  // On a shared cluster another transaction may hold the newest changes back for a moment.
  const pullAll = async (s: Session, cursor: string | null = null, limit = 1000, extra = '') => {
    await changesSettled(svc.db);
    return pullAllNow(s, cursor, limit, extra);
  };
  beforeAll(async () => {
    svc = await startTestService(kind);
    [ana, marco, lena] = await Promise.all([
      svc.login('ana'),
      svc.login('marco'),
      svc.login('lena'),
    ]);
    german = await svc.intake({ language: 'de' });
    italian = await svc.intake({ language: 'it' });
    await ana.post(`/api/v1/cases/${german.id}/notes`, { body: 'first note' });
    await lena.post(`/api/v1/cases/${italian.id}/notes`, { body: 'nota' });
  });
  afterAll(() => svc.close());

  it('delivers everything the caller may see from the start, and nothing else', async () => {
    const { changes } = await pullAll(ana);
    expect(ids(changes, 'agent')).toHaveLength(6);
    expect(ids(changes, 'case')).toContain(german.id);
    expect(ids(changes, 'case')).not.toContain(italian.id);
    const notes = changes
      .filter((c) => c.entity === 'note')
      .map((c) => (c.data as { body: string }).body);
    expect(notes).toEqual(['first note']);
    const events = changes
      .filter((c) => c.entity === 'event')
      .map((c) => (c.data as { caseId: string }).caseId);
    expect(events).toContain(german.id);
    expect(events).not.toContain(italian.id);
    // A colleague as an agent sees them: the directory (admins and leads see every field).
    const agent = changes.find((c) => c.entity === 'agent' && c.id !== ana.agent.id)!
      .data as Record<string, unknown>;
    expect(agent).not.toHaveProperty('password_hash');
    expect(Object.keys(agent).sort()).toEqual(['active', 'id', 'languages', 'name', 'roles']);
  });

  it('says on the first page of a first sync about how many cases it brings, and on no later page', async () => {
    await changesSettled(svc.db);
    const first = (await ana.get('/api/v1/sync/pull?limit=2')).json<PullResponse>();
    const { changes } = await pullAll(ana);
    // Ana sees the German case (and any other of her languages), not the Italian one.
    expect(first.estimatedCases).toBe(ids(changes, 'case').length);
    expect((await lena.get('/api/v1/sync/pull?limit=2')).json<PullResponse>().estimatedCases).toBe(
      ids((await pullAll(lena)).changes, 'case').length,
    );
    const next = await ana.get(`/api/v1/sync/pull?limit=2&cursor=${first.cursor}`);
    expect(next.json<PullResponse>()).not.toHaveProperty('estimatedCases');
  });

  it('pages with small limits without gaps or repeats', async () => {
    const big = await pullAll(lena, null, 5000);
    const small = await pullAll(lena, null, 3);
    const key = (c: SyncChange) => `${c.entity}:${c.id}`;
    expect(small.pages).toBeGreaterThan(3);
    expect(new Set(small.changes.map(key))).toEqual(new Set(big.changes.map(key)));
    expect(small.changes.map(key).length).toBe(new Set(small.changes.map(key)).size);
  });

  it('sends the open cases first, then the resolved ones, then the parts', async () => {
    const done = await svc.intake({ language: 'it' });
    expect(
      (await lena.post(`/api/v1/cases/${done.id}/resolve`, { summary: 'Done' })).statusCode,
    ).toBe(200);
    const { changes } = await pullAll(lena, null, 2);
    const order = changes
      .filter((c) => c.entity !== 'agent')
      .map((c) =>
        c.entity === 'case'
          ? (c.data as Case).status === 'resolved'
            ? 'resolved'
            : 'open'
          : 'part',
      );
    // One run of each, in that order (the log after the snapshot may repeat a case).
    const runs = order.filter((k, i) => k !== order[i - 1]);
    expect(runs.slice(0, 3)).toEqual(['open', 'resolved', 'part']);
    expect(ids(changes, 'case')).toContain(done.id);
  });

  it('leaves older history out of a first sync that reads it when a case opens, but not the events read across cases', async () => {
    const dead = await svc.db.query<{ id: string }>(
      `INSERT INTO events (id, case_id, type, at, data)
       VALUES (gen_random_uuid(), $1, 'delivery.dead', now() - interval '30 days', '{}')
       RETURNING id`,
      [german.id],
    );
    const whole = await pullAll(ana);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const recent = await pullAll(ana, null, 2, `&historySince=${later}`);
    const everything = await pullAll(ana, null, 1000, `&historySince=2000-01-01T00:00:00.000Z`);
    expect(ids(whole.changes, 'event').length).toBeGreaterThan(1);
    expect(ids(recent.changes, 'event')).toEqual([dead.rows[0]!.id]);
    expect(new Set(ids(everything.changes, 'event'))).toEqual(new Set(ids(whole.changes, 'event')));
    // Everything else comes whole.
    const rest = (p: { changes: SyncChange[] }) =>
      new Set(p.changes.filter((c) => c.entity !== 'event').map((c) => `${c.entity}:${c.id}`));
    expect(rest(recent)).toEqual(rest(whole));
    expect((await ana.get('/api/v1/sync/pull?historySince=yesterday')).statusCode).toBe(400);
  });

  it('goes on from a cursor handed out before open cases came first, missing nothing', async () => {
    await changesSettled(svc.db);
    const since = (await svc.db.query<{ x: string }>(`SELECT ${SYNC_HORIZON}::text AS x`)).rows[0]!
      .x;
    // Half way through every case, as the snapshot walked them before (phase 1, by id).
    const all = await svc.db.query<{ id: string }>('SELECT id FROM cases ORDER BY id');
    const middle = all.rows[Math.floor(all.rows.length / 2)]!.id;
    const old = encodeCursor({ kind: 'snapshot', since, phase: 1, after: middle });
    const { changes } = await pullAll(lena, old);
    const cases = ids(changes, 'case');
    expect(cases).toEqual(all.rows.map((r) => r.id).filter((id) => id > middle));
    expect(changes.some((c) => c.entity === 'event')).toBe(true);
  });

  it('delivers only what changed since the cursor, with the latest state', async () => {
    const start = await pullAll(ana);
    const again = await pullAll(ana, start.cursor);
    expect(again.changes).toEqual([]);
    await ana.post(`/api/v1/cases/${german.id}/claim`);
    await ana.post(`/api/v1/cases/${german.id}/notes`, { body: 'second note' });
    const next = await pullAll(ana, start.cursor);
    const c = next.changes.find((x) => x.entity === 'case' && x.id === german.id)!;
    expect(c.data).toMatchObject({ assigneeId: ana.agent.id, status: 'open', version: 4 });
    expect(next.changes.filter((x) => x.entity === 'case')).toHaveLength(1);
    expect(
      next.changes.filter((x) => x.entity === 'note').map((x) => (x.data as { body: string }).body),
    ).toEqual(['second note']);
    expect(ids(next.changes, 'event')).toHaveLength(2);
  });

  it('sends a case with all its parts when the caller gains sight of it, and deletes when they lose it', async () => {
    const { cursor } = await pullAll(ana);
    await lena.post(`/api/v1/cases/${italian.id}/assign`, { agentId: ana.agent.id });
    const gained = await pullAll(ana, cursor);
    expect(ids(gained.changes, 'case')).toEqual([italian.id]);
    expect(
      gained.changes
        .filter((c) => c.entity === 'note')
        .map((c) => (c.data as { body: string }).body),
    ).toEqual(['nota']);
    expect(ids(gained.changes, 'event').length).toBeGreaterThanOrEqual(3);

    await lena.post(`/api/v1/cases/${italian.id}/assign`, { agentId: marco.agent.id });
    const lost = await pullAll(ana, gained.cursor);
    expect(ids(lost.changes, 'case', 'delete')).toEqual([italian.id]);
    expect(lost.changes.filter((c) => c.op === 'delete').every((c) => c.data === null)).toBe(true);
    expect(ids(lost.changes, 'note', 'delete')).toHaveLength(1);
    expect(ids(lost.changes, 'case')).toEqual([]);
  });

  it('refuses cursors it did not give out and limits out of range', async () => {
    expect((await ana.get('/api/v1/sync/pull?cursor=bogus')).statusCode).toBe(400);
    expect((await ana.get('/api/v1/sync/pull?limit=0')).statusCode).toBe(400);
    expect((await ana.get('/api/v1/sync/pull?limit=5001')).statusCode).toBe(400);
    const anon = await svc.app.inject({ method: 'GET', url: '/api/v1/sync/pull' });
    expect(anon.statusCode).toBe(401);
  });

  describe('push', () => {
    it('applies mutations in order through the command handlers and answers each', async () => {
      const c = await svc.intake({ language: 'nl' });
      const res = await ana.post('/api/v1/sync/push', {
        mutations: [
          { id: `m1-${c.id}`, op: 'case.claim', args: { caseId: c.id } },
          { id: `m2-${c.id}`, op: 'case.note', args: { caseId: c.id, body: 'offline note' } },
          {
            id: `m3-${c.id}`,
            op: 'case.message',
            args: { caseId: c.id, to: 'buyer', body: 'Hallo!' },
          },
          {
            id: `m4-${c.id}`,
            op: 'case.action',
            args: {
              caseId: c.id,
              type: 'refund',
              amount: { amount: 10_00, currency: 'EUR' },
              reason: 'late',
            },
          },
        ],
      });
      expect(res.statusCode).toBe(200);
      const results = res.json().results;
      expect(results.map((r: { status: string }) => r.status)).toEqual([
        'applied',
        'applied',
        'applied',
        'applied',
      ]);
      expect(results[0].result).toMatchObject({ id: c.id, assigneeId: ana.agent.id });
      expect(results[3].result).toMatchObject({ type: 'refund', status: 'executed' });
      const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail.notes).toHaveLength(1);
      expect(detail.messages).toHaveLength(1);
      expect(detail.case.order.refundedAmount.amount).toBe(10_00);
    });

    it('answers a re-sent mutation as duplicate and applies it once', async () => {
      const c = await svc.intake({ language: 'nl' });
      await ana.post(`/api/v1/cases/${c.id}/claim`);
      const m = {
        id: `refund-${c.id}`,
        op: 'case.action',
        args: {
          caseId: c.id,
          type: 'refund',
          amount: { amount: 30_00, currency: 'EUR' },
          reason: 'x',
        },
      };
      const first = (await ana.post('/api/v1/sync/push', { mutations: [m] })).json().results[0];
      const second = (await ana.post('/api/v1/sync/push', { mutations: [m, m] })).json().results;
      expect(first.status).toBe('applied');
      expect(second.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
      expect(second[0].result).toEqual(first.result);
      const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail.case.order.refundedAmount.amount).toBe(30_00);
    });

    it('does not let one rejected mutation stop the rest, unless they depend on it', async () => {
      const c = await svc.intake({ language: 'de' });
      await ana.post(`/api/v1/cases/${c.id}/claim`);
      const disputeId = '7b0d7c56-0000-4000-8000-000000000001';
      const res = await ana.post('/api/v1/sync/push', {
        mutations: [
          {
            id: `r1-${c.id}`,
            op: 'case.status',
            args: { caseId: c.id, from: 'pending_buyer', to: 'open' },
          },
          {
            id: `r2-${c.id}`,
            op: 'dispute.create',
            args: {
              caseId: c.id,
              id: disputeId,
              body: '',
              reference: 'x',
              filedAt: '2026-11-01T00:00:00Z',
              status: 'filed',
              notes: '',
            },
          },
          { id: `r3-${c.id}`, op: 'dispute.update', args: { disputeId, status: 'decided' } },
          { id: `r4-${c.id}`, op: 'case.note', args: { caseId: c.id, body: 'still applied' } },
        ],
      });
      const results = res.json().results;
      expect(results.map((r: { status: string }) => r.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
        'applied',
      ]);
      expect(results[0].error.code).toBe('stale_state');
      expect(results[1].error.code).toBe('validation_failed');
      expect(results[2].error.code).toBe('not_found');
    });

    it('lets later mutations refer to what earlier ones created with client ids', async () => {
      const c = await svc.intake({ language: 'de' });
      await ana.post(`/api/v1/cases/${c.id}/claim`);
      const disputeId = crypto.randomUUID();
      const res = await ana.post('/api/v1/sync/push', {
        mutations: [
          {
            id: `d1-${c.id}`,
            op: 'dispute.create',
            args: {
              caseId: c.id,
              id: disputeId,
              body: 'De Geschillencommissie',
              reference: 'GC-1',
              filedAt: '2026-11-01T00:00:00Z',
              status: 'filed',
              notes: '',
            },
          },
          { id: `d2-${c.id}`, op: 'dispute.update', args: { disputeId, status: 'in_progress' } },
        ],
      });
      expect(res.json().results.map((r: { status: string }) => r.status)).toEqual([
        'applied',
        'applied',
      ]);
      expect(res.json().results[1].result).toMatchObject({ id: disputeId, status: 'in_progress' });
      const reuse = await ana.post('/api/v1/sync/push', {
        mutations: [
          { id: `d3-${c.id}`, op: 'case.note', args: { caseId: c.id, id: disputeId, body: 'x' } },
        ],
      });
      expect(reuse.json().results[0].status).toBe('applied');
      const clash = await ana.post('/api/v1/sync/push', {
        mutations: [
          { id: `d4-${c.id}`, op: 'case.note', args: { caseId: c.id, id: disputeId, body: 'y' } },
        ],
      });
      expect(clash.json().results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'validation_failed' },
      });
    });

    it('refuses unknown ops, malformed batches and more than 500 mutations', async () => {
      const unknownOp = await ana.post('/api/v1/sync/push', {
        mutations: [{ id: 'x', op: 'case.frobnicate', args: {} }],
      });
      expect(unknownOp.statusCode).toBe(400);
      const tooMany = await ana.post('/api/v1/sync/push', {
        mutations: Array.from({ length: 501 }, (_, i) => ({
          id: `n${i}`,
          op: 'case.note',
          args: { caseId: german.id, body: 'x' },
        })),
      });
      expect(tooMany.statusCode).toBe(400);
      const badArgs = await ana.post('/api/v1/sync/push', {
        mutations: [
          { id: 'bad-args', op: 'case.note', args: { caseId: german.id, body: 'x', extra: 1 } },
        ],
      });
      expect(badArgs.json().results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'validation_failed' },
      });
    });
  });
});

// Commits interleave only where transactions run side by side: PGlite runs one at a time.
describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))(
  'sync pull under concurrency on %s',
  (kind) => {
    let svc: TestService;
    let ana: Session;
    let german: Case;
    beforeAll(async () => {
      svc = await startTestService(kind);
      ana = await svc.login('ana');
      german = await svc.intake({ language: 'de' });
    });
    afterAll(() => svc.close());

    it('never skips a change committed out of order', async () => {
      const agent = (await findAgent(svc.db, ana.agent.id))!;
      const { cursor } = await pullAllNow(ana);
      let releaseSlow!: () => void;
      const slowMayCommit = new Promise<void>((r) => (releaseSlow = r));
      let slowWrote!: () => void;
      const slowHasWritten = new Promise<void>((r) => (slowWrote = r));
      // The slow transaction writes first (lower sequence number) and commits last.
      const slow = svc.db.transaction(async (tx) => {
        await addNote(tx, agent, german.id, 'slow', new Date());
        slowWrote();
        await slowMayCommit;
      });
      await slowHasWritten;
      const fast = await svc.intake({ language: 'de' });
      const during = await pullAllNow(ana, cursor);
      expect(ids(during.changes, 'case')).not.toContain(fast.id);
      releaseSlow();
      await slow;
      // Delivered as soon as no older transaction anywhere on the server is still open
      // (other suites share this PostgreSQL), so ask until then.
      let after = await pullAllNow(ana, during.cursor);
      for (let i = 0; i < 50 && !ids(after.changes, 'case').includes(fast.id); i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await pullAllNow(ana, during.cursor);
      }
      expect(
        after.changes
          .filter((c) => c.entity === 'note')
          .map((c) => (c.data as { body: string }).body),
      ).toContain('slow');
      expect(ids(after.changes, 'case')).toContain(fast.id);
    });
  },
);
