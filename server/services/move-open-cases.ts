import {
  DomainError,
  canManageRouting,
  worksCases,
  type Actor,
  type Channel,
  type Language,
  type MoveOpenCasesRequest,
  type MovedCase,
} from '../../shared';
import type { Queryable } from '../db/database';
import { findAgentRow } from '../repositories/agents';
import { placeCase, takeRoutingLock } from './auto-assign';
import { changeCase } from './case-access';

interface OpenCase {
  id: string;
  reference: string;
  status: string;
  language: Language;
  channel: Channel;
  buyer_id: string;
}

interface Target {
  id: string;
  languages: Language[];
}

const noAgent = () => new DomainError('not_found', 'No such agent.');

async function checkTargets(tx: Queryable, fromId: string, ids: string[]): Promise<Target[]> {
  if (new Set(ids).size !== ids.length || ids.includes(fromId)) {
    throw new DomainError(
      'validation_failed',
      'Name each colleague once, and not the agent whose cases move.',
      {
        fields: [{ path: 'body.toAgentIds', message: 'each once, not the agent whose cases move' }],
      },
    );
  }
  const targets: Target[] = [];
  for (const id of ids) {
    const row = await findAgentRow(tx, id);
    if (!row) throw new DomainError('not_found', `No such agent: ${id}.`);
    if (!row.active)
      throw new DomainError('agent_inactive', `${row.name}'s account is deactivated.`);
    if (!worksCases({ roles: row.roles })) {
      throw new DomainError('validation_failed', `${row.name} does not work cases.`, {
        fields: [
          { path: 'body.toAgentIds', message: 'an admin without another role works no cases' },
        ],
      });
    }
    targets.push({ id: row.id, languages: row.languages });
  }
  return targets;
}

/** Open cases per agent, as this transaction sees them (its own moves included). */
async function openCounts(tx: Queryable, ids: string[]): Promise<Map<string, number>> {
  const res = await tx.query<{ assignee_id: string; n: number }>(
    `SELECT assignee_id, count(*)::int AS n FROM cases
      WHERE assignee_id = ANY ($1::uuid[]) AND status <> 'resolved' GROUP BY assignee_id`,
    [ids],
  );
  return new Map(res.rows.map((r) => [r.assignee_id, r.n]));
}

/**
 * A lead moves all of one agent's open cases in one step (someone off sick): to the named
 * colleagues — each case to the one of them who speaks its language and has the fewest
 * open cases — or spread over the team by the routing rule (available, speaks it, room
 * under capacity, fewest open cases). A case nobody can take goes back to the queue
 * unassigned. Each move is an event with its reason; replicas of whoever lost sight of a
 * case get its delete as with any reassignment.
 */
export async function moveOpenCases(
  tx: Queryable,
  actor: Actor,
  fromId: string,
  req: MoveOpenCasesRequest,
  now: Date,
): Promise<{ moved: MovedCase[] }> {
  if (!canManageRouting(actor)) {
    throw new DomainError('forbidden', 'Only a lead may move an agent’s cases.');
  }
  const from = await findAgentRow(tx, fromId);
  if (!from) throw noAgent();
  const targets = 'toAgentIds' in req ? await checkTargets(tx, from.id, req.toAgentIds) : null;
  // The cases first, then the routing lock: a complaint holds its contested case and then
  // takes the lock, so the other order could deadlock with it.
  const open = await tx.query<OpenCase>(
    `SELECT id, reference, status, language, channel, buyer_id FROM cases
      WHERE assignee_id = $1 AND status <> 'resolved' ORDER BY created_at, id FOR UPDATE`,
    [from.id],
  );
  await takeRoutingLock(tx);
  const moved: MovedCase[] = [];
  for (const c of open.rows) {
    let to: string | null = null;
    let reason: string;
    if (targets) {
      const speakers = targets.filter((t) => t.languages.includes(c.language));
      const counts = await openCounts(
        tx,
        speakers.map((t) => t.id),
      );
      const pick = speakers
        .map((t) => ({ id: t.id, n: counts.get(t.id) ?? 0 }))
        .sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : 1))[0];
      to = pick?.id ?? null;
      reason = pick
        ? `moved: fewest open cases of the chosen colleagues, speaks ${c.language}`
        : `moved: none of the chosen colleagues speaks ${c.language}`;
      if (to) {
        await changeCase(
          tx,
          c.id,
          { assignee_id: to },
          {
            caseId: c.id,
            type: 'case.assigned',
            actorId: actor.id,
            at: now,
            data: {
              fromAssigneeId: from.id,
              toAssigneeId: to,
              fromStatus: c.status,
              toStatus: c.status,
              auto: false,
              reason,
              outsideLanguages: false,
            },
          },
        );
      }
    } else {
      const choice = await placeCase(
        tx,
        {
          language: c.language,
          channel: c.channel,
          buyerId: c.buyer_id,
          caseId: c.id,
          role: 'agent',
          exclude: [from.id],
        },
        { status: c.status, assigneeId: from.id },
        actor.id,
        now,
        {},
        'moved: ',
      );
      to = choice.agentId;
      reason = choice.reason;
    }
    if (!to) {
      await changeCase(
        tx,
        c.id,
        { assignee_id: null },
        {
          caseId: c.id,
          type: 'case.released',
          actorId: actor.id,
          at: now,
          data: { fromAssigneeId: from.id, status: c.status, reason },
        },
      );
    }
    moved.push({ caseId: c.id, reference: c.reference, toAssigneeId: to, reason });
  }
  return { moved };
}
