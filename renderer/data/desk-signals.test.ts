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
});
