import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptySignals, notificationsFor } from '../../shared/desktop/notification-rules';
import { DEFAULT_SETTINGS } from '../../shared/desktop/settings';
import { ANA, LENA, makeCase } from './testing/case-fixtures';
import { toLocalCase } from './local-case';
import type { ActionRead } from './read-schemas';
import { openReplica, type ReplicaDb } from './replica-db';
import {
  describeSignals,
  mergeKeys,
  newKeys,
  readSignalKeys,
  SUMMARY_OVER,
  type SignalKeys,
} from './desk-signals';

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const keys = (assignedToMe: string[]): SignalKeys => ({
  assignedToMe,
  approvalWaiting: [],
  slaAtRisk: [],
  changeRejected: [],
  actionFailed: [],
  deliveryDead: [],
  disputeDue: [],
  decisionOnMine: [],
  partyAnswered: [],
  mentioned: [],
});

const refund = (id: string, caseId: string, status: ActionRead['status']): ActionRead => ({
  id,
  caseId,
  type: 'refund',
  amount: { amount: 1500, currency: 'EUR' },
  reason: 'Not received',
  status,
  proposedBy: ANA.id,
  approvedBy: null,
  rejectedBy: null,
  rejectionReason: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  decidedAt: '2026-12-01T10:00:00.000Z',
  failureReason: status === 'failed' ? 'card expired' : null,
});

describe('desk notifications after a sync', () => {
  it('summarise many cases newly assigned at once (a first sync, a catch-up) in one', async () => {
    db = openReplica(`signals-${Math.random()}`);
    const cases = Array.from({ length: 30 }, (_, i) =>
      makeCase(i, { assigneeId: ANA.id, status: 'open' }),
    );
    await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
    const ids = cases.map((c) => c.id);

    const many = await describeSignals(db, keys(ids));
    expect(many.assignedToMe).toHaveLength(1);
    expect(many.assignedToMe[0]).toMatchObject({ caseReference: null });
    expect(many.assignedToMe[0]!.detail).toBe(
      '30 cases are assigned to you, among them CD-100000, CD-100001, CD-100002.',
    );

    const few = await describeSignals(db, keys(ids.slice(0, SUMMARY_OVER)));
    expect(few.assignedToMe.map((s) => s.caseReference)).toEqual([
      'CD-100000',
      'CD-100001',
      'CD-100002',
    ]);
  });

  it('gather news from several sync pages, each key once', () => {
    expect(mergeKeys(keys(['a', 'b']), keys(['b', 'c'])).assignedToMe).toEqual(['a', 'b', 'c']);
  });

  it('tell the assignee, and only the assignee, when the marketplace reports an action failed', async () => {
    db = openReplica(`signals-${Math.random()}`);
    const mine = makeCase(1, { assigneeId: ANA.id, status: 'open' });
    const theirs = makeCase(2, { assigneeId: LENA.id, status: 'open' });
    await db.cases.bulkPut([mine, theirs].map((c) => toLocalCase(c, false)));
    await db.actions.bulkPut([
      refund('a-failed-mine', mine.id, 'failed'),
      refund('a-failed-theirs', theirs.id, 'failed'),
      refund('a-requested-mine', mine.id, 'requested'),
    ]);
    const { keys: anas } = await readSignalKeys(db, ANA, new Date());
    expect(anas.actionFailed).toEqual(['a-failed-mine']);
    const { keys: lenas } = await readSignalKeys(db, LENA, new Date());
    expect(lenas.actionFailed).toEqual(['a-failed-theirs']);

    const told = await describeSignals(db, { ...keys([]), actionFailed: anas.actionFailed });
    expect(told.actionFailed).toEqual([
      {
        key: 'a-failed-mine',
        caseReference: mine.reference,
        detail: `${mine.reference}: the refund failed: card expired`,
      },
    ]);
  });

  it('tell leads, and not agents, when an event about a case never reached the marketplace', async () => {
    db = openReplica(`signals-${Math.random()}`);
    const c = makeCase(3, { assigneeId: ANA.id, status: 'open' });
    await db.cases.put(toLocalCase(c, false));
    const before = await readSignalKeys(db, LENA, new Date());
    expect(before.keys.deliveryDead).toEqual([]);
    // What sync brings: the event the service records when the delivery is given up.
    await db.events.bulkPut([
      {
        id: 'ev-dead',
        caseId: c.id,
        type: 'delivery.dead',
        actorId: null,
        at: '2026-12-01T10:00:00.000Z',
        data: {
          eventId: 'e-1',
          eventType: 'refund.requested',
          attempts: 41,
          lastError: 'HTTP 503',
        },
      },
      {
        id: 'ev-other',
        caseId: c.id,
        type: 'note.added',
        actorId: ANA.id,
        at: '2026-12-01T10:00:00.000Z',
        data: {},
      },
    ]);
    const { keys: lenas } = await readSignalKeys(db, LENA, new Date());
    expect(newKeys(before.keys, lenas).deliveryDead).toEqual(['ev-dead']);
    expect((await readSignalKeys(db, ANA, new Date())).keys.deliveryDead).toEqual([]);

    const told = await describeSignals(db, { ...keys([]), deliveryDead: lenas.deliveryDead });
    expect(told.deliveryDead).toEqual([
      {
        key: 'ev-dead',
        caseReference: c.reference,
        detail: `${c.reference}: the refund.requested event never reached the marketplace after 41 tries (HTTP 503). Admins can send it again under Deliveries.`,
      },
    ]);
    const [notice] = notificationsFor(emptySignals(), told, DEFAULT_SETTINGS.notifications);
    expect(notice).toMatchObject({
      kind: 'deliveryDead',
      title: 'An event never reached the marketplace',
      caseReference: c.reference,
    });
  });

  it('tell the assignee and T&S when the answer to an external dispute comes due, and again when it is overdue', async () => {
    db = openReplica(`signals-${Math.random()}`);
    const mine = makeCase(4, { assigneeId: ANA.id, status: 'resolved', externalDispute: true });
    const theirs = makeCase(5, { assigneeId: LENA.id, status: 'resolved', externalDispute: true });
    await db.cases.bulkPut([mine, theirs].map((c) => toLocalCase(c, false)));
    const dispute = (id: string, caseId: string, status: 'filed' | 'decided', due: string) => ({
      id,
      caseId,
      body: 'De Geschillencommissie',
      reference: id.toUpperCase(),
      filedAt: '2026-12-07T09:00:00.000Z',
      status,
      notes: '',
      outcome: null,
      responseDueAt: due,
      createdAt: '2026-12-07T09:00:00.000Z',
      updatedAt: '2026-12-07T09:00:00.000Z',
    });
    await db.disputes.bulkPut([
      dispute('d-mine', mine.id, 'filed', '2027-01-06T22:59:59.999Z'),
      dispute('d-theirs', theirs.id, 'filed', '2027-01-06T22:59:59.999Z'),
      dispute('d-decided', mine.id, 'decided', '2027-01-06T22:59:59.999Z'),
    ]);
    // 30 December: four working days left (31 December, 4, 5, 6 January) — not yet.
    expect(
      (await readSignalKeys(db, ANA, new Date('2026-12-30T10:00:00Z'))).keys.disputeDue,
    ).toEqual([]);
    const soon = await readSignalKeys(db, ANA, new Date('2026-12-31T10:00:00Z'));
    expect(soon.keys.disputeDue).toEqual(['d-mine:due_soon']);
    const tess = { ...LENA, id: 'tess', roles: ['trust_safety' as const] };
    const all = await readSignalKeys(db, tess, new Date('2026-12-31T10:00:00Z'));
    expect(all.keys.disputeDue.sort()).toEqual(['d-mine:due_soon', 'd-theirs:due_soon']);
    const late = await readSignalKeys(db, ANA, new Date('2027-01-07T10:00:00Z'));
    expect(newKeys(soon.keys, late.keys).disputeDue).toEqual(['d-mine:overdue']);

    const told = await describeSignals(
      db,
      { ...keys([]), disputeDue: late.keys.disputeDue },
      new Date('2027-01-07T10:00:00Z'),
    );
    expect(told.disputeDue).toEqual([
      {
        key: 'd-mine:overdue',
        caseReference: mine.reference,
        detail: `${mine.reference}: De Geschillencommissie (D-MINE) — Overdue since 2027-01-06`,
      },
    ]);
    const [notice] = notificationsFor(emptySignals(), told, DEFAULT_SETTINGS.notifications);
    expect(notice).toMatchObject({ kind: 'disputeDue', title: 'An ADR body waits for our answer' });
  });

  it('tell an agent on the desktop what the Notifications list tells: a decision on their proposal, an answer on their case, a mention', async () => {
    db = openReplica(`signals-${Math.random()}`);
    const c = makeCase(4, { assigneeId: ANA.id, status: 'open' });
    await db.cases.put(toLocalCase(c, false));
    await db.agents.bulkPut([LENA, ANA].map((a) => ({ ...a, capacity: 10 }) as never));
    const now = new Date('2026-12-01T12:00:00.000Z');
    const before = await readSignalKeys(db, ANA, now);
    await db.actions.put({ ...refund('a-mine', c.id, 'approved'), approvedBy: LENA.id });
    await db.notes.bulkPut([
      {
        id: 'n-1',
        caseId: c.id,
        authorId: LENA.id,
        body: 'Can you check, @ana?',
        createdAt: '2026-12-01T10:02:00.000Z',
      },
      {
        id: 'n-2',
        caseId: c.id,
        authorId: LENA.id,
        body: 'No one named.',
        createdAt: '2026-12-01T10:03:00.000Z',
      },
    ]);
    const at = '2026-12-01T10:00:00.000Z';
    await db.events.bulkPut([
      {
        id: 'ev-approved',
        caseId: c.id,
        type: 'action.approved',
        actorId: LENA.id,
        at,
        data: { actionId: 'a-mine', actionType: 'refund' },
      },
      {
        id: 'ev-answer',
        caseId: c.id,
        type: 'message.received',
        actorId: null,
        at,
        data: { from: 'buyer' },
      },
      {
        id: 'ev-mention',
        caseId: c.id,
        type: 'note.added',
        actorId: LENA.id,
        at,
        data: { noteId: 'n-1' },
      },
      {
        id: 'ev-plain',
        caseId: c.id,
        type: 'note.added',
        actorId: LENA.id,
        at,
        data: { noteId: 'n-2' },
      },
    ]);
    const { keys: after } = await readSignalKeys(db, ANA, now);
    const fresh = newKeys(before.keys, after);
    expect([fresh.decisionOnMine, fresh.partyAnswered, fresh.mentioned]).toEqual([
      ['ev-approved'],
      ['ev-answer'],
      ['ev-mention'],
    ]);
    // Lena did all this herself: nothing of it is news to her.
    const lenas = (await readSignalKeys(db, LENA, now)).keys;
    expect([lenas.decisionOnMine, lenas.partyAnswered, lenas.mentioned]).toEqual([[], [], []]);

    const told = notificationsFor(emptySignals(), await describeSignals(db, fresh, now), {
      ...DEFAULT_SETTINGS.notifications,
      partyAnswered: false,
    });
    expect(told.map((n) => [n.title, n.body])).toEqual([
      ['A decision on your proposal', `${c.reference}: Lena approved your refund`],
      ['You were mentioned', `${c.reference}: Lena mentioned you in a note`],
    ]);
    // Once read in the list, it is not told again.
    await db.inboxRead.put({ id: 'ev-mention', at: now.toISOString() });
    expect((await readSignalKeys(db, ANA, now)).keys.mentioned).toEqual([]);
  });
});
