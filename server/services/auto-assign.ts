import {
  AVAILABILITY_TTL_MS,
  chooseAssignee,
  type Channel,
  type Language,
  type Role,
  type RoutingCandidate,
  type RoutingChoice,
} from '../../shared';
import type { Queryable } from '../db/database';
import { changeCase } from './case-access';
import { autoAssignOn } from './routing-settings';

/**
 * One lock for every routing decision, whichever instance makes it: choosing reads each
 * candidate's open cases, and two decisions that both read "4 of 5" would both assign.
 * A lock per language would not do (an agent speaking nl and de is counted by both), and
 * locking the agents' rows would queue behind account changes and deadlock with them; this
 * is held only from choosing to commit, at the very end of the creating transaction.
 */
const ROUTING_LOCK = 4870_0018;

export async function takeRoutingLock(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ROUTING_LOCK]);
}

interface CandidateRow {
  id: string;
  capacity: number;
  open_cases: number;
  handled_buyer: boolean;
  online: boolean;
  channels: Channel[];
}

export interface RoutingScope {
  language: Language;
  channel: Channel;
  buyerId: string;
  /** Who may take it: `agent` for the queue; `trust_safety` for complaints. */
  role: Role;
  /** Nobody of these (a complaint's proposer and approver; the agent cases move away from). */
  exclude: readonly string[];
  /** The case being placed, not counted as the buyer's earlier case. */
  caseId: string;
}

/** Who could take a case of this scope right now, as of this statement (take the lock first). */
export async function routingCandidates(
  tx: Queryable,
  s: RoutingScope,
  now: Date,
): Promise<RoutingCandidate[]> {
  const fresh = new Date(now.getTime() - AVAILABILITY_TTL_MS);
  const res = await tx.query<CandidateRow>(
    `SELECT a.id, a.capacity,
            (SELECT count(*)::int FROM cases c
              WHERE c.assignee_id = a.id AND c.status <> 'resolved') AS open_cases,
            EXISTS (SELECT 1 FROM cases h
                     WHERE h.buyer_id = $2 AND h.assignee_id = a.id AND h.id <> $3) AS handled_buyer,
            coalesce(p.updated_at > $4, false) AS online,
            CASE WHEN p.available AND p.updated_at > $4 THEN p.channels ELSE '{}' END AS channels
       FROM agents a LEFT JOIN presence p ON p.agent_id = a.id
      WHERE a.active AND $1 = ANY (a.languages) AND $5 = ANY (a.roles)
        AND NOT (a.id = ANY ($6::uuid[]))
      ORDER BY a.id`,
    [s.language, s.buyerId, s.caseId, fresh, s.role, s.exclude],
  );
  return res.rows.map((r) => ({
    id: r.id,
    capacity: r.capacity,
    openCases: r.open_cases,
    handledBuyer: r.handled_buyer,
    online: r.online,
    channels: r.channels,
  }));
}

/**
 * Places a case by the routing rule, under the routing lock, and records the decision as
 * an event: `case.assigned` with its reason, or `case.not_routed` saying why nobody took
 * it. The chosen agent's row is share-locked and read again, so an account deactivated
 * meanwhile (deactivation holds its row) is not given the case.
 */
export async function placeCase(
  tx: Queryable,
  scope: RoutingScope,
  from: { status: string; assigneeId: string | null },
  actorId: string | null,
  now: Date,
  extra: Record<string, unknown> = {},
  /** Replaces `auto: ` in the reason (a lead's move says `moved: `). */
  reasonPrefix = 'auto: ',
): Promise<RoutingChoice> {
  let choice = chooseAssignee(
    await routingCandidates(tx, scope, now),
    scope.language,
    scope.channel,
  );
  choice = { ...choice, reason: choice.reason.replace(/^auto: /, reasonPrefix) };
  if (choice.agentId) {
    const still = await tx.query<{ active: boolean }>(
      'SELECT active FROM agents WHERE id = $1 FOR KEY SHARE',
      [choice.agentId],
    );
    if (!still.rows[0]?.active) {
      choice = {
        agentId: null,
        reason: `${reasonPrefix}the chosen agent was deactivated meanwhile`,
      };
    }
  }
  if (choice.agentId) {
    const status = from.status === 'new' ? 'open' : from.status;
    await changeCase(
      tx,
      scope.caseId,
      { assignee_id: choice.agentId, status },
      {
        caseId: scope.caseId,
        type: 'case.assigned',
        actorId,
        at: now,
        data: {
          fromAssigneeId: from.assigneeId,
          toAssigneeId: choice.agentId,
          fromStatus: from.status,
          toStatus: status,
          auto: reasonPrefix === 'auto: ',
          reason: choice.reason,
          outsideLanguages: false,
          ...extra,
        },
      },
    );
  }
  return choice;
}

/**
 * Automatic assignment of a case just created (intake, a complaint, a late reply's
 * follow-up), in the transaction that creates it: when on for its language, the case
 * goes `open` to the agent the routing rule picks; when nobody can take it, it stays
 * `new` and unassigned, with a `case.not_routed` event saying why. Off: nothing happens.
 */
export async function routeNewCase(
  tx: Queryable,
  c: { id: string; language: Language; channel: Channel; buyerId: string },
  now: Date,
  who: { role?: Role; exclude?: readonly string[] } = {},
): Promise<boolean> {
  if (!(await autoAssignOn(tx, c.language))) return false;
  await takeRoutingLock(tx);
  const scope: RoutingScope = {
    language: c.language,
    channel: c.channel,
    buyerId: c.buyerId,
    caseId: c.id,
    role: who.role ?? 'agent',
    exclude: who.exclude ?? [],
  };
  const choice = await placeCase(tx, scope, { status: 'new', assigneeId: null }, null, now);
  if (!choice.agentId) {
    await changeCase(
      tx,
      c.id,
      {},
      {
        caseId: c.id,
        type: 'case.not_routed',
        actorId: null,
        at: now,
        data: { reason: choice.reason },
      },
    );
  }
  return choice.agentId !== null;
}
