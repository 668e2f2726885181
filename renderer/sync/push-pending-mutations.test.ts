import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared';
import type { CasedeskDb } from '../db/casedesk-db';
import { ANA } from '../db/testing/case-fixtures';
import { enqueueMutation } from './outbox';
import { pullServerChanges } from './pull-server-changes';
import { pushPendingMutations } from './push-pending-mutations';
import { TransportError, type SyncTransport } from './sync-transport';
import { newReplica, openCase, serverWith } from './testing/sync-fixtures';

const c1 = openCase(1);
const opened: CasedeskDb[] = [];

async function replicaOf(server = serverWith([c1])) {
  const db = newReplica(ANA.id);
  opened.push(db);
  await pullServerChanges(db, server);
  return { db, server };
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('pushPendingMutations', () => {
  it('treats a duplicate after a lost response as done, executed once', async () => {
    const { db, server } = await replicaOf();
    await enqueueMutation(db, 'case.claim', { caseId: c1.id });
    await enqueueMutation(db, 'case.note', { caseId: c1.id, body: 'Checked tracking' });
    server.crashAfter = 2;
    await expect(pushPendingMutations(db, server)).rejects.toThrow('Failed to fetch');
    expect(await db.outbox.count()).toBe(2);

    await pushPendingMutations(db, server);
    expect(await db.outbox.count()).toBe(0);
    expect(server.executed).toHaveLength(2);
    expect(await db.outbox.toArray()).toEqual([]);
  });

  it('resends only what a crash mid-push left unanswered', async () => {
    const { db, server } = await replicaOf();
    for (const body of ['one', 'two', 'three']) {
      await enqueueMutation(db, 'case.note', { caseId: c1.id, body });
    }
    server.crashAfter = 1;
    await expect(pushPendingMutations(db, server)).rejects.toThrow();
    await pushPendingMutations(db, server);
    expect(server.executed.map((m) => (m.args as { body: string }).body)).toEqual([
      'one',
      'two',
      'three',
    ]);
  });

  it('keeps a refused change with the server’s reason and rolls back what it showed', async () => {
    const { db, server } = await replicaOf();
    server.changeCase(c1.id, { assigneeId: 'agent-marco', status: 'open' });
    await enqueueMutation(db, 'case.claim', { caseId: c1.id });
    expect((await db.cases.get(c1.id))?.assigneeId).toBe(ANA.id);

    await pushPendingMutations(db, server);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ state: 'rejected', error: { code: 'already_assigned' } });
    // Rolled back to the last known server version at once, then to the server's truth.
    expect(await db.cases.get(c1.id)).toMatchObject({ assigneeId: null, status: 'new' });
    expect((await db.cases.get(c1.id))?.pending).toBeUndefined();
    await pullServerChanges(db, server);
    expect((await db.cases.get(c1.id))?.assigneeId).toBe('agent-marco');
  });

  it('removes a refused note that the server never created', async () => {
    const { db, server } = await replicaOf();
    const { mutationId, entityId } = await enqueueMutation(db, 'case.note', {
      caseId: c1.id,
      body: 'x',
    });
    server.refuseIds.set(mutationId, { code: 'not_found', message: 'No such case.' });
    await pushPendingMutations(db, server);
    expect(await db.notes.get(entityId!)).toBeUndefined();
  });

  it('takes the server’s answer as the new truth without waiting for a pull', async () => {
    const { db, server } = await replicaOf();
    const { entityId } = await enqueueMutation(db, 'case.note', { caseId: c1.id, body: 'Done' });
    await enqueueMutation(db, 'case.claim', { caseId: c1.id });
    await pushPendingMutations(db, server);
    const note = await db.notes.get(entityId!);
    expect(note).toMatchObject({ body: 'Done' });
    expect(note).not.toHaveProperty('pending');
    expect(await db.cases.get(c1.id)).toMatchObject({ assigneeId: ANA.id, version: 3 });
    expect(await db.cases.get(c1.id)).not.toHaveProperty('base');
  });

  it('halves a batch refused as a whole until the change responsible stands alone', async () => {
    const { db, server } = await replicaOf();
    const ids: string[] = [];
    for (const body of ['a', 'b', 'poison', 'c']) {
      ids.push((await enqueueMutation(db, 'case.note', { caseId: c1.id, body })).mutationId);
    }
    const picky: SyncTransport = {
      ...server,
      pull: (c, l) => server.pull(c, l),
      subscribe: (p) => server.subscribe(p),
      push(ms: Mutation[]) {
        if (ms.some((m) => (m.args as { body: string }).body === 'poison')) {
          return Promise.reject(
            new TransportError('refused', 'Body too odd.', 400, 'validation_failed'),
          );
        }
        return server.push(ms);
      },
    };
    await pushPendingMutations(db, picky);
    expect(server.executed.map((m) => (m.args as { body: string }).body)).toEqual(['a', 'b', 'c']);
    expect(await db.outbox.toArray()).toMatchObject([
      {
        id: ids[2],
        state: 'rejected',
        error: { code: 'validation_failed', message: 'Body too odd.' },
      },
    ]);
  });
});

describe('money actions', () => {
  const refund = {
    type: 'refund',
    amount: { amount: 20_00, currency: 'EUR' },
    reason: 'Late',
  } as const;

  it('never shows a refund as executed before the server says so', async () => {
    const { db, server } = await replicaOf();
    server.offline = true;
    const { entityId } = await enqueueMutation(db, 'case.action', { caseId: c1.id, ...refund });
    expect(await db.actions.get(entityId!)).toMatchObject({
      status: 'pending_submission',
      pending: true,
    });
    expect((await db.cases.get(c1.id))?.order?.refundedAmount.amount).toBe(0);

    server.offline = false;
    await pushPendingMutations(db, server);
    expect(await db.actions.get(entityId!)).toMatchObject({ status: 'executed' });
    await pullServerChanges(db, server);
    expect((await db.cases.get(c1.id))?.order?.refundedAmount.amount).toBe(20_00);
  });

  it('shows an approval as asked for, never as executed, until the server answers', async () => {
    const server = serverWith([c1]);
    const proposal = {
      ...refund,
      id: 'action-marco-1',
      caseId: c1.id,
      status: 'pending_approval',
      proposedBy: 'agent-marco',
      approvedBy: null,
      rejectedBy: null,
      rejectionReason: null,
      createdAt: '2026-11-02T10:00:00.000Z',
      decidedAt: null,
    };
    server.put('action', proposal);
    const { db } = await replicaOf(server);

    server.offline = true;
    await enqueueMutation(db, 'action.approve', { actionId: proposal.id });
    expect(await db.actions.get(proposal.id)).toMatchObject({
      status: 'pending_approval',
      pendingDecision: 'approve',
      pending: true,
    });
    expect((await db.cases.get(c1.id))?.order?.refundedAmount.amount).toBe(0);

    server.offline = false;
    await pushPendingMutations(db, server);
    expect(await db.actions.get(proposal.id)).toMatchObject({ status: 'executed' });
    expect(await db.actions.get(proposal.id)).not.toHaveProperty('pendingDecision');
    await pullServerChanges(db, server);
    expect((await db.cases.get(c1.id))?.order?.refundedAmount.amount).toBe(20_00);
  });
});
