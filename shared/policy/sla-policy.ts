import type { Channel } from '../languages';

/**
 * Service levels, as data. Durations are in minutes so the table stays readable and
 * serialisable; the clock arithmetic lives in `sla.ts`.
 */
export interface SlaPolicy {
  firstResponseMinutes: Readonly<Record<Channel, number>>;
  resolutionMinutes: number;
  /** A clock counts as "due soon" in the final fraction of its span. */
  dueSoonFraction: number;
}

export const SLA_POLICY: SlaPolicy = {
  firstResponseMinutes: { chat: 15, phone: 15, email: 24 * 60 },
  resolutionMinutes: 5 * 24 * 60,
  dueSoonFraction: 0.25,
};

/**
 * product.md: "a seller gets a few business days to answer". Three is our reading until the
 * policy owners say otherwise; weekends do not count (public holidays are not modelled).
 */
export const SELLER_ANSWER_BUSINESS_DAYS = 3;
