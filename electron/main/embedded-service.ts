import { ServiceMessage } from './service-messages';

/** The few things the supervisor needs of a child: Electron's utilityProcess or Node's fork. */
export interface ServiceChild {
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  postMessage(message: unknown): void;
  kill(): void;
}

export interface EmbeddedServiceOptions {
  spawn: () => ServiceChild;
  log: { info(m: string): void; warn(m: string): void; error(m: string): void };
  /** First start migrates and seeds demo data: allow for a slow disk. */
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Crashes tolerated within `restartWindowMs` before giving up. */
  maxRestarts?: number;
  restartWindowMs?: number;
  onUrlChange?: (url: string | null) => void;
}

/**
 * Runs the standalone case service in its own process and keeps it running: waits for
 * it to report its address, restarts it if it crashes (a few times, then reports it as
 * down rather than looping), and stops it cleanly so PGlite can flush.
 */
export function createEmbeddedService(opts: EmbeddedServiceOptions) {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 10_000;
  const maxRestarts = opts.maxRestarts ?? 3;
  const restartWindowMs = opts.restartWindowMs ?? 10 * 60_000;

  let child: ServiceChild | null = null;
  let url: string | null = null;
  let stopping = false;
  let crashes: number[] = [];
  let exited: Promise<void> = Promise.resolve();
  let starting: Promise<string> | null = null;

  const waiting = new Set<(url: string) => void>();
  const setUrl = (next: string | null) => {
    if (next === url) return;
    url = next;
    opts.onUrlChange?.(next);
    if (next) {
      for (const w of waiting) w(next);
      waiting.clear();
    }
  };

  function launch(): Promise<string> {
    return new Promise((resolve, reject) => {
      const c = opts.spawn();
      child = c;
      let ready = false;
      let markExited = () => undefined as void;
      exited = new Promise((r) => (markExited = r));
      const timer = setTimeout(() => {
        reject(new Error(`the case service did not start within ${readyTimeoutMs / 1000} s`));
        c.kill();
      }, readyTimeoutMs);

      c.onMessage((raw) => {
        const parsed = ServiceMessage.safeParse(raw);
        if (!parsed.success) return;
        const m = parsed.data;
        if (m.type === 'ready') {
          ready = true;
          clearTimeout(timer);
          setUrl(m.url);
          opts.log.info(`embedded case service ready at ${m.url}`);
          resolve(m.url);
        } else {
          clearTimeout(timer);
          reject(new Error(m.message));
        }
      });

      c.onExit((code) => {
        clearTimeout(timer);
        markExited();
        if (child === c) child = null;
        setUrl(null);
        if (!ready) {
          reject(new Error(`the case service exited while starting (code ${code})`));
          return;
        }
        if (stopping) return;
        opts.log.error(`embedded case service exited unexpectedly (code ${code})`);
        void restart();
      });
    });
  }

  async function restart(): Promise<void> {
    const now = Date.now();
    crashes = [...crashes.filter((t) => now - t < restartWindowMs), now];
    if (crashes.length > maxRestarts) {
      opts.log.error('embedded case service keeps crashing; not restarting it again');
      return;
    }
    await new Promise((r) => setTimeout(r, 500 * crashes.length));
    if (stopping) return;
    await launch().catch((err: Error) => opts.log.error(`restart failed: ${err.message}`));
  }

  /** The address once the service is up, or null if it is not within `timeoutMs`. */
  function whenReady(timeoutMs: number): Promise<string | null> {
    if (url) return Promise.resolve(url);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(done);
        resolve(null);
      }, timeoutMs);
      const done = (u: string) => {
        clearTimeout(timer);
        resolve(u);
      };
      waiting.add(done);
    });
  }

  return {
    whenReady,
    /** Starts the service, or joins the start already under way. */
    start(): Promise<string> {
      stopping = false;
      if (url) return Promise.resolve(url);
      starting ??= launch().finally(() => (starting = null));
      return starting;
    },
    url: () => url,
    async stop(): Promise<void> {
      stopping = true;
      const c = child;
      if (!c) return;
      c.postMessage({ type: 'stop' });
      const killer = setTimeout(() => c.kill(), stopTimeoutMs);
      await exited;
      clearTimeout(killer);
    },
  };
}
export type EmbeddedService = ReturnType<typeof createEmbeddedService>;
