import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, Message } from '../../shared';
import { buildApp } from '../app';
import { openPostgres } from '../db/postgres-database';
import { startSmtpInbox, type SmtpInbox } from '../testing/smtp-inbox';
import { testDatabaseKinds } from '../testing/test-databases';
import {
  TEST_INTAKE_KEY,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';
import { sleep, waitFor } from '../testing/wait-for';
import type { MailSettings } from './mail-settings';

const settings = (smtpUrl: string): MailSettings => ({
  smtpUrl,
  from: 'Casedesk Support <support@shop.test>',
  replyDomain: 'reply.shop.test',
  retryBaseMs: 40,
});

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function claimed(
  svc: TestService,
  s: Session,
  overrides: Parameters<TestService['intake']>[0] = {},
) {
  const c = await svc.intake(overrides);
  expect((await s.post(`/api/v1/cases/${c.id}/claim`)).statusCode).toBe(200);
  return c;
}

async function reply(s: Session, c: Case, body: string, to: 'buyer' | 'seller' = 'buyer') {
  const res = await s.post(`/api/v1/cases/${c.id}/messages`, { to, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Message>();
}

async function deliveryOf(s: Session, c: Case, id: string) {
  const detail = (await s.get(`/api/v1/cases/${c.id}`)).json<{ messages: Message[] }>();
  return detail.messages.find((m) => m.id === id)!.delivery!;
}

const withMessageId = (inbox: SmtpInbox, id: string) =>
  inbox.mail.filter((m) => m.parsed.messageId === `<casedesk.${id}@reply.shop.test>`);

describe.each(testDatabaseKinds())('outgoing mail on %s', (kind) => {
  describe('with a mail server', () => {
    let inbox: SmtpInbox;
    let svc: TestService;
    let ana: Session;
    beforeAll(async () => {
      inbox = await startSmtpInbox();
      svc = await startTestService(kind, { mail: settings(inbox.url) });
      ana = await svc.login('ana');
    });
    afterAll(async () => {
      await svc.close();
      await inbox.close();
    });

    it('mails a reply to the buyer of an email case once, with subject, Reply-To and both parts', async () => {
      const c = await claimed(svc, ana, { topic: 'damaged_in_transit' });
      const m = await reply(
        ana,
        c,
        'Guten Tag,\n\nbitte senden Sie uns ein Foto <des Schadens> & der Verpackung.',
      );
      expect(m.delivery).toMatchObject({ status: 'queued', attempts: 0 });

      await waitFor(() => withMessageId(inbox, m.id).length === 1, 'the mail');
      await sleep(300);
      const [got] = withMessageId(inbox, m.id);
      expect(withMessageId(inbox, m.id)).toHaveLength(1);
      const p = got!.parsed;
      expect(p.subject).toBe(`[${c.reference}] Objekt beim Versand beschädigt`);
      expect(got!.envelopeTo).toEqual([c.buyer.email]);
      expect(p.from?.value[0]).toMatchObject({
        name: 'Casedesk Support',
        address: 'support@shop.test',
      });
      expect(p.replyTo?.value[0]?.address).toMatch(/^reply\+[0-9a-f]{32}@reply\.shop\.test$/);
      expect(p.text).toContain('bitte senden Sie uns ein Foto <des Schadens> & der Verpackung.');
      expect(p.html).toContain('Foto &lt;des Schadens&gt; &amp; der Verpackung.');
      expect(p.html).not.toContain('<des Schadens>');
      expect(p.inReplyTo).toBeUndefined();

      const delivery = await waitFor(async () => {
        const d = await deliveryOf(ana, c, m.id);
        return d.status === 'sent' && d;
      }, 'sent state');
      expect(delivery.attempts).toBe(1);
      expect(delivery.sentAt).toBeTruthy();
    });

    it('threads a second mail to the buyer under the first, with the same Reply-To', async () => {
      const c = await claimed(svc, ana);
      const first = await reply(ana, c, 'Erste Antwort');
      const second = await reply(ana, c, 'Zweite Antwort');
      await waitFor(() => withMessageId(inbox, second.id).length === 1, 'the second mail');
      const a = withMessageId(inbox, first.id)[0]!.parsed;
      const b = withMessageId(inbox, second.id)[0]!.parsed;
      expect(b.inReplyTo).toBe(a.messageId);
      expect(b.references).toBe(a.messageId);
      expect(b.replyTo?.text).toBe(a.replyTo?.text);
      // Another case has another, unguessable token.
      const other = await claimed(svc, ana);
      const third = await reply(ana, other, 'Andere Sache');
      await waitFor(() => withMessageId(inbox, third.id).length === 1, 'the third mail');
      expect(withMessageId(inbox, third.id)[0]!.parsed.replyTo?.text).not.toBe(a.replyTo?.text);
    });

    it("mails a seller in the seller's language on a chat case", async () => {
      const c = await claimed(svc, ana, {
        channel: 'chat',
        order: {
          ...(await import('../testing/test-service')).escalation().order!,
          seller: {
            externalId: `seller-nl-${Date.now()}`,
            name: 'Galerie Noord',
            country: 'NL',
            email: 'verkoop@noord.test',
            language: 'nl',
          },
        },
      });
      expect(c.order?.seller.email).toBe('verkoop@noord.test');
      const m = await reply(ana, c, 'Hebben Sie die Sendungsnummer?', 'seller');
      await waitFor(() => withMessageId(inbox, m.id).length === 1, 'the seller mail');
      const got = withMessageId(inbox, m.id)[0]!;
      expect(got.envelopeTo).toEqual(['verkoop@noord.test']);
      expect(got.parsed.subject).toBe(`[${c.reference}] Object niet ontvangen`);
    });

    it('hands a chat buyer’s reply to nobody yet: stored as not configured, nothing mailed', async () => {
      const c = await claimed(svc, ana, { channel: 'chat' });
      const m = await reply(ana, c, 'Hallo im Chat');
      expect(m.delivery).toMatchObject({ status: 'not_configured' });
      await sleep(200);
      expect(withMessageId(inbox, m.id)).toHaveLength(0);
    });

    it('refuses a message to a seller without an email with 422 recipient_unknown, storing nothing', async () => {
      const c = await claimed(svc, ana);
      const res = await ana.post(`/api/v1/cases/${c.id}/messages`, { to: 'seller', body: 'Hallo' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('recipient_unknown');
      const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json<{ messages: Message[] }>();
      expect(detail.messages).toHaveLength(0);
    });

    it('marks a mail the server refuses for good as failed with the reason, and sends it again on Retry', async () => {
      const c = await claimed(svc, ana, {
        buyer: {
          externalId: `refused-${Date.now()}`,
          name: 'Nobody',
          email: 'nobody@refused.test',
          language: 'de',
          country: 'DE',
        },
      });
      inbox.refuse('nobody@refused.test', 550);
      const m = await reply(ana, c, 'Hallo?');
      const failed = await waitFor(async () => {
        const d = await deliveryOf(ana, c, m.id);
        return d.status === 'failed' && d;
      }, 'failed state');
      expect(failed.lastError).toMatch(/550|refused/);
      expect(failed.attempts).toBe(1);

      inbox.refuse('nobody@refused.test', 0);
      const again = await ana.post(`/api/v1/messages/${m.id}/retry`);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<Message>().delivery?.status).toBe('queued');
      await waitFor(() => withMessageId(inbox, m.id).length === 1, 'the retried mail');
      await waitFor(async () => (await deliveryOf(ana, c, m.id)).status === 'sent', 'sent');
      // Only a failed mail can be retried.
      const twice = await ana.post(`/api/v1/messages/${m.id}/retry`);
      expect(twice.statusCode).toBe(409);
    });
  });

  // Starts a service of its own: on a busy machine that alone can take half a minute.
  it(
    'says not_configured for every message when no mail server is configured',
    { timeout: 90_000 },
    async () => {
      const svc = await startTestService(kind);
      try {
        const ana = await svc.login('ana');
        const c = await claimed(svc, ana);
        expect((await reply(ana, c, 'Hallo')).delivery).toMatchObject({ status: 'not_configured' });
        // Without mail a seller without an email is no refusal: nothing is sent either way.
        expect((await reply(ana, c, 'Hallo', 'seller')).delivery?.status).toBe('not_configured');
      } finally {
        await svc.close();
      }
    },
  );

  describe('when things go wrong', () => {
    // One service for these (each start costs seconds here): its mail server is down until
    // a test brings it up on the port it was configured with.
    let port: number;
    let inbox: SmtpInbox | null = null;
    let svc: TestService;
    let ana: Session;
    let crashes = 0;
    beforeAll(async () => {
      port = await freePort();
      svc = await startTestService(kind, {
        mail: settings(`smtp://127.0.0.1:${port}`),
        mailSender: {
          leaseMs: 1_000,
          async afterSend() {
            if (crashes > 0) {
              crashes--;
              throw new Error('the process died here');
            }
          },
        },
      });
      ana = await svc.login('ana');
    });
    afterAll(async () => {
      await svc.close();
      await inbox?.close();
    });

    it('retries while the mail server is down and delivers exactly once when it is back', async () => {
      const c = await claimed(svc, ana);
      const m = await reply(ana, c, 'Kommt das an?');
      const waiting = await waitFor(async () => {
        const d = await deliveryOf(ana, c, m.id);
        return d.attempts >= 2 && d;
      }, 'failed tries');
      expect(waiting.status).toBe('queued');
      expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);

      inbox = await startSmtpInbox({ port });
      await waitFor(() => withMessageId(inbox!, m.id).length > 0, 'the late mail');
      await waitFor(async () => (await deliveryOf(ana, c, m.id)).status === 'sent', 'sent');
      await sleep(500);
      expect(withMessageId(inbox, m.id)).toHaveLength(1);
      expect(inbox.mail).toHaveLength(1);
    });

    it('resends with the same Message-ID when a sender dies between sending and recording', async () => {
      crashes = 1;
      const c = await claimed(svc, ana);
      const m = await reply(ana, c, 'Einmal, zweimal?');
      await waitFor(() => withMessageId(inbox!, m.id).length === 2, 'the resend');
      const [a, b] = withMessageId(inbox!, m.id);
      expect(a!.parsed.messageId).toBe(b!.parsed.messageId);
      expect(b!.parsed.subject).toBe(a!.parsed.subject);
      const d = await waitFor(async () => {
        const x = await deliveryOf(ana, c, m.id);
        return x.status === 'sent' && x;
      }, 'sent');
      expect(d.attempts).toBe(2);
      await sleep(1_500);
      expect(withMessageId(inbox!, m.id)).toHaveLength(2);
    });

    it('keeps retrying a mail the server refuses for now, and fails it after a day', async () => {
      const c = await claimed(svc, ana, {
        buyer: {
          externalId: `busy-${Date.now()}`,
          name: 'Busy',
          email: 'busy@greylisted.test',
          language: 'de',
          country: 'DE',
        },
      });
      inbox!.refuse('busy@greylisted.test', 451);
      const m = await reply(ana, c, 'Zu spät');
      const trying = await waitFor(async () => {
        const d = await deliveryOf(ana, c, m.id);
        return d.attempts >= 2 && d;
      }, 'tries');
      expect(trying.status).toBe('queued');
      // A day has passed since it was queued.
      await svc.db.query(
        `UPDATE mail_outbox SET queued_at = now() - interval '24 hours 1 minute' WHERE message_id = $1`,
        [m.id],
      );
      const d = await waitFor(async () => {
        const x = await deliveryOf(ana, c, m.id);
        return x.status === 'failed' && x;
      }, 'failed state');
      expect(d.lastError).toMatch(/451|refused/);
      expect(withMessageId(inbox!, m.id)).toHaveLength(0);
    });
  });

  it.runIf(kind === 'postgres')(
    'sends each mail once with two service instances on one database',
    async () => {
      const inbox = await startSmtpInbox({ delayMs: 20 });
      const mail = settings(inbox.url);
      const sentBy = [0, 0];
      const counting = (i: number) => ({
        batchSize: 3,
        afterSend: async () => {
          sentBy[i]!++;
        },
      });
      const one = await startTestService(kind, { mail, mailSender: counting(0) });
      const db2 = await openPostgres(one.url!, 8);
      const two = buildApp({ db: db2, intakeKey: TEST_INTAKE_KEY, mail, mailSender: counting(1) });
      await two.ready();
      try {
        const ana = await one.login('ana');
        const ids: string[] = [];
        for (let i = 0; i < 8; i++) {
          const c = await claimed(one, ana);
          for (let j = 0; j < 3; j++) ids.push((await reply(ana, c, `Nachricht ${i}.${j}`)).id);
        }
        await waitFor(
          () => ids.every((id) => withMessageId(inbox, id).length > 0),
          'all mail',
          20_000,
        );
        await sleep(500);
        for (const id of ids) expect(withMessageId(inbox, id)).toHaveLength(1);
        expect(inbox.mail).toHaveLength(ids.length);
        // Both instances took part (each is woken by every commit), yet none sent twice.
        expect(sentBy[0]).toBeGreaterThan(0);
        expect(sentBy[1]).toBeGreaterThan(0);
        const senders = await one.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent'`,
        );
        expect(senders.rows[0]!.n).toBe(ids.length);
      } finally {
        await two.close();
        await db2.close();
        await one.close();
        await inbox.close();
      }
    },
    30_000,
  );
});
