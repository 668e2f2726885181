import type { IpcCall, IpcEvent } from './ipc-contract';

/**
 * The ipcRenderer channel of a call or event: one prefix, so nothing else collides. Kept
 * free of runtime imports: the sandboxed preload bundles it and should stay small.
 */
export const ipcChannel = (name: IpcCall | IpcEvent): string => `casedesk:${name}`;
