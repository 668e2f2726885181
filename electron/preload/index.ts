/**
 * The preload: the workspace's platform interface over IPC, and nothing else. No
 * ipcRenderer, no Node, no generic invoke leaks into the page; each method is one call of
 * the contract, checked again in the main process.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannel } from '../../shared/desktop/ipc-channels';
import type { IpcEvent, IpcEventPayload, MenuCommand } from '../../shared/desktop/ipc-contract';
import { PLATFORM_CALLS, type Platform } from '../../shared/desktop/platform';

function subscribe<E extends IpcEvent>(
  event: E,
  listener: (payload: IpcEventPayload<E>) => void,
): () => void {
  const channel = ipcChannel(event);
  // Only the payload crosses: the IpcRendererEvent (with its sender) stays here.
  const wrapped = (_e: IpcRendererEvent, payload: IpcEventPayload<E>) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => void ipcRenderer.removeListener(channel, wrapped);
}

const calls = Object.fromEntries(
  Object.entries(PLATFORM_CALLS).map(([method, call]) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(ipcChannel(call), ...args),
  ]),
) as Omit<Platform, 'kind' | 'onOpenCase' | 'onMenuCommand'>;

const api: Platform = {
  kind: 'desktop',
  ...calls,
  onOpenCase: (listener: (reference: string) => void) =>
    subscribe('case.open', (p) => listener(p.reference)),
  onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe('menu.command', listener),
};

contextBridge.exposeInMainWorld('casedesk', api);
