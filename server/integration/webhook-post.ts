import http from 'node:http';
import https from 'node:https';

export type PostOutcome =
  { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * POSTs webhook bodies over kept-alive connections: a delivery reuses a socket another
 * one has finished with instead of opening (and, for https, handshaking) a new one each
 * time. Redirects are not followed: the configured URL is the receiver.
 */
export class WebhookPoster {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;

  constructor(
    private readonly url: string,
    opts: { maxSockets: number; timeoutMs: number },
  ) {
    const secure = new URL(url).protocol === 'https:';
    const Agent = secure ? https.Agent : http.Agent;
    // Idle sockets are dropped after a while, before a typical server's keep-alive
    // timeout (Node's is 5 s), so a reused socket is rarely one the receiver just closed.
    this.agent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets, timeout: 4_000 });
    this.request = secure ? https.request : http.request;
    this.timeoutMs = opts.timeoutMs;
  }

  private readonly timeoutMs: number;

  /** One try; `stop` aborts it (the service is stopping). Never throws. */
  async post(
    headers: Record<string, string>,
    body: string,
    stop: AbortSignal,
  ): Promise<PostOutcome> {
    const first = await this.once(headers, body, stop);
    // A kept-alive socket the receiver closed just as we reused it fails before the
    // request reached anyone: what Node's documentation advises is to send again at once.
    if (first === 'stale socket') return this.settle(await this.once(headers, body, stop));
    return this.settle(first);
  }

  private settle(r: PostOutcome | 'stale socket'): PostOutcome {
    return r === 'stale socket' ? { ok: false, status: null, error: 'ECONNRESET' } : r;
  }

  private once(
    headers: Record<string, string>,
    body: string,
    stop: AbortSignal,
  ): Promise<PostOutcome | 'stale socket'> {
    return new Promise((resolve) => {
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const signal = AbortSignal.any([stop, timeout]);
      const payload = Buffer.from(body, 'utf8');
      const req = this.request(this.url, {
        method: 'POST',
        agent: this.agent,
        signal,
        headers: { ...headers, 'content-length': String(payload.length) },
      });
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        // Read the answer to the end so the socket goes back to the pool; its content is not ours.
        res.resume();
        res.on('end', () =>
          resolve(
            status >= 200 && status < 300
              ? { ok: true, status }
              : { ok: false, status, error: `HTTP ${status}` },
          ),
        );
        res.on('error', () => resolve({ ok: false, status, error: `HTTP ${status}, cut short` }));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (timeout.aborted) {
          resolve({
            ok: false,
            status: null,
            error: `no answer within ${this.timeoutMs / 1000} s`,
          });
        } else if (stop.aborted) {
          resolve({ ok: false, status: null, error: 'the service is stopping' });
        } else if (req.reusedSocket && err.code === 'ECONNRESET') {
          resolve('stale socket');
        } else {
          resolve({ ok: false, status: null, error: err.code ?? err.message });
        }
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
