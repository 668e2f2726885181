import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ThunkExtra } from '../app/store';
import {
  MAX_FILE_BYTES,
  attachFile,
  fileDb,
  forgetFiles,
  openProfileFiles,
} from './attachment-thunks';
import {
  SHARED_FILE_DB,
  adoptSharedFiles,
  fileDbName,
  openFileDb,
  type StoredFile,
} from './file-store';

const run = <R>(thunk: (d: never, g: never, e: ThunkExtra) => R) =>
  thunk(undefined as never, undefined as never, {} as ThunkExtra);

describe('files attached on this device', () => {
  beforeAll(() => {
    openProfileFiles('agent-ana', 'https://desk.example.com');
  });

  it('keeps an attached file as pending, with its bytes, until it is sent', async () => {
    const stored = await run(
      attachFile('case-1', new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' })),
    );
    expect(stored).toMatchObject({
      caseId: 'case-1',
      filename: 'a.png',
      size: 3,
      state: 'pending',
    });
    const kept = await fileDb().files.get(stored.id);
    expect(new Uint8Array(kept!.bytes)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses a file over 10 MiB at once, keeping nothing', async () => {
    const before = await fileDb().files.count();
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.pdf');
    await expect(run(attachFile('case-1', big))).rejects.toThrow(/at most 10 MiB/);
    expect(await fileDb().files.count()).toBe(before);
  });

  it('forgets every file when the agent signs out', async () => {
    await run(attachFile('case-1', new File(['x'], 'x.txt')));
    expect(await fileDb().files.count()).toBeGreaterThan(0);
    await forgetFiles();
    expect(() => fileDb()).toThrow(/No one is signed in/);
    // Signing in again as the same agent starts from an empty store.
    openProfileFiles('agent-ana', 'https://desk.example.com');
    expect(await fileDb().files.count()).toBe(0);
  });
});

describe('file stores per signed-in profile', () => {
  it('are named for the service and the agent, apart from the replica', () => {
    expect(fileDbName('agent-1', 'https://desk.example.com/')).toBe(
      'casedesk-files:desk.example.com:agent-1',
    );
    expect(fileDbName('agent-1', 'standalone')).toBe('casedesk-files:standalone:agent-1');
    expect(fileDbName('agent-2', 'https://desk.example.com/')).not.toBe(
      fileDbName('agent-1', 'https://desk.example.com/'),
    );
    expect(fileDbName('agent-1', 'https://other.example.com/')).not.toBe(
      fileDbName('agent-1', 'https://desk.example.com/'),
    );
  });

  it('never show one agent the files another kept on this device', async () => {
    openProfileFiles('agent-a', 'https://desk.example.com');
    const a = await run(attachFile('case-1', new File(['a'], 'a.txt')));
    openProfileFiles('agent-b', 'https://desk.example.com');
    expect(await fileDb().files.get(a.id)).toBeUndefined();
    openProfileFiles('agent-a', 'https://desk.example.com');
    expect(await fileDb().files.get(a.id)).toBeDefined();
  });

  it('take over this profile’s unsent files from the shared store of older versions', async () => {
    const stored = (id: string, state: StoredFile['state']): StoredFile => ({
      id,
      caseId: 'case-1',
      filename: `${id}.png`,
      contentType: 'image/png',
      size: 1,
      bytes: new Uint8Array([1]).buffer,
      state,
    });
    const shared = openFileDb(SHARED_FILE_DB);
    await shared.files.bulkPut([
      stored('mine', 'pending'),
      stored('theirs', 'pending'),
      stored('cached', 'cached'),
    ]);
    shared.close();
    const mine = openProfileFiles('agent-c', 'https://desk.example.com');
    expect(await adoptSharedFiles(mine, ['mine', 'gone'])).toBe(1);
    expect((await mine.files.get('mine'))?.state).toBe('pending');
    const left = openFileDb(SHARED_FILE_DB);
    expect((await left.files.toArray()).map((f) => f.id)).toEqual(['theirs']);
    left.close();

    // The other agent signs in: the shared store is empty now, and goes.
    const theirs = openProfileFiles('agent-d', 'https://desk.example.com');
    expect(await adoptSharedFiles(theirs, ['theirs'])).toBe(1);
    expect(await Dexie.exists(SHARED_FILE_DB)).toBe(false);
    expect(await adoptSharedFiles(theirs, ['theirs'])).toBe(0);
  });
});
