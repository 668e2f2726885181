import type { Language } from './languages';
import { CLOCKS, type Clock } from './schemas/queue-health';
import type { CaseStatus } from './schemas/case';

/** The fields of an open case that say which of its clocks run and when each is due. */
export interface ClockedCase {
  status: CaseStatus;
  language: Language;
  firstRespondedAt: string | null;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  clockPausedAt?: string | null | undefined;
  sellerAnswerDueAt?: string | null | undefined;
}

const HOUR_MS = 3_600_000;

/**
 * When each running clock of a case is due. The first response runs until the first reply;
 * both team clocks stand still while the case waits on the buyer or seller; the seller's
 * answer runs only while it waits on the seller. The service's SQL counts by the same rule.
 */
export function runningClocks(c: ClockedCase): Partial<Record<Clock, string>> {
  if (c.status === 'resolved') return {};
  const due: Partial<Record<Clock, string>> = {};
  if (!c.clockPausedAt) {
    if (!c.firstRespondedAt) due.first_response = c.firstResponseDueAt;
    due.resolution = c.resolutionDueAt;
  }
  if (c.status === 'pending_seller' && c.sellerAnswerDueAt) due.seller_answer = c.sellerAnswerDueAt;
  return due;
}

export interface ClockCount {
  clock: Clock;
  language: Language;
  dueWithinHour: number;
  overdue: number;
}

/** Per clock and language: due within the hour from `now` (both ends in), and past due. */
export function countClocks(
  cases: Iterable<ClockedCase>,
  languages: readonly Language[],
  now: Date,
): ClockCount[] {
  const at = now.getTime();
  const counts = CLOCKS.flatMap((clock) =>
    languages.map((language) => ({ clock, language, dueWithinHour: 0, overdue: 0 })),
  );
  const slot = (clock: Clock, language: Language) =>
    counts[CLOCKS.indexOf(clock) * languages.length + languages.indexOf(language)];
  for (const c of cases) {
    if (!languages.includes(c.language)) continue;
    for (const [clock, due] of Object.entries(runningClocks(c)) as [Clock, string][]) {
      const ms = Date.parse(due);
      const s = slot(clock, c.language)!;
      if (ms < at) s.overdue++;
      else if (ms <= at + HOUR_MS) s.dueWithinHour++;
    }
  }
  return counts;
}
