import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ThunkExtra } from '../app/store';
import { MAX_FILE_BYTES, attachFile, fileDb, forgetFiles } from './attachment-thunks';

const run = <R>(thunk: (d: never, g: never, e: ThunkExtra) => R) =>
  thunk(undefined as never, undefined as never, {} as ThunkExtra);

describe('files attached on this device', () => {
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
    expect(await fileDb().files.count()).toBe(0);
  });
});
