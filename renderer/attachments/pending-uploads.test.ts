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

  it('gives a refused reply the reason its file was refused, not the service’s "no such upload"', async () => {
    const db = openFileDb(`files-${crypto.randomUUID()}`);
    await db.files.bulkPut([file('a'), file('b')]);
    const refusing: SyncTransport = {
      ...recordingTransport([]),
      push: (mutations) =>
        Promise.resolve({
          results: mutations.map((m) => ({
            id: m.id,
            status: 'rejected' as const,
            error: {
              code: 'attachment_rejected',
              message: 'Attachment a cannot be sent: no such upload of yours on this case.',
            },
          })),
        }),
    };
    const transport = withPendingUploads(refusing, db, (f) =>
      f.id === 'a'
        ? Promise.reject(new UploadRefused('"a.png" was not accepted: programs are not accepted.'))
        : Promise.resolve(),
    );
    const first = await transport.push([reply('m1', ['b', 'a'])]);
    expect(first.results[0]!.error).toEqual({
      code: 'attachment_rejected',
      message: '"a.png" was not accepted: programs are not accepted.',
      details: { attachmentId: 'a', filename: 'a.png' },
    });
    // Sent again later (the file is not uploaded twice): still the file's own reason.
    const again = await transport.push([reply('m2', ['a'])]);
    expect(again.results[0]!.error?.message).toBe(
      '"a.png" was not accepted: programs are not accepted.',
    );
  });

  it('keeps the code of a refusal for size', async () => {
    const db = openFileDb(`files-${crypto.randomUUID()}`);
    await db.files.put(file('a'));
    const refusing: SyncTransport = {
      ...recordingTransport([]),
      push: (mutations) =>
        Promise.resolve({
          results: mutations.map((m) => ({
            id: m.id,
            status: 'rejected' as const,
            error: { code: 'attachment_rejected', message: 'no such upload' },
          })),
        }),
    };
    const transport = withPendingUploads(refusing, db, () =>
      Promise.reject(new UploadRefused('"a.png" is 12 MiB; at most 10 MiB.', 'payload_too_large')),
    );
    const res = await transport.push([reply('m1', ['a'])]);
    expect(res.results[0]!.error?.code).toBe('payload_too_large');
  });

  it('leaves a refusal that has nothing to do with a file as the service gave it', async () => {
    const db = openFileDb(`files-${crypto.randomUUID()}`);
    await db.files.put(file('a'));
    const refusing: SyncTransport = {
      ...recordingTransport([]),
      push: (mutations) =>
        Promise.resolve({
          results: mutations.map((m) => ({
            id: m.id,
            status: 'rejected' as const,
            error: { code: 'forbidden', message: 'Claim it first.' },
          })),
        }),
    };
    const transport = withPendingUploads(refusing, db, () => Promise.resolve());
    const res = await transport.push([reply('m1', ['a'])]);
    expect(res.results[0]!.error).toEqual({ code: 'forbidden', message: 'Claim it first.' });
  });
});
