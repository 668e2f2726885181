import { z } from 'zod';
import { Id, LIMITS, UtcTimestamp, text } from './common';

export const Party = z.enum(['buyer', 'seller']);
export type Party = z.infer<typeof Party>;

/** Outgoing messages carry `to`, incoming ones `from`; exactly one of them is set. */
export const Message = z.object({
  id: Id,
  caseId: Id,
  to: Party.optional(),
  from: Party.optional(),
  authorId: Id.nullable(),
  body: z.string(),
  createdAt: UtcTimestamp,
});
export type Message = z.infer<typeof Message>;

export const Note = z.object({
  id: Id,
  caseId: Id,
  authorId: Id,
  body: z.string(),
  createdAt: UtcTimestamp,
});
export type Note = z.infer<typeof Note>;

export const SendMessageRequest = z.strictObject({ to: Party, body: text(LIMITS.body) });
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const AddNoteRequest = z.strictObject({ body: text(LIMITS.longText) });
export type AddNoteRequest = z.infer<typeof AddNoteRequest>;
