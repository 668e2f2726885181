import type { Channel } from '../languages';

/**
 * Service levels, as data. Durations are in minutes so the table stays readable and
 * serialisable; the clock arithmetic lives in `sla.ts`.
 */
export const SLA_POLICY = {
  firstResponseMinutes: { chat: 15, phone: 15, email: 24 * 60 } satisfies Record<Channel, number>,
  resolutionMinutes: 5 * 24 * 60,
  /** A clock counts as "due soon" in the final fraction of its span. */
  dueSoonFraction: 0.25,
} as const;
