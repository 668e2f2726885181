import type { Channel } from '../languages';
import type { CaseStatus } from '../schemas/case';

/**
 * Service levels, as data. Durations are in business minutes: a clock runs only in the
 * business hours of the case's language (policy/business-hours.ts); the clock arithmetic
 * lives in `sla.ts`.
 */
export interface SlaPolicy {
  firstResponseMinutes: Readonly<Record<Channel, number>>;
  resolutionMinutes: number;
  /** A clock counts as "due soon" in the final fraction of its span. */
  dueSoonFraction: number;
}

const BUSINESS_DAY = 8 * 60;

export const SLA_POLICY: SlaPolicy = {
  firstResponseMinutes: { chat: 15, phone: 15, email: BUSINESS_DAY },
  resolutionMinutes: 5 * BUSINESS_DAY,
  dueSoonFraction: 0.25,
};

/**
 * While a case waits on the buyer or the seller its clocks stand still: the wait is theirs,
 * not the team's.
 */
export const CLOCK_PAUSING_STATUSES: readonly CaseStatus[] = ['pending_buyer', 'pending_seller'];

/**
 * product.md: "a seller gets a few business days to answer". Three is our reading until the
 * policy owners say otherwise; counted in the business hours of the case's language, so
 * weekends and that team's public holidays do not count.
 */
export const SELLER_ANSWER_BUSINESS_DAYS = 3;
