import { ConfigError, loadConfig } from '../../server/config';
import { startService, type RunningService } from '../../server/start-service';
import type { ServiceMessage } from '../main/service-messages';

/**
 * The embedded case service: the desktop app's main process starts this file in an
 * Electron utility process (tests fork it with Node) with its configuration in the
 * environment, and hears back over the parent port when it is up.
 */
type ParentPort = {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
};
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function post(message: ServiceMessage): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

function onStopRequest(stop: () => void): void {
  const isStop = (m: unknown) => (m as { type?: string } | null)?.type === 'stop';
  if (parentPort) parentPort.on('message', (e) => isStop(e.data) && stop());
  else process.on('message', (m) => isStop(m) && stop());
}

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  let service: RunningService | null = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A clean close lets PGlite flush its files; the parent kills us only if this hangs.
    void (service?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  onStopRequest(stop);
  process.once('SIGTERM', stop);
  service = await startService(loadConfig(), {
    migrationsDir: argument('migrations-dir'),
    serveWorkspace: false,
  });
  post({ type: 'ready', url: service.url });
}

main().catch((err: unknown) => {
  const message =
    err instanceof ConfigError ? err.message : `cannot start: ${(err as Error).message ?? err}`;
  post({ type: 'failed', message: message.split('\n')[0] ?? message });
  setTimeout(() => process.exit(1), 100);
});
