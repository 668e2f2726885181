/** Reads a Server-Sent Events stream of the service, for tests: its pokes and how it ends. */
export interface TestStream {
  pokes: { at: number; data: string }[];
  /** Every event by name, in order (`poke`, `session_ended`, …). */
  events: string[];
  /** Every event with its data line, in order. */
  received: { event: string; data: string }[];
  /** Resolves once the response has started (rejects unless it is a 200 event stream). */
  ready: Promise<void>;
  /** Resolves with the time it happened once the service ends the stream. */
  ended: Promise<number>;
  nextPoke(timeoutMs: number): Promise<number>;
  close(): void;
}

export function openStream(base: string, token: string): TestStream {
  const controller = new AbortController();
  const pokes: { at: number; data: string }[] = [];
  const events: string[] = [];
  const received: { event: string; data: string }[] = [];
  const waiters: (() => void)[] = [];
  let markEnded: (at: number) => void = () => undefined;
  const ended = new Promise<number>((resolve) => {
    markEnded = resolve;
  });
  const ready = fetch(`${base}/api/v1/sync/stream?token=${token}`, {
    signal: controller.signal,
  }).then(async (res) => {
    if (res.status !== 200) throw new Error(`stream answered ${res.status}`);
    if (!res.headers.get('content-type')?.includes('text/event-stream'))
      throw new Error('not an event stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) {
          markEnded(Date.now());
          return;
        }
        buf += decoder.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          if (name) events.push(name);
          if (name) received.push({ event: name, data: /data: (.*)/.exec(block)?.[1] ?? '' });
          if (name === 'poke') {
            pokes.push({ at: Date.now(), data: /data: (.*)/.exec(block)?.[1] ?? '' });
            waiters.splice(0).forEach((w) => w());
          }
        }
      }
    })();
  });
  return {
    pokes,
    events,
    received,
    ready,
    ended,
    nextPoke: (timeoutMs: number) =>
      new Promise<number>((resolve, reject) => {
        const t0 = Date.now();
        const timer = setTimeout(
          () => reject(new Error(`no poke within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push(() => {
          clearTimeout(timer);
          resolve(Date.now() - t0);
        });
      }),
    close: () => controller.abort(),
  };
}

/** Resolves with how long `p` took, or rejects after `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e as Error);
      },
    );
  });
}
