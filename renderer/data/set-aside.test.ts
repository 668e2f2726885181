import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openReplica, type ReplicaDb } from './replica-db';
import { applyServerChanges, resetReplica } from './replica-writes';
import { SyncEngine, type SyncSnapshot } from './sync-engine';
import type { SyncTransport } from './sync-transport';
import { ANA, makeCase } from './testing/case-fixtures';
import { checkServerChanges } from './validate-changes';

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});
const replica = () => (db = openReplica(`set-aside-${Math.random()}`));

const upsert = (entity: string, data: { id: string; [k: string]: unknown }) => ({
  entity,
  id: data.id,
  op: 'upsert',
  data,
});
const apply = (d: ReplicaDb, changes: unknown[], cursor: string) =>
  applyServerChanges(d, checkServerChanges(changes), cursor, ANA);

const good = makeCase(1, { status: 'open', assigneeId: ANA.id });
const other = makeCase(2, { status: 'open' });
const archived = { ...other, status: 'archived', version: 2 };
const note = { id: 'note-1', caseId: other.id, authorId: ANA.id, body: 'hi', createdAt: 'soon' };
const action = {
  id: 'act-1',
  caseId: good.id,
  type: 'refund',
  amount: { amount: 10_00, currency: 'EUR' },
  reason: 'late',
  status: 'requested',
  proposedBy: ANA.id,
  approvedBy: null,
  rejectedBy: null,
  rejectionReason: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  decidedAt: null,
};

describe('applying a pulled page with something unreadable in it', () => {
  it('applies the rest, moves the cursor and keeps the unreadable change with its reason', async () => {
    const d = replica();
    await apply(
      d,
      [
        upsert('case', good),
        upsert('case', archived),
        upsert('agent', { ...ANA, roles: ['admin'] }),
      ],
      'c1',
    );
    expect(await d.cases.get(good.id)).toMatchObject({ id: good.id });
    expect(await d.cases.get(other.id)).toBeUndefined();
    expect(await d.agents.get(ANA.id)).toMatchObject({ roles: ['admin'] });
    expect(await d.meta.get('cursor')).toEqual({ key: 'cursor', value: 'c1' });
    expect(await d.setAside.toArray()).toEqual([
      {
        key: `case:${other.id}`,
        entity: 'case',
        id: other.id,
        caseId: other.id,
        op: 'upsert',
        data: archived,
        reason: expect.stringContaining('status'),
        receivedAt: expect.any(String),
      },
    ]);
  });

  it('keeps an action whose status this version does not know with its case', async () => {
    const d = replica();
    await apply(d, [upsert('case', good), upsert('action', action)], 'c1');
    expect(await d.actions.get('act-1')).toMatchObject({ status: 'requested' });
    expect(await d.setAside.count()).toBe(0);
  });

  it('keeps the last readable version shown until a readable change replaces the set-aside one', async () => {
    const d = replica();
    await apply(d, [upsert('case', other)], 'c1');
    await apply(d, [upsert('case', archived)], 'c2');
    expect(await d.cases.get(other.id)).toMatchObject({ version: 1, status: 'open' });
    expect(await d.setAside.count()).toBe(1);

    await apply(d, [upsert('case', { ...other, version: 3, status: 'pending_buyer' })], 'c3');
    expect(await d.cases.get(other.id)).toMatchObject({ version: 3, status: 'pending_buyer' });
    expect(await d.setAside.count()).toBe(0);
  });

  it('lets a case that leaves the replica take its set-aside parts, and a delete settle an unknown kind', async () => {
    const d = replica();
    await apply(
      d,
      [
        upsert('case', other),
        upsert('note', note),
        upsert('attachment', { id: 'att-1' }),
        upsert('attachment', { id: 'att-2' }),
      ],
      'c1',
    );
    expect((await d.setAside.toArray()).map((r) => r.key).sort()).toEqual([
      'attachment:att-1',
      'attachment:att-2',
      'note:note-1',
    ]);
    await apply(
      d,
      [
        { entity: 'case', id: other.id, op: 'delete', data: null },
        { entity: 'attachment', id: 'att-1', op: 'delete', data: null },
      ],
      'c2',
    );
    expect((await d.setAside.toArray()).map((r) => r.key)).toEqual(['attachment:att-2']);
  });

  it('starts over without anything set aside when the replica is rebuilt', async () => {
    const d = replica();
    await apply(d, [upsert('attachment', { id: 'att-1' })], 'c1');
    await resetReplica(d);
    expect(await d.setAside.count()).toBe(0);
  });
});

describe('the sync engine with a service that sends one unreadable entity', () => {
  it('stays in sync, applies the rest and tells the agent what it set aside', async () => {
    const d = replica();
    const pages = [
      { changes: [upsert('case', good), upsert('case', archived)], cursor: 'c1', hasMore: true },
      { changes: [upsert('agent', ANA)], cursor: 'c2', hasMore: false },
    ];
    const transport: SyncTransport = {
      pull: async (cursor) => pages[cursor === null ? 0 : 1]!,
      push: async () => ({ results: [] }),
      subscribe: () => () => undefined,
    };
    const states: SyncSnapshot[] = [];
    const engine = new SyncEngine(d, transport, ANA, (s) => states.push(s));
    await engine.sync();
    engine.stop();
    const last = states.at(-1)!;
    expect(last).toMatchObject({ phase: 'in-sync', error: null });
    expect(last.setAside).toEqual({
      count: 1,
      items: [
        {
          key: `case:${other.id}`,
          what: `Case ${other.reference}`,
          reason: expect.stringContaining('status'),
        },
      ],
    });
    expect(await d.cases.count()).toBe(1);
    expect(await d.agents.count()).toBe(1);
    expect(await d.meta.get('cursor')).toEqual({ key: 'cursor', value: 'c2' });
  });
});
