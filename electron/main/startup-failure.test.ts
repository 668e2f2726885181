import { describe, expect, it } from 'vitest';
import { startOrExplain, type StartupFailureHost } from './startup-failure';

function host(opts: { logFails?: boolean } = {}) {
  const seen = { logged: [] as string[], boxes: [] as string[][], exits: [] as number[] };
  const h: StartupFailureHost = {
    logError: (m) => {
      if (opts.logFails) throw new Error('log folder not writable');
      seen.logged.push(m);
    },
    logFolder: () => '/home/ana/.config/Casedesk/logs',
    showErrorBox: (title, content) => seen.boxes.push([title, content]),
    exit: (code) => seen.exits.push(code),
  };
  return { h, seen };
}

describe('a failed start-up', () => {
  it('shows why and where the log is, and exits non-zero instead of lingering with the lock', async () => {
    const { h, seen } = host();
    await startOrExplain(async () => {
      throw new Error('EACCES: permission denied, mkdir /home/ana/.config/Casedesk');
    }, h);
    expect(seen.boxes).toEqual([
      [
        'Casedesk could not start',
        'EACCES: permission denied, mkdir /home/ana/.config/Casedesk\n\nThe log is in /home/ana/.config/Casedesk/logs.',
      ],
    ]);
    expect(seen.logged[0]).toMatch(/^start-up failed: Error: EACCES/);
    expect(seen.exits).toEqual([1]);
  });

  it('still shows the dialog and exits when the logger is what fails', async () => {
    const { h, seen } = host({ logFails: true });
    await startOrExplain(() => Promise.reject(new Error('boom')), h);
    expect(seen.boxes).toHaveLength(1);
    expect(seen.exits).toEqual([1]);
  });

  it('does nothing more when the start succeeds', async () => {
    const { h, seen } = host();
    await startOrExplain(async () => undefined, h);
    expect(seen).toEqual({ logged: [], boxes: [], exits: [] });
  });
});
