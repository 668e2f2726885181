import { z } from 'zod';
import { Language } from '../languages';
import { Currency } from '../money';
import { CaseStatus, Topic } from './case';
import { Timestamp, UtcTimestamp } from './time';

/** The longest period the dashboard asks for at once: a quarter, so one answer stays fast. */
export const QUEUE_HEALTH_MAX_DAYS = 92;

const DAY_MS = 86_400_000;

/** A calendar day in UTC, `YYYY-MM-DD`, that really exists (no 2026-02-30). */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD')
  .refine((d) => {
    const ms = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
  }, 'not a calendar day');

/** Days between two calendar days, `to` counted too (2026-11-01 to 2026-11-01 is one). */
export const daysInPeriod = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** `languages=de,nl`: narrows the figures to some of the languages the viewer sees. */
const LanguageList = z
  .string()
  .transform((s) => s.split(',').map((l) => l.trim()))
  .pipe(z.array(Language).min(1));

/**
 * A day of the period: `YYYY-MM-DD`, or a time with its offset standing for its UTC day.
 * The issue names only `?from=&to=`; a client sending ISO times gets their days, not a 400.
 */
const PeriodDay = z.union([
  CalendarDay.meta({ format: 'date' }),
  Timestamp.transform((t) => t.slice(0, 10)),
]);

/** `from` and `to` are UTC calendar days, both included; at most 92 days. */
export const QueueHealthQuery = z
  .strictObject({ from: PeriodDay, to: PeriodDay, languages: LanguageList.optional() })
  .superRefine((q, ctx) => {
    const days = daysInPeriod(q.from, q.to);
    if (days < 1)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days > QUEUE_HEALTH_MAX_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the period may span at most ${QUEUE_HEALTH_MAX_DAYS} days`,
      });
  });
export type QueueHealthQuery = z.infer<typeof QueueHealthQuery>;

export const CLOCKS = ['first_response', 'resolution', 'seller_answer'] as const;
export const Clock = z.enum(CLOCKS);
export type Clock = z.infer<typeof Clock>;

const Count = z.int().nonnegative();

/** Minutes from a case's creation to an event, over the cases of one day. */
const Durations = z.object({
  /** How many cases had this event on the day. */
  count: Count,
  /** Of those, how many within their clock's due time. */
  met: Count,
  /** Wall-clock minutes (not business minutes), interpolated as percentile_cont; null on a day without any. */
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
export type Durations = z.infer<typeof Durations>;

export const QueueHealthDay = z.object({
  day: z.iso.date(),
  /** Cases created on the day. */
  incoming: Count,
  /** First responses given on the day, timed from each case's creation. */
  firstResponse: Durations,
  /** Cases resolved on the day (and not reopened since): their count is "resolved". */
  resolution: Durations,
});
export type QueueHealthDay = z.infer<typeof QueueHealthDay>;

export const QueueHealth = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** The moment the open and due figures describe. */
  asOf: UtcTimestamp,
  /** The languages counted: those the viewer sees, narrowed by `languages`. */
  languages: z.array(Language),
  /** Open (not resolved) cases now, per status and language; combinations without any are left out. */
  open: z.array(z.object({ status: CaseStatus, language: Language, count: Count })),
  /**
   * Running clocks now, per clock and language: due within the hour, and past due. Clocks of
   * cases waiting on the buyer or seller stand still and are not counted; the seller's
   * answer runs only while a case waits on the seller.
   */
  clocks: z.array(
    z.object({
      clock: Clock,
      language: Language,
      dueWithinHour: Count,
      overdue: Count,
    }),
  ),
  /** Every day of the period, oldest first. */
  days: z.array(QueueHealthDay),
  /** Open cases assigned per agent who works cases in these languages or holds some. */
  workload: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      openAssigned: Count,
      /** When the oldest of their open cases was created. */
      oldestOpenAt: UtcTimestamp.nullable(),
      /** Leads only (as the directory rule has it); null for others and for never. */
      lastSeenAt: UtcTimestamp.nullable(),
    }),
  ),
  /** ISO weeks touching the period, whole, oldest first: executed refunds and restrictions that took effect. */
  weeks: z.array(
    z.object({
      /** `2026-W48`. */
      week: z.string(),
      /** Its Monday. */
      weekStart: z.iso.date(),
      refunds: Count,
      /** Per currency; a refund counts when it was executed. */
      // A sum, so not the contract's Money (whose cap is for one amount).
      refunded: z.array(z.object({ amount: z.int().positive(), currency: Currency })),
      restrictions: Count,
    }),
  ),
  /**
   * The buyer's rating of the AI answer on cases created in the period, per topic: what
   * the knowledge base should fix first. Rated is helpful plus not helpful.
   */
  aiAnswers: z.array(z.object({ topic: Topic, cases: Count, rated: Count, notHelpful: Count })),
});
export type QueueHealth = z.infer<typeof QueueHealth>;
