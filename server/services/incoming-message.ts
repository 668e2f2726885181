import { randomUUID } from 'node:crypto';
import {
  incomingMessageEffect,
  initialPriority,
  slaDueDates,
  type Attachment,
  type CaseStatus,
  type Channel,
  type Message,
  type Party,
  type Language,
  type Topic,
} from '../../shared';
import type { Queryable } from '../db/database';
import { checkAttachment } from '../attachments/check-attachment';
import type { AttachmentStore } from '../attachments/attachment-store';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_MESSAGE_ATTACHMENT_BYTES,
} from '../attachments/attachment-limits';
import { cleanFilename, storeAttachment } from '../attachments/attachments-repo';
import { recordEvent, toMessage } from '../repositories/case-parts';
import { routeNewCase } from './auto-assign';
import { changeCase } from './case-access';

export interface IncomingFile {
  filename: string;
  bytes: Uint8Array;
}

export interface IncomingMessage {
  caseId: string;
  from: Party;
  /** What the agent reads: for mail, without quoted history and signature. */
  body: string;
  /** The whole mail text, kept for the agent to read on demand. */
  originalBody?: string | null;
  /** Incoming mail is stored once per Message-ID. */
  mailMessageId?: string | null;
  files: IncomingFile[];
}

type MessageRow = Parameters<typeof toMessage>[0];

interface CaseState {
  id: string;
  status: CaseStatus;
  resolved_at: Date | null;
  reference: string;
  topic: Topic;
  channel: Channel;
  language: Language;
  buyer_id: string;
  order_id: string | null;
  search_text: string;
}

/** A message already stored for this mail, if the relay delivered it before. */
export async function findMailReplay(
  tx: Queryable,
  mailMessageId: string,
): Promise<Message | null> {
  const res = await tx.query<MessageRow>('SELECT * FROM messages WHERE mail_message_id = $1', [
    mailMessageId,
  ]);
  return res.rows[0] ? toMessage(res.rows[0]) : null;
}

/**
 * Keeps what may be kept: each file checked from its bytes and held to the limits. A
 * refused file is dropped and named in a line added to the message, so the agent knows
 * it was sent; the text always stays.
 */
async function screenFiles(files: IncomingFile[]) {
  const kept: { filename: string; contentType: string; bytes: Uint8Array }[] = [];
  const notices: string[] = [];
  let total = 0;
  for (const f of files) {
    const name = cleanFilename(f.filename);
    if (f.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
      notices.push(`"${name}" was not kept: larger than 10 MiB.`);
      continue;
    }
    if (total + f.bytes.byteLength > MAX_MESSAGE_ATTACHMENT_BYTES) {
      notices.push(`"${name}" was not kept: the message's attachments exceed 25 MiB.`);
      continue;
    }
    const check = await checkAttachment(f.bytes, name);
    if (!check.ok) {
      notices.push(`"${name}" was not kept: ${check.reason}.`);
      continue;
    }
    total += f.bytes.byteLength;
    kept.push({ filename: name, contentType: check.contentType, bytes: f.bytes });
  }
  return { kept, notices };
}

/** A new case for a reply that came long after its case was resolved, linked to that case. */
async function openFollowUp(tx: Queryable, old: CaseState, body: string, now: Date) {
  const id = randomUUID();
  const due = slaDueDates(now, old.channel, old.language);
  const priority = initialPriority(old.topic, old.channel);
  await tx.query(
    `WITH ref AS (SELECT 'CD-' || nextval('case_reference_seq') AS reference)
     INSERT INTO cases (id, reference, status, topic, channel, language, priority, buyer_id, order_id,
       question, ai_answer, contacted_seller_first, created_at, updated_at, first_response_due_at,
       resolution_due_at, search_text, follows_case_id)
     SELECT $1, ref.reference, 'new', $2, $3, $4, $5, $6, $7, $8, $9, false, $10, $10, $11, $12,
            lower(ref.reference) || substr($13, length($14) + 1), $15
       FROM ref RETURNING reference`,
    [
      id,
      old.topic,
      old.channel,
      old.language,
      priority,
      old.buyer_id,
      old.order_id,
      body.slice(0, 10_000),
      JSON.stringify({ text: '', articleIds: [], rating: null }),
      now,
      due.firstResponseDueAt,
      due.resolutionDueAt,
      old.search_text,
      old.reference.toLowerCase(),
      old.id,
    ],
  );
  await recordEvent(tx, {
    caseId: id,
    type: 'case.created',
    actorId: null,
    at: now,
    data: {
      status: 'new',
      channel: old.channel,
      language: old.language,
      topic: old.topic,
      priority,
      followsCaseId: old.id,
      followsReference: old.reference,
    },
  });
  await routeNewCase(
    tx,
    { id, language: old.language, channel: old.channel, buyerId: old.buyer_id },
    now,
  );
  return id;
}

/**
 * Stores a buyer's or seller's message on its case and lets it move the case: back to
 * `open` when we waited for that party, reopened when recently resolved, or into a new
 * linked case when resolved long ago.
 */
export async function receiveMessage(
  tx: Queryable,
  store: AttachmentStore,
  m: IncomingMessage,
  now: Date,
): Promise<Message> {
  const found = await tx.query<CaseState>(
    `SELECT id, status, resolved_at, reference, topic, channel, language, buyer_id, order_id, search_text
       FROM cases WHERE id = $1 FOR UPDATE`,
    [m.caseId],
  );
  const c = found.rows[0]!;
  // Checked again under the case's lock: two deliveries of one mail store it once.
  if (m.mailMessageId) {
    const replay = await findMailReplay(tx, m.mailMessageId);
    if (replay) return replay;
  }
  const { kept, notices } = await screenFiles(m.files);
  const body = notices.length ? `${m.body}\n\n[${notices.join(' ')}]` : m.body;

  const effect = incomingMessageEffect(c.status, m.from, c.resolved_at, now);
  const caseId = effect.kind === 'follow_up' ? await openFollowUp(tx, c, body, now) : c.id;

  const id = randomUUID();
  const attachments: Attachment[] = [];
  await tx.query(
    `INSERT INTO messages (id, case_id, direction, party, author_id, body, created_at,
       mail_message_id, original_body)
     VALUES ($1, $2, 'from', $3, NULL, $4, $5, $6, $7)`,
    [id, caseId, m.from, body, now, m.mailMessageId ?? null, m.originalBody ?? null],
  );
  for (const f of kept) {
    attachments.push(
      await storeAttachment(tx, store, {
        caseId,
        messageId: id,
        filename: f.filename,
        contentType: f.contentType,
        bytes: f.bytes,
        uploadedBy: null,
        now,
      }),
    );
  }
  const res = await tx.query<MessageRow>(
    'UPDATE messages SET attachments = $2 WHERE id = $1 RETURNING *',
    [id, JSON.stringify(attachments)],
  );

  if (effect.kind === 'back_to_open' || effect.kind === 'reopen') {
    const reopen = effect.kind === 'reopen';
    await changeCase(
      tx,
      caseId,
      reopen ? { status: 'open', resolved_at: null } : { status: 'open' },
      {
        caseId,
        type: reopen ? 'case.reopened' : 'case.status_changed',
        actorId: null,
        at: now,
        data: { from: c.status, to: 'open', reason: `${m.from}_replied`, messageId: id },
      },
    );
  }
  await changeCase(
    tx,
    caseId,
    {},
    {
      caseId,
      type: 'message.received',
      actorId: null,
      at: now,
      data: { messageId: id, from: m.from, attachments: attachments.length },
    },
  );
  return toMessage(res.rows[0]!);
}
