import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Case, IntakeRequest, Message } from '../../shared';
import { noticeMessageId } from '../services/action-notices';
import { startSmtpInbox, type SmtpInbox } from '../testing/smtp-inbox';
import { testDatabaseKinds } from '../testing/test-databases';
import {
  escalation,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';
import { sleep, waitFor } from '../testing/wait-for';
import { WebhookReceiver } from '../testing/webhook-receiver';
import type { MailSettings } from './mail-settings';

const settings = (smtpUrl: string): MailSettings => ({
  smtpUrl,
  from: 'Casedesk Support <support@shop.test>',
  replyDomain: 'reply.shop.test',
  retryBaseMs: 40,
});
const eur = (amount: number) => ({ amount, currency: 'EUR' as const });
const KEY = 'integration-key-0123456789';

/** An email case whose seller has an address (and writes Dutch), claimed by `s`. */
async function claimedCase(
  svc: TestService,
  s: Session,
  overrides: Partial<IntakeRequest> = {},
  sellerEmail: string | null = `seller-${randomUUID()}@example.com`,
): Promise<Case> {
  const base = escalation();
  const c = await svc.intake({
    ...base,
    order: {
      ...base.order!,
      seller: {
        ...base.order!.seller,
        language: 'nl',
        ...(sellerEmail ? { email: sellerEmail } : {}),
      },
    },
    ...overrides,
  });
  expect((await s.post(`/api/v1/cases/${c.id}/claim`)).statusCode).toBe(200);
  return c;
}

/** The case's messages, buyer's first: notices of one action share their time. */
const messagesOf = async (s: Session, c: Case) =>
  (await s.get(`/api/v1/cases/${c.id}`))
    .json<{ messages: Message[] }>()
    .messages.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.to ?? '').localeCompare(b.to ?? ''),
    );

const mailFor = (inbox: SmtpInbox, id: string) =>
  inbox.mail.filter((m) => m.parsed.messageId === `<casedesk.${id}@reply.shop.test>`);

const NOTICE = { buyer: 'Wir haben Ihnen 40 € erstattet.', seller: 'We hebben 40 € terugbetaald.' };

describe.each(testDatabaseKinds())('notices of actions on %s', (kind) => {
  describe('with a mail server and no marketplace', () => {
    let inbox: SmtpInbox;
    let svc: TestService;
    let ana: Session, lena: Session, tess: Session;
    beforeAll(async () => {
      inbox = await startSmtpInbox();
      svc = await startTestService(kind, { mail: settings(inbox.url) });
      [ana, lena, tess] = await Promise.all([
        svc.login('ana'),
        svc.login('lena'),
        svc.login('tess'),
      ]);
    });
    afterAll(async () => {
      await svc.close();
      await inbox.close();
    });

    it('mails the buyer and the seller once when a refund executes at once, also when the request is replayed', async () => {
      const c = await claimedCase(svc, ana);
      const body = { type: 'refund', amount: eur(40_00), reason: 'Damaged', notify: NOTICE };
      const key = { 'idempotency-key': randomUUID() };
      const res = await ana.post(`/api/v1/cases/${c.id}/actions`, body, key);
      expect(res.statusCode, res.body).toBe(201);
      const action = res.json<Action>();
      expect(action.status).toBe('executed');
      // The texts become messages; the action itself reads as before.
      expect(action).not.toHaveProperty('notify');
      expect((await ana.post(`/api/v1/cases/${c.id}/actions`, body, key)).statusCode).toBe(201);

      const buyerId = noticeMessageId(action.id, 'buyer');
      const sellerId = noticeMessageId(action.id, 'seller');
      await waitFor(
        () => mailFor(inbox, buyerId).length === 1 && mailFor(inbox, sellerId).length === 1,
        'both notices',
      );
      await sleep(300);
      const toBuyer = mailFor(inbox, buyerId);
      const toSeller = mailFor(inbox, sellerId);
      expect(toBuyer).toHaveLength(1);
      expect(toSeller).toHaveLength(1);
      expect(toBuyer[0]!.envelopeTo).toEqual([c.buyer.email]);
      expect(toBuyer[0]!.parsed.text).toContain(NOTICE.buyer);
      expect(toBuyer[0]!.parsed.subject).toBe(`[${c.reference}] Objekt nicht erhalten`);
      expect(toSeller[0]!.envelopeTo).toEqual([c.order!.seller.email]);
      expect(toSeller[0]!.parsed.text).toContain(NOTICE.seller);
      // The seller reads Dutch: the subject is in their language.
      expect(toSeller[0]!.parsed.subject).toBe(`[${c.reference}] Object niet ontvangen`);

      const messages = await messagesOf(ana, c);
      expect(messages.map((m) => [m.id, m.to, m.body, m.authorId])).toEqual([
        [buyerId, 'buyer', NOTICE.buyer, ana.agent.id],
        [sellerId, 'seller', NOTICE.seller, ana.agent.id],
      ]);
    });

    it('tells only the parties named, and nobody without notify (clients from before it existed)', async () => {
      const c = await claimedCase(svc, ana);
      const only = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'cancel_order',
        reason: 'Buyer asked',
        notify: { buyer: 'Ihre Bestellung wurde storniert.' },
      });
      expect(only.statusCode, only.body).toBe(201);
      const plain = await claimedCase(svc, ana);
      const none = await ana.post(`/api/v1/cases/${plain.id}/actions`, {
        type: 'refund',
        amount: eur(10_00),
        reason: 'Goodwill',
      });
      expect(none.statusCode).toBe(201);
      const told = await messagesOf(ana, c);
      expect(told.map((m) => m.to)).toEqual(['buyer']);
      expect(await messagesOf(ana, plain)).toEqual([]);
    });

    it('queues a pending refund’s notice only when it is approved, and never for a rejected one', async () => {
      const base = escalation();
      const c = await claimedCase(svc, ana, {
        order: { ...base.order!, amountPaid: eur(900_00) },
      });
      const propose = async (buyer: string) => {
        const res = await ana.post(`/api/v1/cases/${c.id}/actions`, {
          type: 'refund',
          amount: eur(300_00),
          reason: 'Above Ana’s limit',
          notify: { buyer },
        });
        expect(res.statusCode, res.body).toBe(201);
        const a = res.json<Action>();
        expect(a.status).toBe('pending_approval');
        return a;
      };
      const rejected = await propose('Abgelehnte Erstattung');
      expect(
        (await lena.post(`/api/v1/actions/${rejected.id}/reject`, { reason: 'No' })).statusCode,
      ).toBe(200);
      const approved = await propose('Genehmigte Erstattung');
      expect(await messagesOf(ana, c)).toEqual([]);

      const ok = await lena.post(`/api/v1/actions/${approved.id}/approve`);
      expect(ok.statusCode, ok.body).toBe(200);
      const buyerId = noticeMessageId(approved.id, 'buyer');
      await waitFor(() => mailFor(inbox, buyerId).length === 1, 'the notice');
      await sleep(300);
      expect(mailFor(inbox, buyerId)).toHaveLength(1);
      expect(mailFor(inbox, noticeMessageId(rejected.id, 'buyer'))).toHaveLength(0);
      const messages = await messagesOf(ana, c);
      expect(messages.map((m) => [m.id, m.body, m.authorId])).toEqual([
        [buyerId, 'Genehmigte Erstattung', ana.agent.id],
      ]);
      // Approving it again changes nothing.
      expect((await lena.post(`/api/v1/actions/${approved.id}/approve`)).statusCode).toBe(409);
      expect(await messagesOf(ana, c)).toHaveLength(1);
    });

    it('refuses a notice the action may not give, and one mail cannot reach, storing nothing', async () => {
      const c = await claimedCase(svc, ana, {}, null);
      const sor = {
        facts: 'Fake goods.',
        ground: 'Terms 7',
        groundType: 'contractual',
        automated: false,
        redress: 'Reply.',
      };
      const wrongParty = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'restrict_account',
        subject: 'buyer',
        restriction: 'suspend',
        until: null,
        statementOfReasons: sor,
        notify: { seller: 'Der Käufer wurde gesperrt.' },
      });
      expect(wrongParty.statusCode).toBe(400);
      expect(wrongParty.json().error.code).toBe('validation_failed');
      expect(wrongParty.json().error.details.fields[0].path).toBe('body.notify.seller');

      const referral = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'law_enforcement_referral',
        category: 'fraud',
        authority: 'Politie',
        summary: 'Fraud',
        evidence: [],
        notify: { buyer: 'Wir haben Sie angezeigt.' },
      });
      expect(referral.statusCode).toBe(400);

      // Mail is configured and this seller has no address.
      const noAddress = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'cancel_order',
        reason: 'Buyer asked',
        notify: { buyer: 'Storniert.', seller: 'Geannuleerd.' },
      });
      expect(noAddress.statusCode).toBe(422);
      expect(noAddress.json().error.code).toBe('recipient_unknown');

      const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail.actions).toEqual([]);
      expect(detail.messages).toEqual([]);
      expect(detail.case.order.status).toBe('active');
    });

    it('tells the restricted seller and the reporting buyer once T&S approves, and nobody if it is withdrawn', async () => {
      const c = await claimedCase(svc, ana);
      const restriction = {
        type: 'restrict_account',
        subject: 'seller',
        restriction: 'block_selling',
        until: null,
        statementOfReasons: {
          facts: 'Counterfeit watches.',
          ground: 'Terms 7',
          groundType: 'contractual',
          automated: false,
          redress: 'Reply to contest.',
        },
        notify: { buyer: 'Wir haben Maßnahmen ergriffen.', seller: 'Uw account is beperkt.' },
      };
      const withdrawn = (
        await ana.post(`/api/v1/cases/${c.id}/actions`, restriction)
      ).json<Action>();
      expect((await ana.post(`/api/v1/actions/${withdrawn.id}/withdraw`)).statusCode).toBe(200);
      const proposed = (
        await ana.post(`/api/v1/cases/${c.id}/actions`, restriction)
      ).json<Action>();
      expect(proposed.status).toBe('pending_approval');
      expect(await messagesOf(ana, c)).toEqual([]);

      // Approved through sync push, twice with the same mutation id: applied once.
      const mutation = { id: randomUUID(), op: 'action.approve', args: { actionId: proposed.id } };
      const first = await tess.post('/api/v1/sync/push', { mutations: [mutation] });
      const again = await tess.post('/api/v1/sync/push', { mutations: [mutation] });
      expect(first.json().results[0].status).toBe('applied');
      expect(again.json().results[0].status).toBe('duplicate');

      const sellerId = noticeMessageId(proposed.id, 'seller');
      const buyerId = noticeMessageId(proposed.id, 'buyer');
      // Two mails, sent one after the other: wait for both, then a while for any double.
      await waitFor(
        () => mailFor(inbox, sellerId).length >= 1 && mailFor(inbox, buyerId).length >= 1,
        'both notices',
      );
      await sleep(300);
      expect(mailFor(inbox, sellerId)).toHaveLength(1);
      expect(mailFor(inbox, buyerId)).toHaveLength(1);
      expect(mailFor(inbox, noticeMessageId(withdrawn.id, 'seller'))).toHaveLength(0);
      const messages = await messagesOf(ana, c);
      expect(messages.map((m) => [m.to, m.authorId])).toEqual([
        ['buyer', ana.agent.id],
        ['seller', ana.agent.id],
      ]);
      expect(messages[0]!.body).toBe('Wir haben Maßnahmen ergriffen.');
      // The restricted seller's notice is the statement of reasons (issue 17), in Dutch,
      // opened by what the proposer wrote.
      expect(messages[1]!.body).toContain('Uw account is beperkt.');
      expect(messages[1]!.body).toContain('Maatregel:');
    });
  });

  describe('with a mail server and a marketplace', () => {
    const receiver = new WebhookReceiver();
    let inbox: SmtpInbox;
    let svc: TestService;
    let ana: Session;
    beforeAll(async () => {
      inbox = await startSmtpInbox();
      await receiver.up();
      svc = await startTestService(kind, {
        mail: settings(inbox.url),
        integration: {
          webhook: { url: receiver.url, secrets: ['s3cret-for-tests'] },
          key: KEY,
          retryBaseMs: 20,
          worker: { pollMs: 50 },
        },
      });
      ana = await svc.login('ana');
    });
    afterAll(async () => {
      await svc.close();
      await receiver.down();
      await inbox.close();
    });

    const result = (actionId: string, body: unknown) =>
      svc.app.inject({
        method: 'POST',
        url: `/api/v1/integration/actions/${actionId}/result`,
        headers: { 'x-integration-key': KEY, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });

    it('mails nothing while the marketplace has it, once when it reports executed, never when it fails', async () => {
      const c = await claimedCase(svc, ana);
      const propose = async () => {
        const res = await ana.post(`/api/v1/cases/${c.id}/actions`, {
          type: 'refund',
          amount: eur(20_00),
          reason: 'Damaged',
          notify: NOTICE,
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<Action>();
      };
      const failing = await propose();
      const succeeding = await propose();
      expect([failing.status, succeeding.status]).toEqual(['requested', 'requested']);
      expect(await messagesOf(ana, c)).toEqual([]);

      expect(
        (await result(failing.id, { status: 'failed', reason: 'Card closed' })).statusCode,
      ).toBe(200);
      for (let i = 0; i < 2; i++) {
        const r = await result(succeeding.id, { status: 'executed', externalRef: 'R-1' });
        expect(r.statusCode, r.body).toBe(200);
      }
      const buyerId = noticeMessageId(succeeding.id, 'buyer');
      const sellerId = noticeMessageId(succeeding.id, 'seller');
      // The two mails leave independently, in either order.
      await waitFor(
        () => mailFor(inbox, buyerId).length === 1 && mailFor(inbox, sellerId).length === 1,
        'the buyer’s and the seller’s notices',
      );
      await sleep(300);
      expect(mailFor(inbox, buyerId)).toHaveLength(1);
      expect(mailFor(inbox, noticeMessageId(succeeding.id, 'seller'))).toHaveLength(1);
      expect(mailFor(inbox, noticeMessageId(failing.id, 'buyer'))).toHaveLength(0);
      const messages = await messagesOf(ana, c);
      expect(messages.map((m) => m.id)).toEqual([
        buyerId,
        noticeMessageId(succeeding.id, 'seller'),
      ]);
    });

    it('hands a chat buyer’s notice to the help center as message.created once it executes', async () => {
      const c = await claimedCase(svc, ana, { channel: 'chat' });
      const res = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'cancel_order',
        reason: 'Buyer asked',
        notify: { buyer: 'Ihre Bestellung wurde storniert.' },
      });
      const action = res.json<Action>();
      expect(action.status).toBe('requested');
      const buyerId = noticeMessageId(action.id, 'buyer');
      await waitFor(
        () =>
          receiver
            .ofType('order.cancel_requested')
            .some((d) => (d.body.data as { action: { id: string } }).action.id === action.id),
        'order.cancel_requested',
      );
      expect(
        receiver.ofType('message.created').filter((d) => {
          const data = d.body.data as { message: { id: string } };
          return data.message.id === buyerId;
        }),
      ).toEqual([]);
      expect((await result(action.id, { status: 'executed' })).statusCode).toBe(200);
      const delivered = await waitFor(
        () =>
          receiver.ofType('message.created').find((d) => {
            const data = d.body.data as { message: { id: string } };
            return data.message.id === buyerId;
          }),
        'message.created',
      );
      expect((delivered.body.data as { message: { body: string } }).message.body).toBe(
        'Ihre Bestellung wurde storniert.',
      );
      const [m] = await messagesOf(ana, c);
      expect(m).toMatchObject({ id: buyerId, to: 'buyer', delivery: { status: 'sent' } });
    });
  });
});
