import http from 'node:http';
import { verifySignature } from './webhook-signature';

/**
 * `npm run webhook:listen`: a receiver for integrators trying Casedesk out. It prints
 * every event it gets, says whether its signature holds for CASEDESK_WEBHOOK_SECRET
 * (comma-separated while rotating), and answers 200 — or 500 with `--fail`, to watch the
 * retries. Point CASEDESK_WEBHOOK_URL at the address it prints.
 */
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 4980);
const fail = args.includes('--fail');
const secrets = (process.env.CASEDESK_WEBHOOK_SECRET ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    const check = secrets.length
      ? verifySignature(req.headers['casedesk-signature'] as string | undefined, raw, secrets)
      : null;
    let event: { id?: string; type?: string; data?: unknown } = {};
    try {
      event = JSON.parse(raw) as typeof event;
    } catch {
      // Printed raw below.
    }
    const signature =
      check === null
        ? 'not checked (set CASEDESK_WEBHOOK_SECRET)'
        : check.ok
          ? 'valid'
          : `INVALID (${check.reason})`;
    process.stdout.write(
      `\n${new Date().toISOString()} ${event.type ?? '?'} ${req.headers['casedesk-event-id'] ?? ''}\n` +
        `  signature: ${signature}\n` +
        `${JSON.stringify(event.data ?? raw, null, 2).replace(/^/gm, '  ')}\n`,
    );
    const status = fail || (check !== null && !check.ok) ? (fail ? 500 : 400) : 200;
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
  });
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `Listening for Casedesk events on http://127.0.0.1:${port}/ — set CASEDESK_WEBHOOK_URL to it.` +
      `${fail ? ' Answering 500 to every event (--fail).' : ''}\n`,
  );
});
