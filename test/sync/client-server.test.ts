import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../renderer/data/replica-db';
import {
  applyServerChanges,
  dismissRejected,
  enqueueMutation,
  keepCaseHistory,
  resetReplica,
} from '../../renderer/data/replica-writes';
import { caseDetail } from '../../renderer/data/replica-reads';
import { EventRead } from '../../renderer/data/read-schemas';
import { openCaseFromIntake } from '../../server/services/intake';
import { SyncEngine, type SyncSnapshot } from '../../renderer/data/sync-engine';
import { backoffDelay } from '../../renderer/data/sync-retry';
import { pushOutbox } from '../../renderer/data/push-outbox';
import { checkServerChanges } from '../../renderer/data/validate-changes';
import {
  escalation,
  startTestService,
  type Session,
  type TestService,
} from '../../server/testing/test-service';
import { injectTransport } from './inject-transport';

let n = 0;

describe('the offline client against a real case service', () => {
  let svc: TestService;
  let ana: Session, tess: Session, lena: Session;
  beforeAll(async () => {
    svc = await startTestService('pglite');
    [ana, tess, lena] = await Promise.all([svc.login('ana'), svc.login('tess'), svc.login('lena')]);
  });
  afterAll(() => svc.close());

  function device(session: Session) {
    const name = `replica-${++n}`;
    const { transport, control } = injectTransport(svc.app, session.token);
    const states: SyncSnapshot[] = [];
    const open = () => {
      const db = openReplica(name);
      const engine = new SyncEngine(db, transport, session.agent, (s) => states.push(s));
      return { db, engine };
    };
    return { open, control, states, last: () => states[states.length - 1]! };
  }
  const serverCase = async (id: string) => (await lena.get(`/api/v1/cases/${id}`)).json();

  it('brings only the last days of history in a first sync, and a case’s whole history once it opens online', async () => {
    const old = await svc.db.transaction((tx) =>
      openCaseFromIntake(
        tx,
        escalation({ language: 'de' }),
        new Date(Date.now() - 30 * 86_400_000),
      ),
    );
    const recent = await svc.intake({ language: 'de' });
    const d = device(ana);
    const { db, engine } = d.open();
    await engine.sync();
    expect(await db.cases.get(old.id)).toBeDefined();
    expect(typeof (await db.meta.get('historySince'))?.value).toBe('string');

    const before = (await caseDetail(db, old.id))!;
    expect(before.events).toEqual([]);
    expect(before.historyWhole).toBe(false);
    const fresh = (await caseDetail(db, recent.id))!;
    expect(fresh.events.length).toBeGreaterThan(0);
    expect(fresh.historyWhole).toBe(true);

    // The case opens online: the service's case detail carries its whole history.
    const served = (await ana.get(`/api/v1/cases/${old.id}`)).json<{ events: unknown[] }>();
    const events = served.events.map((e) => EventRead.parse(e));
    expect(events.length).toBeGreaterThan(0);
    await keepCaseHistory(db, old.id, events);
    // Offline from here on: the replica alone answers.
    d.control.offline = true;
    const after = (await caseDetail(db, old.id))!;
    expect(after.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(after.historyWhole).toBe(true);

    // A case this device does not hold is not kept; a reset forgets what was kept.
    await keepCaseHistory(db, crypto.randomUUID(), events);
    expect(await db.histories.count()).toBe(1);
    await resetReplica(db);
    expect(await db.histories.count()).toBe(0);
    expect(await db.meta.get('historySince')).toBeUndefined();
    db.close();
  });

  it('queues a note, a reply, a claim and a refund offline and applies each exactly once on return', async () => {
    const c = await svc.intake({ language: 'de' });
    const d = device(ana);
    const { db, engine } = d.open();
    await engine.sync();
    expect(await db.cases.get(c.id)).toBeDefined();

    d.control.offline = true;
    await enqueueMutation(db, ana.agent, 'case.claim', { caseId: c.id });
    await enqueueMutation(db, ana.agent, 'case.note', {
      caseId: c.id,
      id: crypto.randomUUID(),
      body: 'offline note',
    });
    await enqueueMutation(db, ana.agent, 'case.message', {
      caseId: c.id,
      id: crypto.randomUUID(),
      to: 'buyer',
      body: 'Hallo',
    });
    await enqueueMutation(db, ana.agent, 'case.action', {
      caseId: c.id,
      id: crypto.randomUUID(),
      type: 'refund',
      amount: { amount: 20_00, currency: 'EUR' },
      reason: 'late',
    });
    await engine.sync();
    expect(d.last()).toMatchObject({ phase: 'offline', online: false, pending: 4 });
    const local = (await db.cases.get(c.id))!;
    expect(local.assigneeId).toBe(ana.agent.id);
    const refund = (await db.actions.where('caseId').equals(c.id).first())!;
    // Money is never shown as done before the server says so.
    expect(refund).toMatchObject({ status: 'pending_approval', pending: true });
    expect(local.order!.refundable.amount).toBe(100_00);

    d.control.offline = false;
    await engine.sync();
    expect(d.last()).toMatchObject({ phase: 'in-sync', pending: 0 });
    const truth = await serverCase(c.id);
    expect(truth.case.assigneeId).toBe(ana.agent.id);
    expect(truth.notes).toHaveLength(1);
    expect(truth.messages).toHaveLength(1);
    expect(truth.actions).toHaveLength(1);
    expect(truth.case.order.refundedAmount.amount).toBe(20_00);
    expect((await db.actions.get(refund.id))!.status).toBe('executed');
    expect((await db.cases.get(c.id))!.order!.refundable.amount).toBe(80_00);
    engine.stop();
  });

  it('loses nothing and doubles nothing when the page dies in the middle of a push', async () => {
    const c = await svc.intake({ language: 'de' });
    const d = device(ana);
    let { db, engine } = d.open();
    await engine.sync();
    await enqueueMutation(db, ana.agent, 'case.note', {
      caseId: c.id,
      id: crypto.randomUUID(),
      body: 'exactly once',
    });
    d.control.losePushAnswer = true;
    await engine.sync();
    engine.stop();
    db.close();
    // A reload: a new database handle and engine over the same stored outbox.
    ({ db, engine } = d.open());
    expect(await db.outbox.count()).toBe(1);
    await engine.sync();
    expect(await db.outbox.count()).toBe(0);
    expect((await serverCase(c.id)).notes).toHaveLength(1);
    engine.stop();
  });

  it('keeps a refused change with its reason and rolls back what it showed', async () => {
    const c = await svc.intake({ language: 'en' });
    const d = device(ana);
    const { db, engine } = d.open();
    await engine.sync();
    d.control.offline = true;
    const id = await enqueueMutation(db, ana.agent, 'case.claim', { caseId: c.id });
    expect((await db.cases.get(c.id))!.assigneeId).toBe(ana.agent.id);
    await tess.post(`/api/v1/cases/${c.id}/claim`);
    d.control.offline = false;
    await engine.sync();
    expect(d.last().rejected).toEqual([
      {
        id,
        op: 'case.claim',
        what: `Claim on ${c.reference}`,
        error: expect.stringMatching(/claimed/),
      },
    ]);
    expect((await db.cases.get(c.id))!.assigneeId).toBe(tess.agent.id);
    await dismissRejected(db, id);
    expect(await db.outbox.count()).toBe(0);
    engine.stop();
  });

  it('keeps what an answered change did to its case until a pull brings the server’s version', async () => {
    const c = await svc.intake({ language: 'de' });
    const d = device(ana);
    const { db, engine } = d.open();
    await engine.sync();
    engine.stop();
    await enqueueMutation(db, ana.agent, 'case.claim', { caseId: c.id });
    await enqueueMutation(db, ana.agent, 'case.message', {
      caseId: c.id,
      id: crypto.randomUUID(),
      to: 'buyer',
      body: 'Wir kümmern uns darum.',
    });
    expect((await db.cases.get(c.id))!.firstRespondedAt).not.toBeNull();
    // The push is answered (the reply's answer is a message, not the case); no pull yet.
    const { transport } = injectTransport(svc.app, ana.token);
    await pushOutbox(db, transport, ana.agent, {
      sending: async () => undefined,
      stopped: () => false,
    });
    expect(await db.outbox.count()).toBe(0);
    const shown = (await db.cases.get(c.id))!;
    expect(shown.assigneeId).toBe(ana.agent.id);
    // The first-response clock stays stopped: it must not flicker back until the pull.
    expect(shown.firstRespondedAt).not.toBeNull();
    const after = d.open();
    await after.engine.sync();
    expect((await after.db.cases.get(c.id))!.firstRespondedAt).toBe(
      (await serverCase(c.id)).case.firstRespondedAt,
    );
    after.engine.stop();
  });

  it('keeps pending changes on top of what a pull brings', async () => {
    const c = await svc.intake({ language: 'nl' });
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const d = device(ana);
    const { db, engine } = d.open();
    await engine.sync();
    d.control.offline = true;
    await enqueueMutation(db, ana.agent, 'case.status', {
      caseId: c.id,
      from: 'open',
      to: 'pending_buyer',
    });
    await lena.post(`/api/v1/cases/${c.id}/priority`, { priority: 'urgent' });
    // The server's newer case arrives while the status change still waits to be sent.
    const pull = await ana.get('/api/v1/sync/pull?limit=5000');
    const page = pull.json();
    await applyServerChanges(db, checkServerChanges(page.changes), page.cursor, ana.agent);
    const shown = (await db.cases.get(c.id))!;
    expect(shown.status).toBe('pending_buyer');
    expect(shown.priority).toBe('urgent');
    expect(shown.server?.status).toBe('open');
    engine.stop();
  });

  it('applies a pulled batch with its cursor, setting aside the one change it cannot read', async () => {
    const d = device(ana);
    const { db } = d.open();
    const pull = (await ana.get('/api/v1/sync/pull?limit=50')).json();
    const broken = [
      ...pull.changes,
      { entity: 'case', id: 'x', op: 'upsert', data: { not: 'a case' } },
    ];
    await applyServerChanges(db, checkServerChanges(broken), pull.cursor, ana.agent);
    expect(await db.meta.get('cursor')).toEqual({ key: 'cursor', value: pull.cursor });
    expect(await db.agents.count()).toBeGreaterThan(0);
    expect(await db.setAside.toArray()).toMatchObject([
      { key: 'case:x', entity: 'case', data: { not: 'a case' } },
    ]);
  });

  it('shows two devices editing one case the conflict, with the server deciding', async () => {
    const c = await svc.intake({ language: 'de' });
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const online = device(ana);
    const offline = device(lena);
    const a = online.open();
    const b = offline.open();
    await Promise.all([a.engine.sync(), b.engine.sync()]);
    offline.control.offline = true;
    await enqueueMutation(b.db, lena.agent, 'case.status', {
      caseId: c.id,
      from: 'open',
      to: 'pending_seller',
    });
    await enqueueMutation(a.db, ana.agent, 'case.status', {
      caseId: c.id,
      from: 'open',
      to: 'pending_buyer',
    });
    await a.engine.sync();
    offline.control.offline = false;
    await b.engine.sync();
    expect(offline.last().rejected[0]).toMatchObject({
      op: 'case.status',
      error: expect.stringMatching(/pending_buyer/),
    });
    expect((await b.db.cases.get(c.id))!.status).toBe('pending_buyer');
    a.engine.stop();
    b.engine.stop();
  });

  it('backs off exponentially with jitter, capped at a minute', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(30, () => 1)).toBe(60_000);
  });
});
