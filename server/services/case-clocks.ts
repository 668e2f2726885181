import {
  clockChange,
  resumeClocks,
  sellerAnswerDueAt,
  type CaseStatus,
  type Language,
} from '../../shared';
import type { Queryable } from '../db/database';

interface ClockRow {
  status: CaseStatus;
  language: Language;
  clock_paused_at: Date | null;
  first_response_due_at: Date;
  resolution_due_at: Date;
  first_responded_at: Date | null;
}

export interface ClockEffect {
  columns: Record<string, unknown>;
  /** What the status change's event records about the clocks. */
  event: Record<string, unknown> | null;
}

/**
 * What a status change does to a case's clocks, computed inside the transaction that makes
 * it (the case row is locked by the caller): waiting on the buyer or the seller pauses
 * them; answering resumes them, each due time moved by the business time the pause took.
 * Entering `pending_seller` sets the seller's answer deadline; leaving it clears it.
 */
export async function clockEffect(
  tx: Queryable,
  caseId: string,
  to: CaseStatus,
  at: Date,
): Promise<ClockEffect> {
  const res = await tx.query<ClockRow>(
    `SELECT status, language, clock_paused_at, first_response_due_at, resolution_due_at, first_responded_at
       FROM cases WHERE id = $1`,
    [caseId],
  );
  const c = res.rows[0];
  if (!c || c.status === to) return { columns: {}, event: null };
  const columns: Record<string, unknown> = {};
  let event: Record<string, unknown> | null = null;
  const change = clockChange(c.status, to);
  if (change === 'pause') {
    columns.clock_paused_at = at;
    event = { paused: true, pausedAt: at.toISOString() };
  } else if (change === 'resume' && c.clock_paused_at) {
    const moved = resumeClocks(
      {
        firstResponseDueAt: c.first_response_due_at,
        resolutionDueAt: c.resolution_due_at,
        firstRespondedAt: c.first_responded_at,
        clockPausedAt: c.clock_paused_at,
      },
      c.language,
      at,
    );
    columns.clock_paused_at = null;
    columns.first_response_due_at = moved.firstResponseDueAt;
    columns.resolution_due_at = moved.resolutionDueAt;
    event = {
      resumed: true,
      pausedAt: c.clock_paused_at.toISOString(),
      pausedBusinessMinutes: Math.round(moved.pausedMinutes),
      firstResponseDueAt: {
        from: c.first_response_due_at.toISOString(),
        to: moved.firstResponseDueAt.toISOString(),
      },
      resolutionDueAt: {
        from: c.resolution_due_at.toISOString(),
        to: moved.resolutionDueAt.toISOString(),
      },
    };
  }
  if (to === 'pending_seller') {
    const due = sellerAnswerDueAt(at, c.language);
    columns.seller_answer_due_at = due;
    event = { ...event, sellerAnswerDueAt: due.toISOString() };
  } else if (c.status === 'pending_seller') {
    columns.seller_answer_due_at = null;
  }
  return { columns, event };
}
