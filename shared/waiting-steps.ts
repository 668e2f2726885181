import type { Language } from './languages';
import { WAITING_POLICY, type WaitingSteps } from './policy/waiting-policy';
import type { CaseStatus, Topic } from './schemas/case';
import type { Party } from './schemas/conversation';
import { framed } from './templates/reply-templates';
import { WAITING_TEXTS } from './templates/waiting-texts';

export type WaitingStep = 'reminder' | 'resolve';

const HOUR = 3_600_000;

/** Whom a case waits on, if anyone. */
export function waitingOn(status: CaseStatus): Party | null {
  return status === 'pending_buyer' ? 'buyer' : status === 'pending_seller' ? 'seller' : null;
}

export interface WaitingState {
  status: CaseStatus;
  topic: Topic;
  /** When it began waiting on this party (its latest move into this status). */
  since: Date;
  /** When this wait's reminder went out, if it did. */
  remindedAt: Date | null;
  /** A case with actions awaiting approval is never resolved by itself. */
  pendingApprovals: boolean;
}

/**
 * When the next automatic step of this wait is due, or null when none will come: the
 * reminder `remindAfterHours` after it began, the resolution `resolveAfterHours` after it
 * began but never sooner than the gap between the two after the reminder.
 */
export function nextWaitingStep(
  w: WaitingState,
  policy: Readonly<Record<Topic, WaitingSteps | null>> = WAITING_POLICY,
): { step: WaitingStep; at: Date } | null {
  const steps = policy[w.topic];
  if (!steps || waitingOn(w.status) === null) return null;
  if (!w.remindedAt) {
    return { step: 'reminder', at: new Date(w.since.getTime() + steps.remindAfterHours * HOUR) };
  }
  if (w.pendingApprovals) return null;
  const grace = (steps.resolveAfterHours - steps.remindAfterHours) * HOUR;
  return {
    step: 'resolve',
    at: new Date(
      Math.max(w.since.getTime() + steps.resolveAfterHours * HOUR, w.remindedAt.getTime() + grace),
    ),
  };
}

/** The step due at `now`, if any. */
export function dueWaitingStep(
  w: WaitingState,
  now: Date,
  policy: Readonly<Record<Topic, WaitingSteps | null>> = WAITING_POLICY,
): WaitingStep | null {
  const next = nextWaitingStep(w, policy);
  return next && next.at.getTime() <= now.getTime() ? next.step : null;
}

export interface WaitingMessageValues {
  reference: string;
  buyerName: string;
  sellerName: string;
  /** The assignee's name; null signs as the team. */
  agentName: string | null;
}

/** The reminder or closing notice, in the party's language, greeting to sign-off. */
export function waitingMessageText(
  step: WaitingStep,
  to: Party,
  language: Language,
  topic: Topic,
  v: WaitingMessageValues,
  policy: Readonly<Record<Topic, WaitingSteps | null>> = WAITING_POLICY,
): string {
  const t = WAITING_TEXTS[language];
  const steps = policy[topic];
  const days = steps ? Math.round((steps.resolveAfterHours - steps.remindAfterHours) / 24) : 0;
  const values: Record<string, string> = {
    reference: v.reference,
    days: String(days),
    buyerName: v.buyerName,
    sellerName: v.sellerName,
    agentName: v.agentName ?? t.team,
  };
  const body = step === 'reminder' ? t.reminder : t.resolved;
  return framed(language, to, body).replace(/\{(\w+)\}/g, (whole, k: string) => values[k] ?? whole);
}
