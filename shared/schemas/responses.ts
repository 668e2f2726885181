import { z } from 'zod';
import { AccountEvent, Invitation, TeamMember } from './accounts';
import { AccountRestriction, Action } from './actions';
import { AgentEntity, PRESENCE_CHANNELS } from './agent';
import { Case, CaseStatus, Order, Topic } from './case';
import { Id, UtcTimestamp } from './common';
import { Message, Note } from './conversation';
import { ExternalDispute } from './disputes';
import { CaseEvent } from './events';

/**
 * What the service answers where no request-side schema already says it: one schema per
 * answer, so the OpenAPI document describes answers from the same source the tests check
 * real answers against.
 */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['postgres', 'pglite']),
  /** Present (true) only where single sign-on is offered. */
  sso: z.literal(true).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const PresenceResponse = z.object({
  available: z.boolean(),
  channels: z.array(z.enum(PRESENCE_CHANNELS)),
  updatedAt: UtcTimestamp,
});

/** `GET /agents`: full accounts with open cases for admins and leads, the directory for others. */
export const AgentsResponse = z.object({
  agents: z.array(z.union([TeamMember, AgentEntity])),
});

export const ResetPasswordResponse = z.object({ invitation: Invitation });

export const AccountEventsPage = z.object({
  events: z.array(AccountEvent),
  /** Pass back as `cursor` for the next page; null on the last. */
  cursor: z.union([z.string(), z.number().int()]).nullable(),
});

export const CasesPage = z.object({
  cases: z.array(Case),
  cursor: z.string().nullable(),
});
export type CasesPage = z.infer<typeof CasesPage>;

/** A case in a buyer's or seller's history, as the context panel lists it. */
const HistoryCase = z.object({
  id: Id,
  reference: z.string(),
  status: CaseStatus,
  topic: Topic,
  createdAt: UtcTimestamp,
  resolutionSummary: z.string().nullable(),
});

const PartyHistory = z.object({
  total: z.number().int().min(0),
  open: z.number().int().min(0),
  byTopic: z.record(z.string(), z.number().int().min(0)),
  /** The ones the agent may open (the totals count all). */
  cases: z.array(HistoryCase),
});

export const CaseDetail = z.object({
  case: Case,
  messages: z.array(Message),
  notes: z.array(Note),
  actions: z.array(Action),
  externalDisputes: z.array(ExternalDispute),
  events: z.array(CaseEvent),
  context: z.object({
    buyerCases: PartyHistory,
    sellerCases: PartyHistory.nullable(),
    buyerRestrictions: z.array(AccountRestriction),
    sellerRestrictions: z.array(AccountRestriction),
  }),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const ReplayResponse = z.object({ replayed: z.number().int().min(0) });
export const PingResponse = z.object({ id: Id });

/** `PATCH /integration/orders/:externalId`: the order's facts now, and the cases told. */
export const OrderUpdateResponse = z.object({
  order: Order.pick({
    externalId: true,
    status: true,
    shippingStatus: true,
    shippedAt: true,
    deliveredAt: true,
    trackingNumber: true,
    payoutStatus: true,
  }),
  caseIds: z.array(Id),
});
