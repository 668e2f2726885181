import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import { PeriodicPass } from './periodic-pass';
import { takeDueWaitingSteps } from './waiting-steps';

export interface WaitingWorkerOptions {
  /** How often to look for waiting cases with a step due; 30 s by default. */
  intervalMs?: number;
  /** The service's clock; tests move it forward instead of waiting days. */
  clock?: () => Date;
}

type Taken = { reminders: number; resolved: number; failed: number };

/**
 * Reminds and resolves cases that wait on the buyer or the seller (issue 18), in every
 * service instance: each pass asks the database what is due and takes each step in its
 * own transaction (waiting-steps.ts says why no step is taken twice). Each pass resolves
 * to the steps it took.
 */
export class WaitingWorker extends PeriodicPass<Taken> {
  constructor(
    db: Database,
    mail: MailSettings | null,
    log: FastifyBaseLogger,
    opts: WaitingWorkerOptions = {},
  ) {
    super(
      async (now) => {
        const { lastError, ...taken } = await takeDueWaitingSteps(db, mail, now);
        if (lastError) {
          log.error({ err: lastError, failed: taken.failed }, 'a waiting case’s step failed');
        }
        return taken;
      },
      (err) => {
        log.error({ err }, 'taking the steps of waiting cases failed');
        return { reminders: 0, resolved: 0, failed: 0 };
      },
      opts.intervalMs ?? 30_000,
      opts.clock,
    );
  }
}
