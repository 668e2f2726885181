import { z } from 'zod';
import { Action, ActionStatus, Restriction, StatementOfReasons } from './actions';
import { Case } from './case';
import { Id, UtcTimestamp } from './common';
import { Message, Note, Party } from './conversation';
import { ExternalDispute } from './disputes';

/** A SHA-256 digest as lower-case hex. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * An audit event with its place in its case's hash chain (migration 0056): its hash is
 * SHA-256 over the previous hash and the event's fields as the database hashed them
 * (`hashedAt`, `hashedData`), so a verifier needs no jsonb rules (shared/case-file/event-chain.ts).
 */
export const ChainedEvent = z.object({
  id: Id,
  caseId: Id,
  // Any type the service records, now or later: the hash, not the list, proves it.
  type: z.string().min(1),
  actorId: Id.nullable(),
  at: UtcTimestamp,
  data: z.record(z.string(), z.unknown()),
  /** 1, 2, 3… within the case, none missing. */
  chainIndex: z.number().int().min(1),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
  /** `at` exactly as hashed (UTC, microseconds). */
  hashedAt: z.string(),
  /** `data` exactly as hashed (PostgreSQL's jsonb text). */
  hashedData: z.string(),
});
export type ChainedEvent = z.infer<typeof ChainedEvent>;

/** The chain a case file carries: its length and last hash (64 zeros when empty). */
export const CaseFileChain = z.object({ length: z.number().int().min(0), head: Sha256Hex });
export type CaseFileChain = z.infer<typeof CaseFileChain>;

/**
 * `GET /cases/:id/case-file?format=json`: the evidence case file for an ADR body or the
 * police — the JSON twin of the PDF, and what `npm run verify-case-file` checks. The case,
 * its conversation, notes, actions with their statements of reasons, external disputes,
 * and every audit event hash-chained, up to the chain head it names.
 */
export const CaseFile = z.object({
  format: z.literal('casedesk-case-file'),
  version: z.literal(1),
  exportedAt: UtcTimestamp,
  exportedBy: z.object({ id: Id, name: z.string() }),
  case: Case,
  messages: z.array(Message),
  notes: z.array(Note),
  actions: z.array(Action),
  statementsOfReasons: z.array(
    z.object({
      actionId: Id,
      status: ActionStatus,
      subject: Party,
      restriction: Restriction,
      until: UtcTimestamp.nullable(),
      statementOfReasons: StatementOfReasons,
    }),
  ),
  externalDisputes: z.array(ExternalDispute),
  events: z.array(ChainedEvent),
  /** The staff named in it (proposers, approvers, authors, actors), for reading. */
  agents: z.array(z.object({ id: Id, name: z.string() })),
  /** The last event's hash and the chain's length: what the PDF shows and embeds. */
  chain: CaseFileChain,
});
export type CaseFile = z.infer<typeof CaseFile>;
