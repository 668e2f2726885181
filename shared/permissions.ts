import { withinLimit, type Balance, type Money } from './money';
import type { Role } from './schemas/agent';
import type { ActionType } from './schemas/actions';
import { LANGUAGES, type Language } from './languages';

/** The parts of an agent that decide what they may see and do. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  languages: readonly Language[];
  refundLimit: Balance;
}

export interface CaseScope {
  language: Language;
  assigneeId: string | null;
}

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);

/** T&S and leads see everything; agents see their languages and whatever is theirs. */
export function seesAllCases(actor: Actor): boolean {
  return hasRole(actor, 'trust_safety') || hasRole(actor, 'lead');
}

/** Roles that work cases; `admin` only manages accounts. */
export function worksCases(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => r !== 'admin');
}

export function canSeeCase(actor: Actor, c: CaseScope): boolean {
  if (!worksCases(actor)) return false;
  return seesAllCases(actor) || c.assigneeId === actor.id || actor.languages.includes(c.language);
}

/** Replies, status changes, actions, resolve, reopen, priority and disputes. */
export function canWorkCase(actor: Actor, c: CaseScope): boolean {
  return worksCases(actor) && (seesAllCases(actor) || c.assigneeId === actor.id);
}

export const canReleaseCase = canWorkCase;

export function canAssignCases(actor: Actor): boolean {
  return hasRole(actor, 'lead');
}

export function needsApproval(
  actor: Actor,
  action: { type: ActionType; amount?: Money | undefined },
): boolean {
  switch (action.type) {
    case 'restrict_account':
    case 'law_enforcement_referral':
      return true;
    case 'refund':
      return action.amount === undefined || !withinLimit(action.amount, actor.refundLimit);
    case 'cancel_order':
      return false;
  }
}

export type DecisionRight = 'allowed' | 'four_eyes_violation' | 'forbidden';

/** Who may approve or reject a pending action (four eyes: never its proposer). */
export function decisionRight(
  actor: Actor,
  action: { type: ActionType; proposedBy: string },
): DecisionRight {
  if (action.proposedBy === actor.id) return 'four_eyes_violation';
  const allowed =
    action.type === 'refund'
      ? hasRole(actor, 'lead') || hasRole(actor, 'trust_safety')
      : hasRole(actor, 'trust_safety');
  return allowed ? 'allowed' : 'forbidden';
}

/** Creating, changing and deactivating accounts. */
export const canManageAccounts = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('admin');

/** Told on the desktop when a webhook delivery about a case is given up (`dead`). */
export const toldOfDeadDeliveries = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('lead') || actor.roles.includes('admin');

/** Emails, refund limits and last-seen of colleagues: admins and leads; others the directory. */
export const seesFullDirectory = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('admin') || actor.roles.includes('lead');

/** The DSA transparency export and evidence case files are Trust & Safety's and the leads'. */
export const canExportStatements = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('trust_safety') || actor.roles.includes('lead');

/** The dashboard's queue health is the leads' and Trust & Safety's. */
export const canSeeQueueHealth = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('lead') || actor.roles.includes('trust_safety');

/** The languages whose cases an actor sees as a whole: all for T&S and leads, else their own. */
export function languagesSeen(actor: Actor): readonly Language[] {
  if (!worksCases(actor)) return [];
  return seesAllCases(actor) ? LANGUAGES : actor.languages;
}

/** Capacities, automatic assignment and moving an agent's open cases (issue 18): leads. */
export const canManageRouting = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('lead');
