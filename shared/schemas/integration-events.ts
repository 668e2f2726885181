import { z } from 'zod';
import { Channel, Language } from '../languages';
import { Money } from '../money';
import {
  RESTRICTION_END_REASONS,
  RestrictAccountBody,
  LawEnforcementReferralBody,
} from './actions';
import { Topic } from './case';
import { Attachment, Party } from './conversation';
import { ExternalId, Id, UtcTimestamp } from './common';

/**
 * The integration events the marketplace receives (contract part 2). A receiver that
 * meets a type it does not know should acknowledge it and move on: types are only added.
 */
export const INTEGRATION_EVENT_TYPES = [
  'case.created',
  'case.resolved',
  'message.created',
  'refund.requested',
  'order.cancel_requested',
  'account.restriction_requested',
  'account.restriction_lifted',
  'law_enforcement.referral_requested',
] as const;
export const IntegrationEventType = z.enum(INTEGRATION_EVENT_TYPES);
export type IntegrationEventType = z.infer<typeof IntegrationEventType>;

/**
 * What every case event carries: the case's reference and the ids the marketplace knows
 * (buyer, order, lot, seller) — not names, emails or the conversation, which the
 * receiver does not need to carry a decision out.
 */
export const IntegrationCaseRefs = z.object({
  case: z.object({
    id: Id,
    reference: z.string(),
    channel: Channel,
    language: Language,
    topic: Topic,
  }),
  buyer: z.object({ externalId: ExternalId }),
  order: z.object({ externalId: ExternalId, lotId: ExternalId }).nullable(),
  seller: z.object({ externalId: ExternalId }).nullable(),
});
export type IntegrationCaseRefs = z.infer<typeof IntegrationCaseRefs>;

const ActionRefs = { id: Id, proposedBy: Id, approvedBy: Id.nullable() };

export const RefundRequestedData = IntegrationCaseRefs.extend({
  action: z.object({ ...ActionRefs, type: z.literal('refund'), amount: Money, reason: z.string() }),
});
export const CancelRequestedData = IntegrationCaseRefs.extend({
  action: z.object({ ...ActionRefs, type: z.literal('cancel_order'), reason: z.string() }),
});
export const RestrictionRequestedData = IntegrationCaseRefs.extend({
  action: RestrictAccountBody.extend({
    ...ActionRefs,
    until: UtcTimestamp.nullable(),
    // Whom to restrict, by the marketplace's own id for that account.
    subjectExternalId: ExternalId,
  }),
});
export const RestrictionLiftedData = IntegrationCaseRefs.extend({
  restriction: z.object({
    actionId: Id,
    subject: z.enum(['buyer', 'seller']),
    subjectExternalId: ExternalId,
    restriction: RestrictAccountBody.shape.restriction,
    liftedAt: UtcTimestamp,
    /** Issue 17: why it ended — its time came, lifted early, or reversed on complaint. */
    reason: z.enum(RESTRICTION_END_REASONS).optional(),
  }),
});
export const ReferralRequestedData = IntegrationCaseRefs.extend({
  action: LawEnforcementReferralBody.extend(ActionRefs),
});
export const MessageCreatedData = IntegrationCaseRefs.extend({
  message: z.object({
    id: Id,
    to: Party,
    body: z.string(),
    authorId: Id.nullable(),
    createdAt: UtcTimestamp,
    /** Its files; the bytes: `GET /api/v1/integration/attachments/:id` (X-Integration-Key). */
    attachments: z.array(Attachment),
  }),
});
export const CaseCreatedData = IntegrationCaseRefs.extend({
  status: z.string(),
  priority: z.string(),
});
export const CaseResolvedData = IntegrationCaseRefs.extend({ resolvedAt: UtcTimestamp });

/** The data schema of each type, for receivers, the OpenAPI document and tests. */
export const INTEGRATION_EVENT_DATA = {
  'case.created': CaseCreatedData,
  'case.resolved': CaseResolvedData,
  'message.created': MessageCreatedData,
  'refund.requested': RefundRequestedData,
  'order.cancel_requested': CancelRequestedData,
  'account.restriction_requested': RestrictionRequestedData,
  'account.restriction_lifted': RestrictionLiftedData,
  'law_enforcement.referral_requested': ReferralRequestedData,
} as const satisfies Record<IntegrationEventType, z.ZodType>;

/** The body POSTed to the webhook: `{"id","type","createdAt","data"}`. */
export const IntegrationEventEnvelope = z.object({
  id: Id,
  type: z.string(),
  createdAt: UtcTimestamp,
  data: z.record(z.string(), z.unknown()),
});
export type IntegrationEventEnvelope = z.infer<typeof IntegrationEventEnvelope>;

/** The headers every delivery carries. */
export const WEBHOOK_HEADERS = {
  eventId: 'casedesk-event-id',
  signature: 'casedesk-signature',
} as const;

/** A delivery as admins see it (`GET /integration/deliveries`). */
export const DELIVERY_STATUSES = ['pending', 'failed', 'delivered', 'dead'] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;
