import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceSyncLock, inProcessLock } from './sync-lock';

afterEach(() => vi.unstubAllGlobals());

describe('the sync lock', () => {
  it('runs holders of the same name one after another', async () => {
    const lock = inProcessLock('same');
    const other = inProcessLock('same');
    const log: string[] = [];
    const hold = (tag: string) => async () => {
      log.push(`${tag} in`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`${tag} out`);
    };
    await Promise.all([lock.run(hold('a')), other.run(hold('b')), lock.run(hold('c'))]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('releases the lock when the holder fails', async () => {
    const lock = inProcessLock('failing');
    await expect(lock.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run(async () => 'next')).toBe('next');
  });

  it('uses Web Locks, shared by all windows, when the browser has them', async () => {
    const request = vi.fn((_name: string, _opts: object, fn: () => Promise<unknown>) => fn());
    vi.stubGlobal('navigator', { locks: { request } });
    expect(await deviceSyncLock('casedesk-sync:x').run(async () => 42)).toBe(42);
    expect(request).toHaveBeenCalledWith('casedesk-sync:x', {}, expect.any(Function));
  });
});
