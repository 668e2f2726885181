import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_CALLS, ipcChannel, type IpcCall } from '../../shared/desktop/ipc-contract';
import { closeForeignIpcChannels, FOREIGN_CHANNELS } from './foreign-ipc';
import { registerIpcHandlers } from './ipc-handlers';

// Through node_modules directly: electron-store's exports map hides its package.json.
const source = (pkg: string, file: string) =>
  readFileSync(path.resolve('node_modules', pkg, file), 'utf8');

/** ipcMain as far as channels go: `on` listeners and `handle` handlers. */
class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, unknown>();
  handle(channel: string, listener: unknown) {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  open(): string[] {
    return [...new Set([...(this.eventNames() as string[]), ...this.handlers.keys()])].sort();
  }
}

describe("the libraries' own IPC channels", () => {
  it('are the ones the installed electron-log and electron-store register', () => {
    const log = source('electron-log', 'src/main/index.js');
    expect(log).toContain(`externalApi.onIpc('${FOREIGN_CHANNELS.electronLog}'`);
    expect(log).toContain(`externalApi.onIpcInvoke('${FOREIGN_CHANNELS.electronLog}'`);
    const store = source('electron-store', 'index.js');
    expect(store).toContain(`ipcMain.on('${FOREIGN_CHANNELS.electronStore}'`);
  });

  it("are closed, leaving only the contract's checked channels open", () => {
    const ipcMain = new FakeIpcMain();
    // As the libraries register them on import and in the first store's constructor.
    ipcMain.on(FOREIGN_CHANNELS.electronLog, () => undefined);
    ipcMain.handle(FOREIGN_CHANNELS.electronLog, () => undefined);
    ipcMain.on(FOREIGN_CHANNELS.electronStore, () => undefined);
    registerIpcHandlers(ipcMain, {} as Parameters<typeof registerIpcHandlers>[1]);

    closeForeignIpcChannels(ipcMain);
    expect(ipcMain.open()).toEqual(
      (Object.keys(IPC_CALLS) as IpcCall[]).map((c) => ipcChannel(c)).sort(),
    );
  });
});
