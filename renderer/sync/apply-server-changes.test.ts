import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case, Note, SyncChange } from '../../shared';
import type { CasedeskDb } from '../db/casedesk-db';
import { readCursor, readLastSyncAt } from '../db/sync-meta';
import { ANA } from '../db/testing/case-fixtures';
import { applyServerChanges } from './apply-server-changes';
import { enqueueMutation } from './outbox';
import { pullServerChanges } from './pull-server-changes';
import { newReplica, openCase, serverWith } from './testing/sync-fixtures';
import { SyncDataError, parseServerChanges } from './validate-changes';

const opened: CasedeskDb[] = [];
function replica() {
  const db = newReplica(ANA.id);
  opened.push(db);
  return db;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) await db.delete();
});

const upsert = (entity: SyncChange['entity'], data: { id: string }): SyncChange => ({
  entity,
  id: data.id,
  op: 'upsert',
  data,
});
const note = (id: string, c: Case): Note => ({
  id,
  caseId: c.id,
  authorId: ANA.id,
  body: `Note ${id}`,
  createdAt: '2026-11-03T09:00:00.000Z',
});
const apply = (db: CasedeskDb, changes: SyncChange[], cursor: string) =>
  applyServerChanges(db, parseServerChanges(changes), cursor, { complete: true });

describe('applyServerChanges', () => {
  it('commits a batch together with its cursor', async () => {
    const db = replica();
    const c = openCase(1);
    await apply(db, [upsert('case', c), upsert('note', note('n1', c))], '2');
    expect(await readCursor(db)).toBe('2');
    expect(await readLastSyncAt(db)).not.toBeNull();
    expect(await db.cases.get(c.id)).toMatchObject({ reference: c.reference, assigneeKey: '' });
  });

  it('leaves neither data nor cursor behind when a write fails inside the batch', async () => {
    const db = replica();
    await apply(db, [upsert('case', openCase(1))], '1');
    vi.spyOn(db.notes, 'bulkPut').mockRejectedValueOnce(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );
    const c2 = openCase(2);
    await expect(
      apply(
        db,
        [upsert('case', c2), upsert('note', note('n2', c2)), upsert('case', openCase(3))],
        '4',
      ),
    ).rejects.toThrow();
    expect(await readCursor(db)).toBe('1');
    expect(await db.cases.count()).toBe(1);
    expect(await db.notes.count()).toBe(0);
  });

  it('refuses a pulled batch holding an invalid entity before writing any of it', async () => {
    const db = replica();
    const server = serverWith([openCase(1)]);
    server.put('case', { ...openCase(2), firstResponseDueAt: 'tomorrow' });
    await expect(pullServerChanges(db, server)).rejects.toBeInstanceOf(SyncDataError);
    expect(await readCursor(db)).toBeNull();
    expect(await db.cases.count()).toBe(0);
  });

  it('removes a case together with all its parts on delete', async () => {
    const db = replica();
    const [a, b] = [openCase(1), openCase(2)];
    await apply(
      db,
      [
        upsert('case', a),
        upsert('case', b),
        upsert('note', note('na', a)),
        upsert('note', note('nb', b)),
      ],
      '4',
    );
    await apply(db, [{ entity: 'case', id: a.id, op: 'delete', data: null }], '5');
    expect(await db.cases.get(a.id)).toBeUndefined();
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['nb']);
  });

  it('keeps the parts that arrive after a case was deleted in the same batch', async () => {
    const db = replica();
    const a = openCase(1);
    await apply(db, [upsert('case', a), upsert('note', note('old', a))], '2');
    await apply(
      db,
      [
        { entity: 'case', id: a.id, op: 'delete', data: null },
        upsert('case', a),
        upsert('note', note('again', a)),
      ],
      '5',
    );
    expect(await db.cases.get(a.id)).toBeDefined();
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['again']);
  });

  it('keeps pending changes on top of a pull that does not include them yet', async () => {
    const db = replica();
    const c = openCase(1);
    const server = serverWith([c]);
    await pullServerChanges(db, server);
    server.offline = true;
    const { entityId } = await enqueueMutation(db, 'case.note', { caseId: c.id, body: 'Mine' });
    await enqueueMutation(db, 'case.claim', { caseId: c.id });

    server.offline = false;
    server.changeCase(c.id, { priority: 'urgent' });
    await pullServerChanges(db, server);

    const shown = await db.cases.get(c.id);
    expect(shown).toMatchObject({ priority: 'urgent', assigneeId: ANA.id, pending: true });
    expect(shown?.base).toMatchObject({ priority: 'urgent', assigneeId: null, version: 2 });
    expect(await db.notes.get(entityId!)).toMatchObject({ body: 'Mine', pending: true });
  });
});
