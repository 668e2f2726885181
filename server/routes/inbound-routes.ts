import type { FastifyInstance } from 'fastify';
import { DomainError, IntakeMessageRequest, cutQuotedReply, type Party } from '../../shared';
import type { Database, Queryable } from '../db/database';
import { requireIntakeKey } from '../http/auth';
import { command } from '../http/command';
import { runCommand } from '../http/idempotency';
import { parse } from '../http/validation';
import { MAX_ATTACHMENT_BYTES } from '../attachments/attachment-limits';
import type { AttachmentStore } from '../attachments/attachment-store';
import { checkAttachment } from '../attachments/check-attachment';
import { matchInboundMail } from '../mail/inbound/match-inbound-mail';
import { parseInboundMail } from '../mail/inbound/parse-inbound-mail';
import { findMailReplay, receiveMessage } from '../services/incoming-message';

const MiB = 1024 * 1024;
/** The contract's body limit for these two routes (base64 and MIME make files bigger). */
export const INBOUND_BODY_LIMIT = 40 * MiB;
/** The largest raw mail taken. */
export const MAX_RAW_MAIL = 25 * MiB;

const noMatch = () =>
  new DomainError(
    'no_matching_case',
    'No case matches this message: unknown reference, or the sender is not its buyer or seller.',
  );

async function caseOfSender(
  tx: Queryable,
  reference: string,
  from: Party,
  externalUserId: string,
): Promise<string> {
  const res = await tx.query<{ id: string }>(
    `SELECT c.id FROM cases c JOIN buyers b ON b.id = c.buyer_id
       LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN sellers s ON s.id = o.seller_id
      WHERE c.reference = $1 AND (CASE WHEN $2 = 'buyer' THEN b.external_id ELSE s.external_id END) = $3`,
    [reference.toUpperCase(), from, externalUserId],
  );
  if (!res.rows[0]) throw noMatch();
  return res.rows[0].id;
}

/** Messages from buyers and sellers: mail through a relay, and the help center's chat. */
export function inboundRoutes(
  app: FastifyInstance,
  db: Database,
  intakeKey: string | null,
  store: AttachmentStore,
): void {
  const intake = { preHandler: requireIntakeKey(intakeKey), bodyLimit: INBOUND_BODY_LIMIT };

  app.addContentTypeParser(
    'message/rfc822',
    { parseAs: 'buffer', bodyLimit: INBOUND_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.post('/api/v1/inbound/email', intake, async (req, reply) => {
    if (!Buffer.isBuffer(req.body)) {
      throw new DomainError(
        'unsupported_media_type',
        'Send the raw mail with content-type: message/rfc822.',
      );
    }
    if (req.body.length > MAX_RAW_MAIL) {
      throw new DomainError('payload_too_large', 'The mail is larger than 25 MiB.');
    }
    const mail = await parseInboundMail(req.body);
    const res = await runCommand(db, null, 201, async (tx) => {
      // Idempotent by Message-ID: a relay that delivers again gets the same answer.
      const replay = await findMailReplay(tx, mail.messageId);
      if (replay) return replay;
      const match = await matchInboundMail(tx, mail);
      if (!match) throw noMatch();
      return receiveMessage(
        tx,
        store,
        {
          caseId: match.caseId,
          from: match.from,
          body: cutQuotedReply(mail.text) || '(no text)',
          originalBody: mail.text,
          mailMessageId: mail.messageId,
          files: mail.attachments.map((a) => ({ filename: a.filename, bytes: a.content })),
        },
        new Date(),
      );
    });
    return reply.code(res.status).send(res.body);
  });

  app.post(
    '/api/v1/intake/messages',
    intake,
    command(db, 201, async (req, tx, now) => {
      const m = parse(IntakeMessageRequest, req.body);
      const files = (m.attachments ?? []).map((a) => ({
        filename: a.filename,
        bytes: Buffer.from(a.data, 'base64'),
      }));
      // The help center is a program that can be told why: refuse rather than drop.
      for (const f of files) {
        if (f.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
          throw new DomainError('payload_too_large', `"${f.filename}" is larger than 10 MiB.`, {
            filename: f.filename,
          });
        }
        const check = await checkAttachment(f.bytes, f.filename);
        if (!check.ok) {
          throw new DomainError('attachment_rejected', `"${f.filename}": ${check.reason}.`, {
            filename: f.filename,
            reason: check.reason,
          });
        }
      }
      if (files.reduce((n, f) => n + f.bytes.byteLength, 0) > 25 * MiB) {
        throw new DomainError('payload_too_large', 'The attachments exceed 25 MiB together.');
      }
      const caseId = await caseOfSender(tx, m.caseReference, m.from, m.externalUserId);
      return receiveMessage(tx, store, { caseId, from: m.from, body: m.body, files }, now);
    }),
  );
}
