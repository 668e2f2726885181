/**
 * IPC channels that libraries open in the main process on their own, for renderers that
 * use them — which ours never do: the workspace logs nothing through electron-log's
 * renderer side and reads no electron-store from a page. Left open, they would answer any
 * frame without the sender check every channel of our contract has (ipc-handlers.ts), so
 * they are closed once both libraries have registered them (electron-store does so in its
 * first constructor). test: foreign-ipc.test.ts reads the installed libraries' sources for
 * these names, so an upgrade that renames one fails there.
 */
export const FOREIGN_CHANNELS = {
  /** electron-log/main: `ipcMain.on` for renderer log lines and `ipcMain.handle` for options. */
  electronLog: '__ELECTRON_LOG__',
  /** electron-store: `ipcMain.on`, a sync call answering the user-data path and app version. */
  electronStore: 'electron-store-get-data',
} as const;

export interface IpcMainChannels {
  removeAllListeners(channel: string): unknown;
  removeHandler(channel: string): void;
}

export function closeForeignIpcChannels(ipcMain: IpcMainChannels): void {
  for (const channel of Object.values(FOREIGN_CHANNELS)) {
    ipcMain.removeAllListeners(channel);
    ipcMain.removeHandler(channel);
  }
}
