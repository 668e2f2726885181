import type { z } from 'zod';
import {
  IPC_CALLS,
  ipcChannel,
  type IpcCall,
  type IpcResult,
} from '../../shared/desktop/ipc-contract';
import { isAppUrl } from './window-rules';

/** What a handler learns about who called: the frame's URL, and whether it is a top frame. */
export interface IpcSender {
  url: string;
  isMainFrame: boolean;
}

/** The part of ipcMain this module uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (
      event: { senderFrame: { url: string; parent: unknown } | null },
      ...args: unknown[]
    ) => unknown,
  ): void;
}

export type IpcHandlers = {
  [C in IpcCall]: (
    ...args: z.infer<(typeof IPC_CALLS)[C]['args']>
  ) => IpcResult<C> | Promise<IpcResult<C>>;
};

export class IpcRefused extends Error {}

/**
 * Registers every call of the contract. Before a handler runs, the sender must be the
 * app's own top-level frame (not an iframe, not a page navigated elsewhere) and the
 * arguments must parse against the contract; the result is checked on the way out too.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers): void {
  for (const call of Object.keys(IPC_CALLS) as IpcCall[]) {
    ipcMain.handle(ipcChannel(call), (event, ...raw) =>
      invoke(call, handlers, event.senderFrame, raw),
    );
  }
}

export async function invoke(
  call: IpcCall,
  handlers: IpcHandlers,
  frame: { url: string; parent: unknown } | null,
  raw: unknown[],
): Promise<unknown> {
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
    throw new IpcRefused(`${call}: refused a call from ${frame?.url ?? 'an unknown sender'}`);
  }
  const spec = IPC_CALLS[call];
  const args = spec.args.safeParse(raw);
  if (!args.success) {
    throw new IpcRefused(
      `${call}: invalid arguments (${args.error.issues[0]?.message ?? 'bad shape'})`,
    );
  }
  const handler = handlers[call] as (...a: unknown[]) => unknown;
  const result = await handler(...(args.data as unknown[]));
  return spec.result.parse(result);
}
