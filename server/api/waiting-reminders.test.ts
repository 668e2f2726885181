import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Case, CaseDetail } from '../../shared';
import { buildApp } from '../app';
import type { Database } from '../db/database';
import { openPostgres } from '../db/postgres-database';
import type { MailSettings } from '../mail/mail-settings';
import { takeDueWaitingSteps } from '../services/waiting-steps';
import { startSmtpInbox, type SmtpInbox } from '../testing/smtp-inbox';
import { testDatabaseKinds } from '../testing/test-databases';
import {
  TEST_INTAKE_KEY,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';
import { waitFor } from '../testing/wait-for';

const HOUR = 3_600_000;
const settings = (smtpUrl: string): MailSettings => ({
  smtpUrl,
  from: 'Casedesk Support <support@shop.test>',
  replyDomain: 'reply.shop.test',
  retryBaseMs: 40,
});

describe.each(testDatabaseKinds())('reminders and automatic resolution on %s', (kind) => {
  let inbox: SmtpInbox;
  let svc: TestService;
  let ana: Session;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    svc = await startTestService(kind, { mail: settings(inbox.url) });
    ana = await svc.login('ana');
  }, 300_000);
  afterAll(async () => {
    await svc?.close();
    await inbox?.close();
  });
  // Each test's passes see only its own waiting cases.
  beforeEach(async () => {
    await svc.db.query(`UPDATE cases SET status = 'resolved', resolved_at = now()`);
  });

  /** A claimed case, set waiting on `party`; returns it and when it began waiting. */
  const waitingCase = async (
    party: 'buyer' | 'seller',
    over: Parameters<TestService['intake']>[0] = {},
  ) => {
    const c = await svc.intake({ topic: 'general_question', ...over });
    expect((await ana.post(`/api/v1/cases/${c.id}/claim`)).statusCode).toBe(200);
    const res = await ana.post(`/api/v1/cases/${c.id}/status`, {
      from: 'open',
      to: `pending_${party}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return { c, since: Date.now() };
  };
  const detail = async (c: Case) => (await ana.get(`/api/v1/cases/${c.id}`)).json<CaseDetail>();
  const run = (at: number, app: FastifyInstance = svc.app) =>
    app.waitingWorker.runOnce(new Date(at));
  const mailTo = (address: string) =>
    inbox.mail.filter((m) => [m.parsed.to].flat().some((a) => a?.text.includes(address)));

  it('reminds the buyer after the topic’s time, in their language, through the mail outbox', async () => {
    const { c, since } = await waitingCase('buyer', { language: 'nl' });
    expect((await run(since + 47 * HOUR)).reminders).toBe(0);
    expect(await run(since + 48 * HOUR + 1000)).toEqual({ reminders: 1, resolved: 0, failed: 0 });
    const d = await detail(c);
    expect(d.case.status).toBe('pending_buyer');
    const reminder = d.messages.at(-1)!;
    expect(reminder).toMatchObject({ to: 'buyer', authorId: null });
    expect(reminder.body).toContain(`We wachten nog op uw antwoord over zaak ${c.reference}`);
    expect(d.events.at(-1)).toMatchObject({
      type: 'case.reminder_sent',
      actorId: null,
      data: {
        to: 'buyer',
        messageId: reminder.id,
        reason: 'auto: no answer from the buyer for 48 hours',
      },
    });
    // The pass ran two days ahead, so its mail is due then: bring that day to the sender.
    await svc.db.query('UPDATE mail_outbox SET next_attempt_at = now() WHERE case_id = $1', [c.id]);
    svc.app.mailSender!.wake();
    await waitFor(() => mailTo(c.buyer.email).length === 1, 'the reminder mail');
    expect(mailTo(c.buyer.email)[0]!.parsed.text).toContain('We wachten nog op uw antwoord');
    // Never twice: later passes find it done.
    expect((await run(since + 60 * HOUR)).reminders).toBe(0);
  });

  it('resolves the case after the longer time, telling the buyer, as an event', async () => {
    const { c, since } = await waitingCase('buyer', { language: 'de' });
    await run(since + 48 * HOUR + 1000);
    expect((await run(since + 119 * HOUR)).resolved).toBe(0);
    expect(await run(since + 120 * HOUR + 2000)).toEqual({ reminders: 0, resolved: 1, failed: 0 });
    const d = await detail(c);
    expect(d.case.status).toBe('resolved');
    expect(d.messages.at(-1)?.body).toContain(`haben wir den Fall ${c.reference} geschlossen`);
    expect(d.events.at(-1)).toMatchObject({
      type: 'case.resolved',
      actorId: null,
      data: { from: 'pending_buyer', to: 'resolved', auto: true },
    });
    expect((await run(since + 999 * HOUR)).resolved).toBe(0);
  });

  it('reminds a silent seller in the seller’s language', async () => {
    const { c, since } = await waitingCase('seller', {
      language: 'de',
      order: {
        externalId: `order-fr-${Date.now()}`,
        lotId: 'lot-fr',
        lotTitle: 'Vase',
        category: 'Glass',
        amountPaid: { amount: 50_00, currency: 'EUR' },
        shippingStatus: 'shipped',
        orderedAt: '2026-11-01T10:00:00Z',
        shippedAt: '2026-11-03T10:00:00Z',
        seller: {
          externalId: `seller-fr-${Date.now()}`,
          name: 'Verrerie Dupont',
          country: 'FR',
          email: 'dupont@shop.test',
          language: 'fr',
        },
      },
    });
    expect((await run(since + 48 * HOUR + 1000)).reminders).toBe(1);
    const m = (await detail(c)).messages.at(-1)!;
    expect(m.to).toBe('seller');
    expect(m.body).toContain('Nous attendons toujours votre réponse');
    expect(m.body).toContain('Verrerie Dupont');
  });

  it('cancels the pending steps when the party answers', async () => {
    const { c, since } = await waitingCase('buyer');
    await run(since + 48 * HOUR + 1000);
    const answer = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/intake/messages',
      headers: { 'x-intake-key': TEST_INTAKE_KEY },
      payload: {
        caseReference: c.reference,
        from: 'buyer',
        externalUserId: c.buyer.externalId,
        body: 'Hier sind die Fotos.',
      },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect((await run(since + 999 * HOUR)).resolved).toBe(0);
    expect((await detail(c)).case.status).toBe('open');
  });

  it('starts a new wait with new steps when the case waits again', async () => {
    const { c, since } = await waitingCase('buyer');
    await run(since + 48 * HOUR + 1000);
    await ana.post(`/api/v1/cases/${c.id}/status`, { from: 'pending_buyer', to: 'open' });
    await ana.post(`/api/v1/cases/${c.id}/status`, { from: 'open', to: 'pending_buyer' });
    const again = Date.now();
    // The old wait's resolution time passes; the new wait only gets its reminder.
    expect(await run(again + 48 * HOUR + 1000)).toMatchObject({ resolved: 0 });
    expect((await detail(c)).events.filter((e) => e.type === 'case.reminder_sent')).toHaveLength(2);
  });

  it('counts the party’s silence from the agent’s latest message to them, not from when the wait began', async () => {
    const { c } = await waitingCase('buyer');
    const wrote = await ana.post(`/api/v1/cases/${c.id}/messages`, {
      to: 'buyer',
      body: 'Could you send a photo of the label?',
    });
    expect(wrote.statusCode, wrote.body).toBe(201);
    const at = Date.parse(wrote.json<{ createdAt: string }>().createdAt);
    const moved = Date.parse(
      (await detail(c)).events.findLast((e) => e.type === 'case.status_changed')!.at,
    );
    expect(at).toBeGreaterThan(moved + 1);
    // 48 hours after the wait began, but not yet 48 hours after the message: no reminder.
    const between = Math.floor((moved + at) / 2) + 48 * HOUR;
    expect((await run(between)).reminders).toBe(0);
    // A message to the seller is not the buyer's silence.
    await ana.post(`/api/v1/cases/${c.id}/messages`, { to: 'seller', body: 'Tracking, please.' });
    expect((await run(at + 48 * HOUR - 1)).reminders).toBe(0);
    expect((await run(at + 48 * HOUR + 1000)).reminders).toBe(1);
    const sent = (await detail(c)).events.filter((e) => e.type === 'case.reminder_sent');
    expect(sent).toHaveLength(1);
    expect(Date.parse(sent[0]!.data.waitingSince as string)).toBe(at);
    // The reminder itself is not an agent writing: the wait goes on to its resolution.
    expect((await run(at + 120 * HOUR + 2000)).resolved).toBe(1);
  });

  it('never resolves a case while an action awaits approval', async () => {
    const { c, since } = await waitingCase('buyer');
    const proposed = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'restrict_account',
      subject: 'seller',
      restriction: 'block_selling',
      until: null,
      statementOfReasons: {
        facts: 'Three buyers received counterfeit watches from this seller.',
        ground: 'Terms of use §7: sale of counterfeit goods.',
        groundType: 'contractual',
        automated: false,
        redress: 'Reply to this message to contest it.',
      },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    await run(since + 48 * HOUR + 1000);
    expect((await run(since + 999 * HOUR)).resolved).toBe(0);
    expect((await detail(c)).case.status).toBe('pending_buyer');
  });

  it('takes each step once when two instances run their passes at the same moment', async () => {
    // On PostgreSQL a second instance on the same database; PGlite has one connection, so
    // there a second pass of the same instance's code races the first.
    const db: Database | null = kind === 'postgres' ? await openPostgres(svc.url!, 8) : null;
    const other = db
      ? buildApp({ db, intakeKey: TEST_INTAKE_KEY, mail: settings(inbox.url) })
      : null;
    await other?.ready();
    try {
      const waits = await Promise.all(Array.from({ length: 5 }, () => waitingCase('buyer')));
      const at = new Date(Math.max(...waits.map((w) => w.since)) + 48 * HOUR + 1000);
      const [a, b] = await Promise.all([
        run(at.getTime()),
        other
          ? other.waitingWorker.runOnce(at)
          : takeDueWaitingSteps(svc.db, settings(inbox.url), at),
      ]);
      expect(a.reminders + b.reminders).toBe(5);
      for (const w of waits) {
        const d = await detail(w.c);
        expect(d.events.filter((e) => e.type === 'case.reminder_sent')).toHaveLength(1);
        expect(d.messages.filter((m) => m.to === 'buyer')).toHaveLength(1);
      }
      const queued = await svc.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE case_id = ANY ($1::uuid[])`,
        [waits.map((w) => w.c.id)],
      );
      expect(queued.rows[0]!.n).toBe(5);
    } finally {
      await other?.close();
      await db?.close();
    }
  });

  if (kind === 'postgres')
    it('sends each reminder and closing message once, by mail once, when two services on one PostgreSQL database race six passes at a time', async () => {
      const db = await openPostgres(svc.url!, 8);
      const other = buildApp({ db, intakeKey: TEST_INTAKE_KEY, mail: settings(inbox.url) });
      await other.ready();
      try {
        const waits = await Promise.all(Array.from({ length: 12 }, () => waitingCase('buyer')));
        const last = Math.max(...waits.map((w) => w.since));
        const mail = settings(inbox.url);
        // Each service's own worker, and two more passes beside each on its own connections
        // (which its worker's no-overlap guard does not see), all at the same moment.
        const race = (at: number) =>
          Promise.all([
            run(at),
            other.waitingWorker.runOnce(new Date(at)),
            takeDueWaitingSteps(svc.db, mail, new Date(at)),
            takeDueWaitingSteps(svc.db, mail, new Date(at)),
            takeDueWaitingSteps(db, mail, new Date(at)),
            takeDueWaitingSteps(db, mail, new Date(at)),
          ]);
        const sum = (rs: { reminders: number; resolved: number; failed: number }[]) =>
          rs.reduce(
            (t, r) => ({
              reminders: t.reminders + r.reminders,
              resolved: t.resolved + r.resolved,
              failed: t.failed + r.failed,
            }),
            { reminders: 0, resolved: 0, failed: 0 },
          );
        expect(sum(await race(last + 48 * HOUR + 1000))).toEqual({
          reminders: 12,
          resolved: 0,
          failed: 0,
        });
        expect(sum(await race(last + 120 * HOUR + 2000))).toEqual({
          reminders: 0,
          resolved: 12,
          failed: 0,
        });
        for (const w of waits) {
          const d = await detail(w.c);
          expect(d.case.status).toBe('resolved');
          expect(d.events.filter((e) => e.type === 'case.reminder_sent')).toHaveLength(1);
          expect(d.events.filter((e) => e.type === 'case.resolved')).toHaveLength(1);
          expect(d.messages.filter((m) => m.to === 'buyer')).toHaveLength(2);
        }
        // Both services' mail senders at once, each mail due now: every mail leaves once.
        const ids = waits.map((w) => w.c.id);
        await svc.db.query(
          'UPDATE mail_outbox SET next_attempt_at = now() WHERE case_id = ANY ($1::uuid[])',
          [ids],
        );
        svc.app.mailSender!.wake();
        other.mailSender!.wake();
        const sent = async () =>
          (
            await svc.db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM mail_outbox
                WHERE case_id = ANY ($1::uuid[]) AND status = 'sent'`,
              [ids],
            )
          ).rows[0]!.n;
        await waitFor(async () => (await sent()) === 24, 'all 24 mails sent', 60_000);
        for (const w of waits) {
          const got = mailTo(w.c.buyer.email);
          expect(got, w.c.reference).toHaveLength(2);
          expect(new Set(got.map((m) => m.parsed.messageId)).size).toBe(2);
        }
      } finally {
        await other.close();
        await db.close();
      }
    });

  it('sends nothing when a step’s transaction dies, and the next pass sends it once', async () => {
    const { c, since } = await waitingCase('buyer');
    // The step fails after its message is stored and queued: a crash before the commit.
    await svc.db.exec(`
      CREATE FUNCTION test_crash_reminder() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'crash before commit'; END; $$;
      CREATE TRIGGER test_crash_reminder BEFORE INSERT ON events FOR EACH ROW
        WHEN (NEW.type = 'case.reminder_sent') EXECUTE FUNCTION test_crash_reminder();`);
    try {
      const at = since + 48 * HOUR + 1000;
      expect(await takeDueWaitingSteps(svc.db, settings(inbox.url), new Date(at))).toMatchObject({
        reminders: 0,
        failed: 1,
      });
      expect((await detail(c)).messages.filter((m) => m.to === 'buyer')).toHaveLength(0);
      const none = await svc.db.query('SELECT 1 FROM mail_outbox WHERE case_id = $1', [c.id]);
      expect(none.rows).toHaveLength(0);
    } finally {
      await svc.db.exec(`DROP TRIGGER test_crash_reminder ON events;
        DROP FUNCTION test_crash_reminder();`);
    }
    expect((await run(since + 49 * HOUR)).reminders).toBe(1);
    expect((await run(since + 50 * HOUR)).reminders).toBe(0);
    expect((await detail(c)).messages.filter((m) => m.to === 'buyer')).toHaveLength(1);
    const queued = await svc.db.query('SELECT 1 FROM mail_outbox WHERE case_id = $1', [c.id]);
    expect(queued.rows).toHaveLength(1);
  });
});
