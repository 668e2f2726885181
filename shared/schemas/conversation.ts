import { z } from 'zod';
import { Id, LIMITS, UtcTimestamp, text } from './common';

export const Party = z.enum(['buyer', 'seller']);
export type Party = z.infer<typeof Party>;

export const MESSAGE_DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'not_configured'] as const;
export const MessageDeliveryStatus = z.enum(MESSAGE_DELIVERY_STATUSES);
export type MessageDeliveryStatus = z.infer<typeof MessageDeliveryStatus>;

/** Where an outgoing message stands on its way out (mail, or the help center). */
export const MessageDelivery = z.object({
  status: MessageDeliveryStatus,
  attempts: z.number().int().min(0),
  sentAt: UtcTimestamp.nullable().optional(),
  lastError: z.string().nullable().optional(),
});
export type MessageDelivery = z.infer<typeof MessageDelivery>;

export const Attachment = z.object({
  id: Id,
  caseId: Id,
  /** Null while uploaded but not yet sent with a message (and on a note's files). */
  messageId: Id.nullable(),
  /** Set on the files of an internal note (older services sent none). */
  noteId: Id.nullable().optional(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  /** Lowercase hex. */
  sha256: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

/** Outgoing messages carry `to`, incoming ones `from`; exactly one of them is set. */
export const Message = z.object({
  id: Id,
  caseId: Id,
  to: Party.optional(),
  from: Party.optional(),
  authorId: Id.nullable(),
  body: z.string(),
  createdAt: UtcTimestamp,
  /** Outgoing messages only (older services sent none). */
  delivery: MessageDelivery.optional(),
  attachments: z.array(Attachment).optional(),
});
export type Message = z.infer<typeof Message>;

export const Note = z.object({
  id: Id,
  caseId: Id,
  authorId: Id,
  body: z.string(),
  createdAt: UtcTimestamp,
  attachments: z.array(Attachment).optional(),
});
export type Note = z.infer<typeof Note>;

/** At most this many files go with one message or note. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 20;

/** Uploads (`POST /cases/:id/attachments`) to send with a message or note, each once. */
export const AttachmentIds = z.array(Id).max(MAX_ATTACHMENTS_PER_MESSAGE);

export const SendMessageRequest = z.strictObject({
  to: Party,
  body: text(LIMITS.body),
  attachmentIds: AttachmentIds.optional(),
});
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const AddNoteRequest = z.strictObject({
  body: text(LIMITS.longText),
  attachmentIds: AttachmentIds.optional(),
});
export type AddNoteRequest = z.infer<typeof AddNoteRequest>;

// Base64 of at most 10 MiB, with room for line breaks some encoders add.
const MAX_BASE64 = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 1024 * 1024;

export const IntakeMessageAttachment = z.object({
  filename: text(LIMITS.shortText),
  /** The sender's word only; the bytes decide. */
  contentType: z.string().max(LIMITS.shortText),
  data: z
    .string()
    .max(MAX_BASE64)
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64'),
});

/** A buyer's or seller's message from the help center or chat (`POST /intake/messages`). */
export const IntakeMessageRequest = z.object({
  caseReference: z.string().trim().min(1).max(50),
  from: Party,
  externalUserId: z.string().trim().min(1).max(LIMITS.externalId),
  body: text(LIMITS.body),
  attachments: z.array(IntakeMessageAttachment).max(20).optional(),
});
export type IntakeMessageRequest = z.infer<typeof IntakeMessageRequest>;

/** `POST /cases/:id/attachments?filename=&id=`: the name of a raw upload, and an offline client's id. */
export const UploadAttachmentQuery = z.strictObject({
  filename: z.string().min(1).max(LIMITS.shortText).optional(),
  /** A client-chosen UUID: the same upload sent again answers with the same attachment. */
  id: z.uuid().optional(),
});
export type UploadAttachmentQuery = z.infer<typeof UploadAttachmentQuery>;
