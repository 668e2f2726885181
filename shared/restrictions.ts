import type { Actor } from './permissions';

export type RestrictionState = 'not_in_effect' | 'in_effect' | 'ended';

/**
 * Where a restriction stands, from the service's data alone (never the reader's clock):
 * in effect once executed until the service records its end. A restriction past its
 * `until` stays in effect here until the service's expiry worker ends it, seconds later.
 */
export function restrictionState(a: { status: string; endedAt?: string | null }): RestrictionState {
  if (a.endedAt) return 'ended';
  return a.status === 'executed' ? 'in_effect' : 'not_in_effect';
}

/** Lifting a restriction early: Trust & Safety only, and only one in effect. */
export const canLiftRestrictions = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('trust_safety');

/** The Account view (a party's cases, restrictions, decisions): Trust & Safety and leads. */
export const seesAccounts = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('trust_safety') || actor.roles.includes('lead');

/** DSA Art. 20: a complaint may be lodged for six months after the decision took effect. */
export const COMPLAINT_WINDOW_MONTHS = 6;

/**
 * The last moment a complaint is accepted: six calendar months after `effectiveAt` (UTC);
 * a day the month lacks (31 August → February) is the month's last day.
 */
export function complaintWindowEnd(effectiveAt: string | Date): Date {
  const from = new Date(effectiveAt);
  const month = from.getUTCMonth() + COMPLAINT_WINDOW_MONTHS;
  const lastDay = new Date(Date.UTC(from.getUTCFullYear(), month + 1, 0)).getUTCDate();
  const end = new Date(from);
  end.setUTCDate(1);
  end.setUTCMonth(month);
  end.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return end;
}

export const complaintWindowOpen = (effectiveAt: string | Date, now: Date): boolean =>
  now.getTime() <= complaintWindowEnd(effectiveAt).getTime();

/** The people behind the decision a complaint contests. */
export interface ContestedDecision {
  proposedBy: string;
  approvedBy: string | null;
}

export type ComplaintDecisionRight =
  'allowed' | 'involved' | 'lead_only_without_reviewer' | 'forbidden';

export const involvedIn = (actorId: string, d: ContestedDecision): boolean =>
  actorId === d.proposedBy || actorId === d.approvedBy;

/**
 * Who decides a complaint (Art. 20(6): not solely by automated means, and — our rule, as
 * the issue asks — by someone other than those who made the decision): an uninvolved
 * Trust & Safety reviewer; a lead only when every active reviewer was involved.
 * `uninvolvedReviewers` counts the active T&S reviewers who neither proposed nor approved.
 */
export function complaintDecisionRight(
  actor: Pick<Actor, 'id' | 'roles'>,
  d: ContestedDecision,
  uninvolvedReviewers: number,
): ComplaintDecisionRight {
  if (!actor.roles.includes('trust_safety') && !actor.roles.includes('lead')) {
    return 'forbidden';
  }
  if (involvedIn(actor.id, d)) return 'involved';
  if (actor.roles.includes('trust_safety')) return 'allowed';
  return uninvolvedReviewers === 0 ? 'allowed' : 'lead_only_without_reviewer';
}
