import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import { PeriodicPass } from './periodic-pass';
import { endExpiredRestrictions } from './restriction-ends';

export interface RestrictionExpiryOptions {
  /** How often to look for restrictions past their end; 5 s by default. */
  intervalMs?: number;
  /** The service's clock; tests move it forward instead of waiting months. */
  clock?: () => Date;
}

/**
 * Ends restrictions when their `until` comes, in every service instance: each pass asks
 * the database what is due and ends it (see endExpiredRestrictions for why two instances
 * never end one twice). Each pass resolves to how many restrictions it ended.
 */
export class RestrictionExpiry extends PeriodicPass<number> {
  constructor(db: Database, log: FastifyBaseLogger, opts: RestrictionExpiryOptions = {}) {
    super(
      (now) => endExpiredRestrictions(db, now),
      (err) => {
        log.error({ err }, 'ending expired restrictions failed');
        return 0;
      },
      opts.intervalMs ?? 5_000,
      opts.clock,
    );
  }
}
