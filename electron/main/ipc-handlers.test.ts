import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/desktop/settings';
import { IPC_CALLS, ipcChannel } from '../../shared/desktop/ipc-contract';
import { registerIpcHandlers, type IpcHandlers, type IpcMainLike } from './ipc-handlers';

const APP_FRAME = { url: 'app://casedesk/index.html', parent: null };

function fakeIpcMain() {
  const listeners = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  return {
    handle: (channel: string, l: Parameters<IpcMainLike['handle']>[1]) =>
      void listeners.set(channel, l),
    call: (channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]) =>
      Promise.resolve().then(() => listeners.get(channel)!({ senderFrame: frame }, ...args)),
    listeners,
  };
}

function handlers(calls: string[] = []): IpcHandlers {
  const record = <T>(name: string, value: T) => {
    calls.push(name);
    return value;
  };
  return {
    'app.info': () =>
      record('app.info', {
        name: 'Casedesk',
        version: '0.2.0',
        commit: 'abc1234',
        channel: 'qa' as const,
        server: 'demo data on this computer',
        serverId: 'standalone',
        platform: 'desktop' as const,
      }),
    'settings.get': () => record('settings.get', DEFAULT_SETTINGS),
    'settings.update': (patch) =>
      record('settings.update', {
        ...DEFAULT_SETTINGS,
        ...patch,
        notifications: DEFAULT_SETTINGS.notifications,
      }),
    'server.connect': () => record('server.connect', { ok: false as const, reason: 'no' }),
    'credentials.load': () => record('credentials.load', null),
    'credentials.save': () => record('credentials.save', 'keychain' as const),
    'credentials.clear': () => record('credentials.clear', null),
    'notifications.show': () => record('notifications.show', true),
    'badge.set': () => record('badge.set', null),
    'links.open-external': () => record('links.open-external', false),
    'links.take-pending-case': () => record('links.take-pending-case', null),
    'auth.single-sign-on': () => record('auth.single-sign-on', { error: 'access_denied' }),
  };
}

describe('IPC handlers', () => {
  it('register exactly the calls of the contract', () => {
    const ipc = fakeIpcMain();
    registerIpcHandlers(ipc, handlers());
    expect([...ipc.listeners.keys()].sort()).toEqual(
      Object.keys(IPC_CALLS)
        .map((c) => ipcChannel(c as keyof typeof IPC_CALLS))
        .sort(),
    );
  });

  it('run a valid call from the app and return its checked result', async () => {
    const ipc = fakeIpcMain();
    const calls: string[] = [];
    registerIpcHandlers(ipc, handlers(calls));
    await expect(ipc.call(ipcChannel('badge.set'), APP_FRAME, 3)).resolves.toBeNull();
    await expect(
      ipc.call(ipcChannel('settings.update'), APP_FRAME, { theme: 'dark' }),
    ).resolves.toMatchObject({ theme: 'dark' });
    expect(calls).toEqual(['badge.set', 'settings.update']);
  });

  it('refuse senders that are not the app’s own top frame, before anything runs', async () => {
    const ipc = fakeIpcMain();
    const calls: string[] = [];
    registerIpcHandlers(ipc, handlers(calls));
    for (const frame of [
      { url: 'https://evil.example.com/', parent: null },
      { url: 'app://casedesk/index.html', parent: {} },
      { url: 'file:///tmp/x.html', parent: null },
      null,
    ]) {
      await expect(ipc.call(ipcChannel('credentials.load'), frame)).rejects.toThrow(/refused/);
    }
    expect(calls).toEqual([]);
  });

  it('refuse arguments outside the contract, before anything runs', async () => {
    const ipc = fakeIpcMain();
    const calls: string[] = [];
    registerIpcHandlers(ipc, handlers(calls));
    const bad: [string, unknown[]][] = [
      ['badge.set', [-1]],
      ['badge.set', ['3']],
      ['badge.set', [1, 2]],
      ['settings.update', [{ mode: 'server' }]],
      ['settings.update', [{ theme: 'neon' }]],
      ['server.connect', [{ mode: 'server', url: 'ftp://x.example.com' }]],
      ['server.connect', [{ mode: 'server', url: 'http://cases.example.com' }]],
      ['notifications.show', [{ kind: 'spam', title: 'x', body: '', caseReference: null }]],
      ['credentials.save', [{ token: '' }]],
      ['links.open-external', [{ url: 'https://x' }]],
    ];
    for (const [call, args] of bad) {
      await expect(
        ipc.call(ipcChannel(call as 'badge.set'), APP_FRAME, ...args),
        call,
      ).rejects.toThrow(/invalid arguments/);
    }
    expect(calls).toEqual([]);
  });
});
