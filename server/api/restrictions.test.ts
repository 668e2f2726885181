import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Case, CaseEvent, Message } from '../../shared';
import type { MailSettings } from '../mail/mail-settings';
import { noticeMessageId } from '../services/action-notices';
import { endExpiredRestrictions } from '../services/restriction-ends';
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

const KEY = 'integration-key-0123456789';
const HOUR = 3_600_000;

const sor = {
  facts: 'Three buyers received counterfeit watches from this seller.',
  ground: 'Terms of use §7: sale of counterfeit goods.',
  groundType: 'contractual',
  automated: false,
  redress: 'Reply to this message to contest it.',
  territorialScope: 'EU',
  basis: 'notice',
} as const;

/** A Dutch-speaking seller with an address, on a German buyer's case claimed by `s`. */
async function claimedCase(svc: TestService, s: Session): Promise<Case> {
  const base = escalation();
  const c = await svc.intake({
    ...base,
    order: {
      ...base.order!,
      seller: {
        ...base.order!.seller,
        language: 'nl',
        email: `seller-${randomUUID()}@example.com`,
      },
    },
  });
  expect((await s.post(`/api/v1/cases/${c.id}/claim`)).statusCode).toBe(200);
  return c;
}

/** Ana proposes a restriction of the seller; Tess approves it (four eyes). */
async function restrict(
  svc: TestService,
  ana: Session,
  tess: Session,
  until: string | null = null,
  subject: 'buyer' | 'seller' = 'seller',
): Promise<{ c: Case; action: Action }> {
  const c = await claimedCase(svc, ana);
  const proposed = await ana.post(`/api/v1/cases/${c.id}/actions`, {
    type: 'restrict_account',
    subject,
    restriction: subject === 'seller' ? 'block_selling' : 'block_bidding',
    until,
    statementOfReasons: sor,
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const approved = await tess.post(`/api/v1/actions/${proposed.json<Action>().id}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
  return { c, action: approved.json<Action>() };
}

const detailOf = async (s: Session, c: Case) =>
  (await s.get(`/api/v1/cases/${c.id}`)).json<{
    actions: Action[];
    messages: Message[];
    events: CaseEvent[];
    context: { sellerRestrictions: { actionId: string }[] };
  }>();

describe.each(testDatabaseKinds())('restrictions that live and end on %s', (kind) => {
  describe('without the marketplace', () => {
    let inbox: SmtpInbox;
    let svc: TestService;
    let ana: Session, tess: Session, tom: Session, lena: Session;
    beforeAll(async () => {
      inbox = await startSmtpInbox();
      const mail: MailSettings = {
        smtpUrl: inbox.url,
        from: 'Casedesk Support <support@shop.test>',
        replyDomain: 'reply.shop.test',
        retryBaseMs: 40,
      };
      // The worker's own passes are an hour apart: each test runs its pass itself.
      svc = await startTestService(kind, { mail, restrictionExpiry: { intervalMs: HOUR } });
      [ana, tess, tom, lena] = await Promise.all([
        svc.login('ana'),
        svc.login('tess'),
        svc.login('tom'),
        svc.login('lena'),
      ]);
    }, 120_000);
    afterAll(async () => {
      await svc.close();
      await inbox.close();
    });

    it('takes effect at approval and mails the seller the statement of reasons in Dutch, once', async () => {
      const key = { 'idempotency-key': randomUUID() };
      const c = await claimedCase(svc, ana);
      const proposed = (
        await ana.post(`/api/v1/cases/${c.id}/actions`, {
          type: 'restrict_account',
          subject: 'seller',
          restriction: 'block_selling',
          until: null,
          statementOfReasons: sor,
        })
      ).json<Action>();
      expect(proposed.effectiveAt).toBeNull();
      const approved = await tess.post(`/api/v1/actions/${proposed.id}/approve`, undefined, key);
      const again = await tess.post(`/api/v1/actions/${proposed.id}/approve`, undefined, key);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const action = approved.json<Action>();
      expect(action.status).toBe('executed');
      expect(action.effectiveAt).toBe(action.decidedAt);
      expect(action.endedAt).toBeNull();

      const id = noticeMessageId(action.id, 'seller');
      const mailOf = () =>
        inbox.mail.filter((m) => m.parsed.messageId === `<casedesk.${id}@reply.shop.test>`);
      await waitFor(() => mailOf().length === 1, 'the statement of reasons');
      await sleep(300);
      expect(mailOf()).toHaveLength(1);
      const text = mailOf()[0]!.parsed.text!;
      expect(mailOf()[0]!.envelopeTo).toEqual([c.order!.seller.email]);
      // DSA Art. 17(3): measure, scope, duration, facts and basis, automated means, ground, redress.
      for (const part of [
        'Beste Seller',
        'Maatregel:',
        'Waar deze geldt:\nde hele Europese Unie',
        'Duur:\ntot nader bericht',
        // Staff's own words go as written, under a Dutch label saying so.
        `Feiten en omstandigheden:\nIn de woorden van onze beoordelaar, zoals geschreven:\n${sor.facts}`,
        'Het besluit volgde op een melding van iemand anders.',
        'Bij dit besluit zijn geen geautomatiseerde middelen gebruikt.',
        `Grond in onze voorwaarden:\nIn de woorden van onze beoordelaar, zoals geschreven:\n${sor.ground}`,
        'buitengerechtelijke geschillenbeslechting',
        sor.redress,
      ]) {
        expect(text).toContain(part);
      }
      // The complaint window closes six months after it took effect.
      const closes = new Date(action.effectiveAt!);
      closes.setUTCMonth(closes.getUTCMonth() + 6);
      const date = new Intl.DateTimeFormat('nl', { dateStyle: 'long', timeZone: 'UTC' }).format(
        closes,
      );
      expect(text).toContain(`klacht indienen`);
      expect(text).toContain(date);

      const d = await detailOf(ana, c);
      expect(d.messages.filter((m) => m.to === 'seller').map((m) => m.id)).toEqual([id]);
    });

    it('lets Trust & Safety lift a restriction in effect with a reason, and nobody else', async () => {
      const { c, action } = await restrict(svc, ana, tess);
      const byAgent = await ana.post(`/api/v1/actions/${action.id}/lift`, { reason: 'Sorry' });
      expect(byAgent.statusCode).toBe(403);
      expect(byAgent.json().error.code).toBe('forbidden');
      const byLead = await lena.post(`/api/v1/actions/${action.id}/lift`, { reason: 'Sorry' });
      expect(byLead.statusCode).toBe(403);
      const noReason = await tom.post(`/api/v1/actions/${action.id}/lift`, {});
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.code).toBe('validation_failed');
      const blank = await tom.post(`/api/v1/actions/${action.id}/lift`, { reason: '  ' });
      expect(blank.statusCode).toBe(400);
      expect((await detailOf(tom, c)).context.sellerRestrictions).toHaveLength(1);

      const lifted = await tom.post(`/api/v1/actions/${action.id}/lift`, {
        reason: 'The seller proved the watches genuine.',
      });
      expect(lifted.statusCode, lifted.body).toBe(200);
      expect(lifted.json<Action>()).toMatchObject({
        id: action.id,
        status: 'lifted',
        endReason: 'lifted',
        endedBy: tom.agent.id,
        endNote: 'The seller proved the watches genuine.',
      });
      expect(lifted.json<Action>().endedAt).toBeTruthy();

      const twice = await tom.post(`/api/v1/actions/${action.id}/lift`, { reason: 'Again' });
      expect(twice.statusCode).toBe(422);
      expect(twice.json().error.code).toBe('restriction_not_in_effect');

      const d = await detailOf(tom, c);
      expect(d.context.sellerRestrictions).toEqual([]);
      const ended = d.events.filter((e) => e.type === 'restriction.ended');
      expect(ended.map((e) => [e.actorId, e.data.reason, e.data.to])).toEqual([
        [tom.agent.id, 'lifted', 'lifted'],
      ]);
    });

    it('refuses to lift what is not a restriction in effect, and an unknown id', async () => {
      const c = await claimedCase(svc, ana);
      const pending = (
        await ana.post(`/api/v1/cases/${c.id}/actions`, {
          type: 'restrict_account',
          subject: 'buyer',
          restriction: 'suspend',
          until: null,
          statementOfReasons: sor,
        })
      ).json<Action>();
      const notYet = await tess.post(`/api/v1/actions/${pending.id}/lift`, { reason: 'x' });
      expect(notYet.statusCode).toBe(422);
      expect(notYet.json().error).toMatchObject({
        code: 'restriction_not_in_effect',
        details: { status: 'pending_approval' },
      });
      const refund = (
        await ana.post(`/api/v1/cases/${c.id}/actions`, {
          type: 'refund',
          amount: { amount: 10_00, currency: 'EUR' },
          reason: 'Goodwill',
        })
      ).json<Action>();
      const notRestriction = await tess.post(`/api/v1/actions/${refund.id}/lift`, { reason: 'x' });
      expect(notRestriction.statusCode).toBe(422);
      expect(notRestriction.json().error.code).toBe('restriction_not_in_effect');
      const unknown = await tess.post(`/api/v1/actions/${randomUUID()}/lift`, { reason: 'x' });
      expect(unknown.statusCode).toBe(404);
    });

    it('ends a restriction when its time comes, once, and leaves it executed as expired', async () => {
      const until = new Date(Date.now() + HOUR).toISOString();
      const { c, action } = await restrict(svc, ana, tess, until);
      // Not yet: the pass an hour early ends nothing of it.
      await svc.app.restrictionExpiry.runOnce(new Date(Date.now() + HOUR / 2));
      expect((await detailOf(tess, c)).actions[0]!.endedAt).toBeNull();

      const later = new Date(Date.now() + 2 * HOUR);
      // Two instances' passes at once end it once: one end, one event.
      const [a, b] = await Promise.all([
        endExpiredRestrictions(svc.db, later),
        endExpiredRestrictions(svc.db, later),
      ]);
      expect(a + b).toBeGreaterThanOrEqual(1);
      await svc.app.restrictionExpiry.runOnce(later);
      const d = await detailOf(tess, c);
      expect(d.actions[0]).toMatchObject({
        id: action.id,
        status: 'executed',
        endReason: 'expired',
        endedAt: later.toISOString(),
        endedBy: null,
      });
      expect(d.events.filter((e) => e.type === 'restriction.ended')).toHaveLength(1);
      expect(d.context.sellerRestrictions).toEqual([]);
      const lift = await tess.post(`/api/v1/actions/${action.id}/lift`, { reason: 'late' });
      expect(lift.json().error.code).toBe('restriction_not_in_effect');
    });

    it('refuses to lift a restriction already past its end that the worker has not ended yet', async () => {
      const { action } = await restrict(svc, ana, tess, new Date(Date.now() + 1500).toISOString());
      await sleep(1600);
      const lift = await tess.post(`/api/v1/actions/${action.id}/lift`, { reason: 'late' });
      expect(lift.statusCode).toBe(422);
      expect(lift.json().error.code).toBe('restriction_not_in_effect');
    });

    it('brings the end to replicas by sync', async () => {
      const { action } = await restrict(svc, ana, tess);
      await tess.post(`/api/v1/actions/${action.id}/lift`, { reason: 'Settled.' });
      const changes: { entity: string; id: string; data: Action }[] = [];
      let cursor: string | undefined;
      for (;;) {
        const res = await tess.get(
          `/api/v1/sync/pull?limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        const page = res.json<{ changes: typeof changes; cursor: string; hasMore: boolean }>();
        changes.push(...page.changes);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const synced = changes.filter((ch) => ch.entity === 'action' && ch.id === action.id).at(-1);
      expect(synced?.data).toMatchObject({ status: 'lifted', endReason: 'lifted' });
    });

    it('lifts through a sync mutation, applied once', async () => {
      const { action } = await restrict(svc, ana, tess);
      const m = { id: randomUUID(), op: 'action.lift', args: { actionId: action.id, reason: 'x' } };
      const first = await tom.post('/api/v1/sync/push', { mutations: [m] });
      const again = await tom.post('/api/v1/sync/push', { mutations: [m] });
      expect(first.json().results[0]).toMatchObject({ status: 'applied' });
      expect(again.json().results[0].status).toBe('duplicate');
    });
  });

  describe('with the marketplace', () => {
    const receiver = new WebhookReceiver();
    let svc: TestService;
    let ana: Session, tess: Session;
    beforeAll(async () => {
      await receiver.up();
      svc = await startTestService(kind, {
        integration: {
          webhook: { url: receiver.url, secrets: ['s3cret-for-tests'] },
          key: KEY,
          retryBaseMs: 20,
          worker: { pollMs: 50 },
        },
        restrictionExpiry: { intervalMs: HOUR },
      });
      [ana, tess] = await Promise.all([svc.login('ana'), svc.login('tess')]);
    }, 120_000);
    afterAll(async () => {
      await svc.close();
      await receiver.down();
    });

    const executed = (actionId: string) =>
      svc.app.inject({
        method: 'POST',
        url: `/api/v1/integration/actions/${actionId}/result`,
        headers: { 'x-integration-key': KEY, 'content-type': 'application/json' },
        payload: JSON.stringify({ status: 'executed', externalRef: `R-${actionId}` }),
      });
    const liftedEvents = (actionId: string) =>
      receiver.received.filter(
        (d) =>
          d.body.type === 'account.restriction_lifted' &&
          (d.body.data.restriction as { actionId: string }).actionId === actionId,
      );

    it('takes effect only when the marketplace reports it executed, and tells it when lifted', async () => {
      const { c, action } = await restrict(svc, ana, tess);
      expect(action.status).toBe('requested');
      expect(action.effectiveAt).toBeNull();
      const early = await tess.post(`/api/v1/actions/${action.id}/lift`, { reason: 'x' });
      expect(early.json().error.code).toBe('restriction_not_in_effect');
      const done = await executed(action.id);
      expect(done.json<Action>().effectiveAt).toBeTruthy();

      const lifted = await tess.post(`/api/v1/actions/${action.id}/lift`, { reason: 'Genuine.' });
      expect(lifted.statusCode, lifted.body).toBe(200);
      const [d] = await waitFor(
        () => liftedEvents(action.id).length === 1 && liftedEvents(action.id),
        'the lift event',
      );
      expect(d!.body.data).toMatchObject({
        case: { id: c.id, reference: c.reference },
        restriction: {
          actionId: action.id,
          subject: 'seller',
          subjectExternalId: c.order!.seller.externalId,
          restriction: 'block_selling',
          liftedAt: lifted.json<Action>().endedAt,
          reason: 'lifted',
        },
      });
    });

    it('tells the marketplace when a restriction expires, once', async () => {
      const until = new Date(Date.now() + HOUR).toISOString();
      const { action } = await restrict(svc, ana, tess, until);
      await executed(action.id);
      const later = new Date(Date.now() + 2 * HOUR);
      await Promise.all([
        svc.app.restrictionExpiry.runOnce(later),
        endExpiredRestrictions(svc.db, later),
      ]);
      await waitFor(() => liftedEvents(action.id).length >= 1, 'the expiry event');
      await sleep(300);
      expect(liftedEvents(action.id)).toHaveLength(1);
      expect(liftedEvents(action.id)[0]!.body.data.restriction).toMatchObject({
        reason: 'expired',
      });
    });
  });
});
