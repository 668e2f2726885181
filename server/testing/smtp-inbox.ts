import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: Buffer;
  parsed: ParsedMail;
  envelopeTo: string[];
}

export interface SmtpInbox {
  port: number;
  url: string;
  mail: ReceivedMail[];
  /** Refuse recipients at this address with this reply (e.g. 550 no such user). */
  refuse(address: string, code: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (smtp-server), collecting what it is sent. It
 * speaks the protocol for real; only TLS and AUTH are off, as on a local relay.
 */
export async function startSmtpInbox(
  opts: { port?: number; delayMs?: number } = {},
): Promise<SmtpInbox> {
  const mail: ReceivedMail[] = [];
  const refused = new Map<string, number>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, cb) {
      const code = refused.get(address.address.toLowerCase());
      if (!code) return cb();
      const err = Object.assign(new Error(`mailbox ${address.address} refused`), {
        responseCode: code,
      });
      cb(err);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const done = async () => {
          if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
          mail.push({
            raw,
            parsed: await simpleParser(raw),
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          });
          cb();
        };
        done().catch((err: Error) => cb(err));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mail,
    refuse: (address, code) => refused.set(address.toLowerCase(), code),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
