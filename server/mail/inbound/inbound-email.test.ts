import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseEvent, Message } from '../../../shared';
import { startSmtpInbox, type SmtpInbox } from '../../testing/smtp-inbox';
import { ruleSuiteDatabaseKinds } from '../../testing/test-databases';
import {
  TEST_INTAKE_KEY,
  escalation,
  startTestService,
  type Session,
  type TestService,
} from '../../testing/test-service';
import { waitFor } from '../../testing/wait-for';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let mailNo = 0;

/** A raw fixture with its placeholders filled; every call gets a fresh Message-ID. */
function fixture(name: string, vars: Record<string, string>): Buffer {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8').replace(
    /\{\{(\w+)\}\}/g,
    (_m, k: string) =>
      vars[k] ?? (k === 'MESSAGE_ID' ? `<fixture.${++mailNo}.${Date.now()}@mail.example>` : ''),
  );
  return Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
}

interface Detail {
  case: Case;
  messages: Message[];
  events: CaseEvent[];
}

describe.each(ruleSuiteDatabaseKinds())('incoming mail on %s', (kind) => {
  let inbox: SmtpInbox;
  let svc: TestService;
  let ana: Session;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    svc = await startTestService(kind, {
      mail: {
        smtpUrl: inbox.url,
        from: 'Casedesk Support <support@shop.test>',
        replyDomain: 'reply.shop.test',
        retryBaseMs: 40,
      },
    });
    ana = await svc.login('ana');
  });
  afterAll(async () => {
    await svc.close();
    await inbox.close();
  });

  const post = (raw: Buffer, headers: Record<string, string> = {}) =>
    svc.app.inject({
      method: 'POST',
      url: '/api/v1/inbound/email',
      headers: { 'x-intake-key': TEST_INTAKE_KEY, 'content-type': 'message/rfc822', ...headers },
      payload: raw,
    });
  const detail = async (c: Case) => (await ana.get(`/api/v1/cases/${c.id}`)).json<Detail>();

  /** A case whose agent mailed the buyer and now waits on them; with the mail as it left. */
  async function waitingOnBuyer(overrides: Parameters<TestService['intake']>[0] = {}) {
    const c = await svc.intake(overrides);
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const sent = (
      await ana.post(`/api/v1/cases/${c.id}/messages`, { to: 'buyer', body: 'Ist es angekommen?' })
    ).json<Message>();
    const moved = await ana.post(`/api/v1/cases/${c.id}/status`, {
      from: 'open',
      to: 'pending_buyer',
    });
    expect(moved.statusCode).toBe(200);
    const mail = await waitFor(
      () => inbox.mail.find((m) => m.parsed.messageId?.includes(sent.id)),
      'the outgoing mail',
    );
    return {
      c,
      replyTo: mail.parsed.replyTo!.value[0]!.address!,
      messageId: mail.parsed.messageId!,
      subject: mail.parsed.subject!,
    };
  }

  it('takes a Gmail reply to the reply+ address, cuts the quote and moves the case back to open', async () => {
    const { c, replyTo, messageId, subject } = await waitingOnBuyer();
    const res = await post(
      fixture('gmail-reply.eml', {
        TO: replyTo,
        FROM: c.buyer.email,
        SUBJECT: subject,
        IN_REPLY_TO: messageId,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<Message>();
    expect(m).toMatchObject({ caseId: c.id, from: 'buyer', authorId: null, attachments: [] });
    expect(m.body).toBe(
      'Guten Tag,\n\ndas Paket ist leider immer noch nicht da. Können Sie bitte nachfragen?',
    );
    expect(m.delivery).toBeUndefined();

    const d = await detail(c);
    expect(d.case.status).toBe('open');
    const moved = d.events.find((e) => e.type === 'case.status_changed' && e.actorId === null);
    expect(moved?.data).toMatchObject({
      from: 'pending_buyer',
      to: 'open',
      reason: 'buyer_replied',
    });
    expect(d.events.some((e) => e.type === 'message.received')).toBe(true);

    const original = await ana.get(`/api/v1/messages/${m.id}/original`);
    expect(original.statusCode).toBe(200);
    expect(original.json().text).toContain(
      'bitte teilen Sie uns mit, ob das Paket angekommen ist.',
    );
    // Someone who cannot see the case cannot read the original either.
    const marco = await svc.login('marco');
    expect((await marco.get(`/api/v1/messages/${m.id}/original`)).statusCode).toBe(404);
  });

  it('matches an Outlook reply in windows-1252 by reference and sender, without a token', async () => {
    const { c, subject } = await waitingOnBuyer();
    const res = await post(
      fixture('outlook-reply-windows-1252.eml', {
        FROM: c.buyer.email.toUpperCase(),
        SUBJECT: subject,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Message>().body).toBe(
      'Das Foto schicke ich morgen. Viele Grüße aus Köln\n\nKlara',
    );
  });

  it('turns an HTML-only mail in ISO-8859-1 into safe text', async () => {
    const { c, replyTo, subject } = await waitingOnBuyer();
    const res = await post(
      fixture('html-only-iso-8859-1.eml', { TO: replyTo, FROM: c.buyer.email, SUBJECT: subject }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<Message>().body;
    expect(body).toContain('Bonjour,');
    expect(body).toContain('arrivé abîmé');
    // Markup, scripts and styles are gone; a link survives only as inert text.
    expect(body).not.toMatch(/<|alert|color: red/);
  });

  it('keeps a photo, drops a program with a visible note, and serves the photo to the case only', async () => {
    const { c, replyTo, messageId, subject } = await waitingOnBuyer();
    const res = await post(
      fixture('photo-and-program.eml', {
        TO: replyTo,
        FROM: c.buyer.email,
        SUBJECT: subject,
        IN_REPLY_TO: messageId,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<Message>();
    expect(m.body).toMatch(
      /^Hier ist das Foto vom Schaden\.\n\n\[.*"foto\.png\.exe" was not kept/s,
    );
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments![0]).toMatchObject({
      caseId: c.id,
      messageId: m.id,
      filename: 'schaden.png',
      // From the bytes, though the sender called it a JPEG.
      contentType: 'image/png',
      size: 70,
    });
    expect(m.attachments![0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Metadata travels with the message in the case and in sync.
    expect((await detail(c)).messages.find((x) => x.id === m.id)?.attachments).toHaveLength(1);
  });

  it("takes a seller's mail in GB2312 by reference and the seller's address", async () => {
    const order = escalation().order!;
    const c = await svc.intake({
      order: {
        ...order,
        seller: { ...order.seller, email: 'shop@seller.example.cn', language: 'zh' },
      },
    });
    const res = await post(
      fixture('seller-gb2312.eml', {
        TO: 'support@shop.test',
        FROM: 'Shop@Seller.example.cn',
        SUBJECT: `[${c.reference}]`,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Message>()).toMatchObject({ from: 'seller', body: '您好，我们已经发货。' });
  });

  it('stores a mail delivered twice once, answering the replay like the first time', async () => {
    const { c, replyTo, subject } = await waitingOnBuyer();
    const raw = fixture('gmail-reply.eml', {
      TO: replyTo,
      FROM: c.buyer.email,
      SUBJECT: subject,
      IN_REPLY_TO: '',
    });
    const first = await post(raw);
    const again = await post(raw);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect((await detail(c)).messages.filter((m) => m.from === 'buyer')).toHaveLength(1);
  });

  it('refuses strangers and unknown tokens with 422 no_matching_case, storing nothing', async () => {
    const { c, subject } = await waitingOnBuyer();
    const before = (await detail(c)).messages.length;
    const stranger = await post(
      fixture('outlook-reply-windows-1252.eml', { FROM: 'someone@else.example', SUBJECT: subject }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe('no_matching_case');
    const guessed = await post(
      fixture('gmail-reply.eml', {
        TO: `reply+${'0'.repeat(32)}@reply.shop.test`,
        FROM: 'someone@else.example',
        SUBJECT: 'hello',
        IN_REPLY_TO: '',
      }),
    );
    expect(guessed.statusCode).toBe(422);
    expect(guessed.json().error.code).toBe('no_matching_case');
    expect((await detail(c)).messages).toHaveLength(before);
  });

  it('needs the intake key and a raw mail', async () => {
    const raw = fixture('gmail-reply.eml', {
      TO: 'x@y.test',
      FROM: 'a@b.test',
      SUBJECT: 's',
      IN_REPLY_TO: '',
    });
    expect((await post(raw, { 'x-intake-key': 'wrong' })).statusCode).toBe(401);
    const json = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/inbound/email',
      headers: { 'x-intake-key': TEST_INTAKE_KEY, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(json.statusCode).toBe(415);
  });

  it('reopens a case resolved within 14 days, and opens a linked case for a later reply', async () => {
    const recent = await waitingOnBuyer();
    await ana.post(`/api/v1/cases/${recent.c.id}/resolve`, { summary: 'Done' });
    const res = await post(
      fixture('gmail-reply.eml', {
        TO: recent.replyTo,
        FROM: recent.c.buyer.email,
        SUBJECT: recent.subject,
        IN_REPLY_TO: '',
      }),
    );
    expect(res.statusCode).toBe(201);
    const reopened = await detail(recent.c);
    expect(reopened.case.status).toBe('open');
    expect(reopened.events.at(-2)).toMatchObject({ type: 'case.reopened', actorId: null });

    const old = await waitingOnBuyer();
    await ana.post(`/api/v1/cases/${old.c.id}/resolve`, { summary: 'Done' });
    await svc.db.query(`UPDATE cases SET resolved_at = now() - interval '15 days' WHERE id = $1`, [
      old.c.id,
    ]);
    const late = await post(
      fixture('gmail-reply.eml', {
        TO: old.replyTo,
        FROM: old.c.buyer.email,
        SUBJECT: old.subject,
        IN_REPLY_TO: '',
      }),
    );
    expect(late.statusCode, late.body).toBe(201);
    const m = late.json<Message>();
    expect(m.caseId).not.toBe(old.c.id);
    expect((await detail(old.c)).case.status).toBe('resolved');
    const lena = await svc.login('lena');
    const follow = (await lena.get(`/api/v1/cases/${m.caseId}`)).json<Detail>();
    expect(follow.case).toMatchObject({
      status: 'new',
      buyer: { email: old.c.buyer.email },
      topic: old.c.topic,
    });
    expect(follow.case.reference).not.toBe(old.c.reference);
    expect(follow.events[0]).toMatchObject({
      type: 'case.created',
      data: { followsCaseId: old.c.id },
    });
    expect(follow.messages.map((x) => x.id)).toEqual([m.id]);
  });
});

describe.each(ruleSuiteDatabaseKinds())('help-center messages on %s', (kind) => {
  let svc: TestService;
  let ana: Session;
  beforeAll(async () => {
    svc = await startTestService(kind);
    ana = await svc.login('ana');
  });
  afterAll(() => svc.close());

  const send = (body: unknown) =>
    svc.app.inject({
      method: 'POST',
      url: '/api/v1/intake/messages',
      headers: { 'x-intake-key': TEST_INTAKE_KEY },
      payload: body as object,
    });
  const PNG =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it("takes a seller's chat message with a photo and moves a case waiting on the seller to open", async () => {
    const c = await svc.intake({ channel: 'chat' });
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    await ana.post(`/api/v1/cases/${c.id}/status`, { from: 'open', to: 'pending_seller' });
    const res = await send({
      caseReference: c.reference,
      from: 'seller',
      externalUserId: c.order!.seller.externalId,
      body: 'Tracking: TRK1',
      attachments: [{ filename: 'beleg.png', contentType: 'image/png', data: PNG }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Message>()).toMatchObject({ from: 'seller', body: 'Tracking: TRK1' });
    expect(res.json<Message>().attachments).toHaveLength(1);
    const d = (await ana.get(`/api/v1/cases/${c.id}`)).json<Detail>();
    expect(d.case.status).toBe('open');
  });

  it('refuses a sender who is not the case’s buyer or seller, and unknown references', async () => {
    const c = await svc.intake();
    for (const body of [
      { caseReference: c.reference, from: 'buyer', externalUserId: 'someone-else', body: 'Hi' },
      {
        caseReference: c.reference,
        from: 'seller',
        externalUserId: c.buyer.externalId,
        body: 'Hi',
      },
      {
        caseReference: 'CD-999999999',
        from: 'buyer',
        externalUserId: c.buyer.externalId,
        body: 'Hi',
      },
    ]) {
      const res = await send(body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('no_matching_case');
    }
    expect((await ana.get(`/api/v1/cases/${c.id}`)).json<Detail>().messages).toHaveLength(0);
  });

  it('refuses a program with 422 attachment_rejected and a bad body with 400', async () => {
    const c = await svc.intake();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]).toString('base64');
    const res = await send({
      caseReference: c.reference,
      from: 'buyer',
      externalUserId: c.buyer.externalId,
      body: 'see file',
      attachments: [{ filename: 'photo.jpg', contentType: 'image/jpeg', data: exe }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('attachment_rejected');
    const script = await send({
      caseReference: c.reference,
      from: 'buyer',
      externalUserId: c.buyer.externalId,
      body: 'see file',
      attachments: [
        {
          filename: 'notes.txt',
          contentType: 'text/plain',
          data: Buffer.from('#!/bin/sh\nrm -rf /').toString('base64'),
        },
      ],
    });
    expect(script.statusCode).toBe(422);
    const bad = await send({
      caseReference: c.reference,
      from: 'nobody',
      externalUserId: 'x',
      body: '',
    });
    expect(bad.statusCode).toBe(400);
    expect((await ana.get(`/api/v1/cases/${c.id}`)).json<Detail>().messages).toHaveLength(0);
  });
});
