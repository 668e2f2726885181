import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readDraft, saveDraft } from './drafts';
import { openReplica, type ReplicaDb } from './replica-db';

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});
const at = new Date('2026-12-02T08:00:00Z');

describe('drafts kept on the device', () => {
  it('keeps a reply and a note per case, and reads them back after reopening', async () => {
    db = openReplica(`drafts-${Math.random()}`);
    await saveDraft(db, 'c1', 'reply', 'Sehr geehrte', at);
    await saveDraft(db, 'c1', 'note', 'Seller called', at);
    await saveDraft(db, 'c2', 'reply', 'Other case', at);
    const name = db.name;
    db.close();
    db = openReplica(name);
    expect(await readDraft(db, 'c1')).toEqual({
      caseId: 'c1',
      reply: 'Sehr geehrte',
      note: 'Seller called',
      updatedAt: at.toISOString(),
    });
    expect((await readDraft(db, 'c2'))?.reply).toBe('Other case');
  });

  it('forgets a text once it is emptied (sent), and the case once both are', async () => {
    db = openReplica(`drafts-${Math.random()}`);
    await saveDraft(db, 'c1', 'reply', 'Hello', at);
    await saveDraft(db, 'c1', 'note', 'Note', at);
    await saveDraft(db, 'c1', 'reply', '', at);
    expect(await readDraft(db, 'c1')).toEqual({
      caseId: 'c1',
      note: 'Note',
      updatedAt: at.toISOString(),
    });
    await saveDraft(db, 'c1', 'note', '', at);
    expect(await readDraft(db, 'c1')).toBeUndefined();
  });
});
