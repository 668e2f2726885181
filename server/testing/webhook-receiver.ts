import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  eventId: string;
  signature: string;
  rawBody: string;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  receivedAt: number;
  /** What the receiver answered (null: it never did). */
  answered: number | null;
}

/**
 * A real HTTP receiver in the test process, standing in for the marketplace. `answer`
 * decides each response (a status, or 'hang' to hold the request open); `down()` closes
 * the port so deliveries are refused, `up()` opens the same port again.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  answer: (d: ReceivedDelivery) => number | 'hang' | Promise<number> = () => 200;
  private server: http.Server;
  private port = 0;
  private readonly hanging = new Set<http.ServerResponse>();
  /** TCP connections opened to it: fewer than deliveries when senders keep them alive. */
  connections = 0;

  constructor() {
    this.server = this.create();
  }

  private create(): http.Server {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const d: ReceivedDelivery = {
          eventId: String(req.headers['casedesk-event-id'] ?? ''),
          signature: String(req.headers['casedesk-signature'] ?? ''),
          rawBody,
          body: JSON.parse(rawBody) as ReceivedDelivery['body'],
          receivedAt: Date.now(),
          answered: null,
        };
        this.received.push(d);
        void Promise.resolve(this.answer(d)).then((status) => {
          if (status === 'hang') {
            this.hanging.add(res);
            return;
          }
          d.answered = status;
          res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
        });
      });
    });
    server.on('connection', () => this.connections++);
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/casedesk`;
  }

  async up(): Promise<this> {
    if (this.server.listening) return this;
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Closes the port and drops every open connection, as a crashed receiver would. */
  async down(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closing;
    this.server = this.create();
  }

  /** Answered with a 2xx: what the marketplace has acknowledged. */
  acknowledged(): ReceivedDelivery[] {
    return this.received.filter((d) => d.answered !== null && d.answered < 300);
  }

  ofType(type: string): ReceivedDelivery[] {
    return this.received.filter((d) => d.body.type === type);
  }
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
