import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, Case, Message, MutationResult, Note } from '../../shared';
import { startSmtpInbox, type SmtpInbox } from '../testing/smtp-inbox';
import { ruleSuiteDatabaseKinds } from '../testing/test-databases';
import {
  TEST_INTAKE_KEY,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';
import { waitFor } from '../testing/wait-for';

const MiB = 1024 * 1024;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A multipart/form-data body as a browser's FormData sends it. */
function multipart(
  field: string,
  filename: string,
  bytes: Buffer,
  type = 'application/x-anything',
) {
  const boundary = `----casedesk${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(ruleSuiteDatabaseKinds())('agents’ attachments on %s', (kind) => {
  let inbox: SmtpInbox;
  let svc: TestService;
  let ana: Session;
  let marco: Session;
  let tess: Session;
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
    [ana, marco, tess] = await Promise.all([
      svc.login('ana'),
      svc.login('marco'),
      svc.login('tess'),
    ]);
  });
  afterAll(async () => {
    await svc.close();
    await inbox.close();
  });

  const upload = (
    who: Session,
    c: Case,
    filename: string,
    bytes: Buffer,
    opts: { query?: string; headers?: Record<string, string> } = {},
  ) => {
    const body = multipart('file', filename, bytes);
    return svc.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments${opts.query ?? ''}`,
      headers: {
        authorization: `Bearer ${who.token}`,
        'content-type': body.contentType,
        ...opts.headers,
      },
      payload: body.payload,
    });
  };
  const rawUpload = (who: Session, c: Case, query: string, bytes: Buffer) =>
    svc.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments${query}`,
      headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  const download = (who: Session, id: string) =>
    svc.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${id}`,
      headers: { authorization: `Bearer ${who.token}` },
    });
  const attachmentRows = async (caseId: string) =>
    (
      await svc.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM attachments WHERE case_id = $1',
        [caseId],
      )
    ).rows[0]!.n;
  async function claimedCase(overrides: Parameters<TestService['intake']>[0] = {}) {
    const c = await svc.intake(overrides);
    expect((await ana.post(`/api/v1/cases/${c.id}/claim`)).statusCode).toBe(200);
    return c;
  }

  it('takes a photo, sends it with a reply and mails it to the buyer with the same bytes', async () => {
    const c = await claimedCase();
    const res = await upload(ana, c, 'schaden.png', PNG);
    expect(res.statusCode).toBe(201);
    const a = res.json<Attachment>();
    expect(a).toMatchObject({
      caseId: c.id,
      messageId: null,
      filename: 'schaden.png',
      contentType: 'image/png',
      size: PNG.byteLength,
      sha256: sha256(PNG),
    });

    const sent = await ana.post(`/api/v1/cases/${c.id}/messages`, {
      to: 'buyer',
      body: 'Hier ist das Foto, das wir erhalten haben.',
      attachmentIds: [a.id],
    });
    expect(sent.statusCode).toBe(201);
    const message = sent.json<Message>();
    expect(message.attachments).toEqual([{ ...a, messageId: message.id }]);

    const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json<{ messages: Message[] }>();
    expect(detail.messages.at(-1)?.attachments?.[0]?.id).toBe(a.id);

    const mail = await waitFor(
      () => inbox.mail.find((m) => m.parsed.messageId?.includes(message.id)),
      'the mail with the photo',
    );
    expect(mail.parsed.attachments).toHaveLength(1);
    expect(mail.parsed.attachments[0]).toMatchObject({
      filename: 'schaden.png',
      contentType: 'image/png',
    });
    expect(sha256(mail.parsed.attachments[0]!.content)).toBe(sha256(PNG));
  });

  it('takes the type from the bytes, not the name, and refuses programs with nothing stored', async () => {
    const c = await claimedCase();
    const named = await upload(ana, c, 'rechnung.pdf', PNG);
    expect(named.json<Attachment>().contentType).toBe('image/png');

    const exe = await upload(ana, c, 'photo.jpg', EXE);
    expect(exe.statusCode).toBe(422);
    expect(exe.json()).toMatchObject({ error: { code: 'attachment_rejected' } });
    const script = await upload(ana, c, 'run.sh', Buffer.from('#!/bin/sh\nrm -rf /\n'));
    expect(script.statusCode).toBe(422);
    expect(script.json()).toMatchObject({ error: { code: 'attachment_rejected' } });
    expect(await attachmentRows(c.id)).toBe(1);
  });

  it('refuses a file over 10 MiB with 413 saying the real limit, multipart or raw', async () => {
    const c = await claimedCase();
    const big = Buffer.alloc(10 * MiB + 1, 'a');
    const viaForm = await upload(ana, c, 'big.txt', big);
    expect(viaForm.statusCode).toBe(413);
    expect(viaForm.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(viaForm.json<{ error: { message: string } }>().error.message).toContain('10 MiB');

    const raw = await rawUpload(ana, c, '?filename=big.txt', big);
    expect(raw.statusCode).toBe(413);
    expect(raw.json<{ error: { message: string } }>().error.message).toContain('10 MiB');
    expect(await attachmentRows(c.id)).toBe(0);

    const exactly = await rawUpload(ana, c, '?filename=ok.txt', Buffer.alloc(10 * MiB, 'a'));
    expect(exactly.statusCode).toBe(201);
    expect(exactly.json<Attachment>()).toMatchObject({ contentType: 'text/plain', size: 10 * MiB });
  });

  it('names each route’s own body limit in its 413', async () => {
    const c = await claimedCase();
    const note = await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'x'.repeat(MiB + 10) });
    expect(note.statusCode).toBe(413);
    expect(note.json<{ error: { message: string } }>().error.message).toContain('1 MiB');

    const mail = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/inbound/email',
      headers: { 'x-intake-key': TEST_INTAKE_KEY, 'content-type': 'message/rfc822' },
      payload: Buffer.alloc(40 * MiB + 1, 'a'),
    });
    expect(mail.statusCode).toBe(413);
    expect(mail.json<{ error: { message: string } }>().error.message).toContain('40 MiB');
  });

  it('keeps one message’s files within 25 MiB, changing nothing when they exceed it', async () => {
    const c = await claimedCase();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const res = await rawUpload(ana, c, `?filename=part${n}.txt`, Buffer.alloc(9 * MiB, 'b'));
      expect(res.statusCode).toBe(201);
      ids.push(res.json<Attachment>().id);
    }
    const res = await ana.post(`/api/v1/cases/${c.id}/messages`, {
      to: 'buyer',
      body: 'Drei Dateien',
      attachmentIds: ids,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json<{ messages: Message[] }>();
    expect(detail.messages).toHaveLength(0);

    // The same files, two at a time, are fine: nothing was used up by the refusal.
    const two = await ana.post(`/api/v1/cases/${c.id}/messages`, {
      to: 'buyer',
      body: 'Zwei Dateien',
      attachmentIds: ids.slice(0, 2),
    });
    expect(two.statusCode).toBe(201);
    expect(two.json<Message>().attachments).toHaveLength(2);
  });

  it('sends each upload once, and only the uploader’s own on this case', async () => {
    const c = await claimedCase();
    const other = await claimedCase();
    const a = (await upload(ana, c, 'a.png', PNG)).json<Attachment>();
    const first = await ana.post(`/api/v1/cases/${c.id}/messages`, {
      to: 'buyer',
      body: 'Eins',
      attachmentIds: [a.id],
    });
    expect(first.statusCode).toBe(201);
    const again = await ana.post(`/api/v1/cases/${c.id}/notes`, {
      body: 'Noch einmal',
      attachmentIds: [a.id],
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({
      error: { code: 'attachment_rejected', details: { attachmentId: a.id } },
    });

    const b = (await upload(ana, c, 'b.png', PNG)).json<Attachment>();
    const elsewhere = await ana.post(`/api/v1/cases/${other.id}/messages`, {
      to: 'buyer',
      body: 'Falscher Fall',
      attachmentIds: [b.id],
    });
    expect(elsewhere.statusCode).toBe(422);
    const byTess = await tess.post(`/api/v1/cases/${c.id}/notes`, {
      body: 'Fremde Datei',
      attachmentIds: [b.id],
    });
    expect(byTess.statusCode).toBe(422);
    const unknown = await ana.post(`/api/v1/cases/${c.id}/messages`, {
      to: 'buyer',
      body: 'Unbekannt',
      attachmentIds: [randomUUID()],
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('keeps files on internal notes, from anyone who sees the case', async () => {
    const c = await claimedCase();
    const a = (await upload(tess, c, 'gutachten.png', PNG)).json<Attachment>();
    const res = await tess.post(`/api/v1/cases/${c.id}/notes`, {
      body: 'Gefälscht, siehe Markierung',
      attachmentIds: [a.id],
    });
    expect(res.statusCode).toBe(201);
    const note = res.json<Note>();
    expect(note.attachments).toEqual([{ ...a, noteId: note.id }]);
    const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json<{ notes: Note[] }>();
    expect(detail.notes.at(-1)?.attachments?.[0]).toMatchObject({ id: a.id, noteId: note.id });
    expect((await download(ana, a.id)).statusCode).toBe(200);
  });

  it('serves the bytes as a sandboxed download to those who see the case, 404 to anyone else', async () => {
    const c = await claimedCase();
    const a = (await upload(ana, c, 'Schäden 1.png', PNG)).json<Attachment>();
    // Not sent yet: the uploader's draft.
    expect((await download(tess, a.id)).statusCode).toBe(404);
    const mine = await download(ana, a.id);
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(PNG)).toBe(true);

    await ana.post(`/api/v1/cases/${c.id}/messages`, {
      to: 'buyer',
      body: 'Foto',
      attachmentIds: [a.id],
    });
    const res = await download(tess, a.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Sch_den 1.png"; filename*=UTF-8''${encodeURIComponent('Schäden 1.png')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(res.rawPayload.equals(PNG)).toBe(true);

    // Marco works it, es, fr and pt: this German case does not exist for him.
    const hidden = await download(marco, a.id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await download(marco, 'not-a-uuid')).statusCode).toBe(404);
    expect((await upload(marco, c, 'x.png', PNG)).statusCode).toBe(404);
  });

  it('answers an upload sent again (offline client id or Idempotency-Key) with the first one', async () => {
    const c = await claimedCase();
    const id = randomUUID();
    const first = await upload(ana, c, 'foto.png', PNG, { query: `?id=${id}` });
    expect(first.statusCode).toBe(201);
    expect(first.json<Attachment>().id).toBe(id);
    const second = await upload(ana, c, 'foto.png', PNG, { query: `?id=${id}` });
    expect(second.statusCode).toBe(200);
    expect(second.json<Attachment>()).toEqual(first.json());
    const otherBytes = await rawUpload(ana, c, `?filename=x.txt&id=${id}`, Buffer.from('hello'));
    expect(otherBytes.statusCode).toBe(400);

    const keyed = await upload(ana, c, 'k.png', PNG, { headers: { 'idempotency-key': 'up-1' } });
    const replay = await upload(ana, c, 'k.png', PNG, { headers: { 'idempotency-key': 'up-1' } });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(keyed.body);
    const reused = await upload(ana, c, 'k.png', EXE, { headers: { 'idempotency-key': 'up-1' } });
    expect(reused.statusCode).toBe(409);
    expect(await attachmentRows(c.id)).toBe(2);
  });

  it('sends an offline reply’s files through sync push, once', async () => {
    const c = await claimedCase();
    const attachmentId = randomUUID();
    await upload(ana, c, 'offline.png', PNG, { query: `?id=${attachmentId}` });
    const messageId = randomUUID();
    const mutation = {
      id: randomUUID(),
      op: 'case.message',
      args: {
        caseId: c.id,
        id: messageId,
        to: 'buyer',
        body: 'Offline',
        attachmentIds: [attachmentId],
      },
    };
    const push = () => ana.post('/api/v1/sync/push', { mutations: [mutation] });
    const [applied] = (await push()).json<{ results: MutationResult[] }>().results;
    expect(applied?.status).toBe('applied');
    expect((applied?.result as Message).attachments?.[0]).toMatchObject({
      id: attachmentId,
      messageId,
    });
    const [again] = (await push()).json<{ results: MutationResult[] }>().results;
    expect(again?.status).toBe('duplicate');

    const note = {
      id: randomUUID(),
      op: 'case.note',
      args: { caseId: c.id, body: 'Schon gesendet', attachmentIds: [attachmentId] },
    };
    const [refused] = (await ana.post('/api/v1/sync/push', { mutations: [note] })).json<{
      results: MutationResult[];
    }>().results;
    expect(refused).toMatchObject({ status: 'rejected', error: { code: 'attachment_rejected' } });
  });

  it('refuses what is not one file in the field "file"', async () => {
    const c = await claimedCase();
    const wrongField = multipart('photo', 'a.png', PNG);
    const res = await svc.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      headers: { authorization: `Bearer ${ana.token}`, 'content-type': wrongField.contentType },
      payload: wrongField.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const json = await ana.post(`/api/v1/cases/${c.id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect((await rawUpload(ana, c, '', PNG)).statusCode).toBe(400);
    const anonymous = await svc.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${randomUUID()}`,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await attachmentRows(c.id)).toBe(0);
  });
});
