import { z } from 'zod';
import { Channel, Language } from '../languages';
import { Balance } from '../money';
import { Country, Email, ExternalId, Id, LIMITS, UtcTimestamp } from './common';

/** What a help-center escalation may be about. */
export const ESCALATION_TOPICS = [
  'item_not_received',
  'not_as_described',
  'damaged_in_transit',
  'counterfeit_suspected',
  'fraud_suspected',
  'payment_issue',
  'cancellation_request',
  'account_access',
  'general_question',
] as const;
export const EscalationTopic = z.enum(ESCALATION_TOPICS);
export type EscalationTopic = z.infer<typeof EscalationTopic>;

/**
 * Every topic a case may have: the escalations', and `complaint` (issue 17) — a restricted
 * party's complaint about the decision (DSA Art. 20), opened only by
 * `POST /intake/complaints`.
 */
export const TOPICS = [...ESCALATION_TOPICS, 'complaint'] as const;
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;

export const CASE_STATUSES = [
  'new',
  'open',
  'pending_buyer',
  'pending_seller',
  'ts_review',
  'resolved',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const SHIPPING_STATUSES = ['not_shipped', 'shipped', 'delivered'] as const;
export const ShippingStatus = z.enum(SHIPPING_STATUSES);
export type ShippingStatus = z.infer<typeof ShippingStatus>;

export const PayoutStatus = z.enum(['held', 'released']);
export type PayoutStatus = z.infer<typeof PayoutStatus>;

export const AiRating = z.enum(['helpful', 'not_helpful']).nullable();

export const AiAnswer = z.object({
  text: z.string().max(LIMITS.body),
  articleIds: z.array(z.string().max(LIMITS.externalId)).max(LIMITS.listItems),
  rating: AiRating,
});
export type AiAnswer = z.infer<typeof AiAnswer>;

export const Buyer = z.object({
  id: Id,
  externalId: ExternalId,
  name: z.string().max(LIMITS.name),
  email: Email,
  language: Language,
  country: Country,
  buyerSince: UtcTimestamp.nullable(),
});
export type Buyer = z.infer<typeof Buyer>;

export const Seller = z.object({
  id: Id,
  externalId: ExternalId,
  name: z.string().max(LIMITS.name),
  country: Country,
  rating: z.number().min(0).max(5).nullable(),
  /** Where mail to the seller goes; unknown for sellers the help center sent without one. */
  email: Email.nullable().optional(),
  /** The seller's language for mail; null means the case's. */
  language: Language.nullable().optional(),
});
export type Seller = z.infer<typeof Seller>;

export const Order = z.object({
  id: Id,
  externalId: ExternalId,
  lotId: ExternalId,
  lotTitle: z.string().max(LIMITS.shortText),
  category: z.string().max(LIMITS.name),
  amountPaid: Balance,
  fees: Balance.nullable(),
  shippingStatus: z.enum(['not_shipped', 'shipped', 'delivered']),
  orderedAt: UtcTimestamp,
  shippedAt: UtcTimestamp.nullable(),
  deliveredAt: UtcTimestamp.nullable(),
  trackingNumber: z.string().nullable(),
  payoutStatus: PayoutStatus.nullable(),
  status: z.enum(['active', 'cancelled']),
  /** Executed refunds. */
  refundedAmount: Balance,
  /** Paid minus executed refunds minus refunds awaiting approval. */
  refundable: Balance,
  seller: Seller,
});
export type Order = z.infer<typeof Order>;

export const Case = z.object({
  id: Id,
  reference: z.string(),
  status: CaseStatus,
  topic: Topic,
  channel: Channel,
  language: Language,
  priority: Priority,
  assigneeId: Id.nullable(),
  buyer: Buyer,
  order: Order.nullable(),
  question: z.string(),
  aiAnswer: AiAnswer,
  contactedSellerFirst: z.boolean(),
  sellerReply: z.string().nullable(),
  externalDispute: z.boolean(),
  version: z.number().int().positive(),
  createdAt: UtcTimestamp,
  updatedAt: UtcTimestamp,
  firstResponseDueAt: UtcTimestamp,
  resolutionDueAt: UtcTimestamp,
  firstRespondedAt: UtcTimestamp.nullable(),
  resolvedAt: UtcTimestamp.nullable(),
  resolutionSummary: z.string().nullable(),
  /**
   * Set while the case waits on the buyer or the seller: its SLA clocks stand still, and
   * when it resumes both due times move by the business time the pause took. Optional:
   * added after the first release (replicas and older services may lack it).
   */
  clockPausedAt: UtcTimestamp.nullable().optional(),
  /** While it waits on the seller: when their answer is due (a few business days, policy). */
  sellerAnswerDueAt: UtcTimestamp.nullable().optional(),
  /** A complaint case (topic `complaint`): the restriction it contests. */
  complaintOf: Id.nullable().optional(),
});
export type Case = z.infer<typeof Case>;
