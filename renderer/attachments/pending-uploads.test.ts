import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Mutation, PushResponse } from '../../shared';
import type { SyncTransport } from '../data/sync-transport';
import { openFileDb, type StoredFile } from './file-store';
import { UploadRefused, withPendingUploads } from './pending-uploads';

const file = (id: string, state: StoredFile['state'] = 'pending'): StoredFile => ({
  id,
  caseId: 'case-1',
  filename: `${id}.png`,
  contentType: 'image/png',
  size: 3,
  bytes: new Uint8Array([1, 2, 3]).buffer,
  state,
});

function recordingTransport(log: string[]): SyncTransport {
  return {
    pull: () => Promise.reject(new Error('not used')),
    subscribe: () => () => undefined,
    push: (mutations: Mutation[]): Promise<PushResponse> => {
      log.push(`push ${mutations.map((m) => m.id).join(',')}`);
      return Promise.resolve({ results: mutations.map((m) => ({ id: m.id, status: 'applied' })) });
    },
  };
}

const reply = (id: string, attachmentIds: string[]): Mutation => ({
  id,
  op: 'case.message',
  args: { caseId: 'case-1', to: 'buyer', body: 'x', attachmentIds },
});

describe('withPendingUploads', () => {
  it('uploads the files a pushed reply names before the push, once', async () => {
    const db = openFileDb(`files-${crypto.randomUUID()}`);
    await db.files.bulkPut([file('a'), file('b'), file('c', 'uploaded')]);
    const log: string[] = [];
    const transport = withPendingUploads(recordingTransport(log), db, (f) => {
      log.push(`upload ${f.id}`);
      return Promise.resolve();
    });
    await transport.push([reply('m1', ['a', 'c'])]);
    await transport.push([reply('m1', ['a', 'c'])]);
    expect(log).toEqual(['upload a', 'push m1', 'push m1']);
    expect((await db.files.get('a'))?.state).toBe('uploaded');
    expect((await db.files.get('b'))?.state).toBe('pending');
  });

  it('fails the push while an upload cannot reach the service, so it is retried whole', async () => {
    const db = openFileDb(`files-${crypto.randomUUID()}`);
    await db.files.put(file('a'));
    const log: string[] = [];
    const transport = withPendingUploads(recordingTransport(log), db, () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    await expect(transport.push([reply('m1', ['a'])])).rejects.toThrow('Failed to fetch');
    expect(log).toEqual([]);
    expect((await db.files.get('a'))?.state).toBe('pending');
  });

  it('marks a file the service refuses and still pushes, so the refusal reaches the agent', async () => {
    const db = openFileDb(`files-${crypto.randomUUID()}`);
    await db.files.put(file('a'));
    const log: string[] = [];
    const transport = withPendingUploads(recordingTransport(log), db, () =>
      Promise.reject(new UploadRefused('"a.png" was not accepted: scripts are not accepted.')),
    );
    await transport.push([reply('m1', ['a'])]);
    expect(log).toEqual(['push m1']);
    expect(await db.files.get('a')).toMatchObject({
      state: 'pending',
      error: '"a.png" was not accepted: scripts are not accepted.',
    });
  });
});
