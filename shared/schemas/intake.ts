import { z } from 'zod';
import { Channel, Language } from '../languages';
import { Balance, Money } from '../money';
import { Country, Email, ExternalId, LIMITS, Timestamp, optionalText, text } from './common';
import { AiRating, EscalationTopic, PayoutStatus, ShippingStatus } from './case';

// The help center is a separate system that may grow fields before we read them, so
// intake ignores unknown keys; everything it does read is checked strictly.
export const IntakeBuyer = z.object({
  externalId: ExternalId,
  name: text(LIMITS.name),
  email: Email,
  language: Language,
  country: Country,
});

export const IntakeSeller = z.object({
  externalId: ExternalId,
  name: text(LIMITS.name),
  country: Country,
  email: Email.optional(),
  /** Defaults to the case's language. */
  language: Language.optional(),
});

export const IntakeOrder = z.object({
  externalId: ExternalId,
  lotId: ExternalId,
  lotTitle: text(LIMITS.shortText),
  category: text(LIMITS.name),
  amountPaid: Money,
  shippingStatus: ShippingStatus,
  orderedAt: Timestamp,
  shippedAt: Timestamp.optional(),
  deliveredAt: Timestamp.optional(),
  trackingNumber: z.string().trim().max(LIMITS.externalId).optional(),
  seller: IntakeSeller,
});
export type IntakeOrder = z.infer<typeof IntakeOrder>;

export const IntakeRequest = z.object({
  buyer: IntakeBuyer,
  order: IntakeOrder.nullable(),
  // A complaint is not an escalation: it comes through /intake/complaints.
  topic: EscalationTopic,
  question: text(LIMITS.longText),
  aiAnswer: z.object({
    text: optionalText(LIMITS.body),
    articleIds: z.array(z.string().max(LIMITS.externalId)).max(LIMITS.listItems),
    rating: AiRating,
  }),
  contactedSellerFirst: z.boolean(),
  sellerReply: optionalText(LIMITS.body).optional(),
  context: z
    .object({
      buyerSince: Timestamp.optional(),
      sellerRating: z.number().min(0).max(5).optional(),
      fees: Balance.optional(),
      payoutStatus: PayoutStatus.optional(),
    })
    .optional(),
  channel: Channel,
  language: Language,
});
export type IntakeRequest = z.infer<typeof IntakeRequest>;

export const ContactOptionsQuery = z.object({ language: Language });

export const ContactOptions = z.object({
  options: z.array(z.object({ channel: Channel, available: z.boolean() })),
});
export type ContactOptions = z.infer<typeof ContactOptions>;
