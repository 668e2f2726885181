import { randomUUID } from 'node:crypto';
import {
  DomainError,
  canAssignCases,
  canSeeCase,
  worksCases,
  canReleaseCase,
  nextStatus,
  type Actor,
  type Case,
  type ChangeStatusRequest,
  type Message,
  type Note,
  type Priority,
  type SendMessageRequest,
} from '../../shared';
import type { Queryable } from '../db/database';
import { findCase } from '../repositories/case-rows';
import { toMessage, toNote } from '../repositories/case-parts';
import { findAgent } from '../repositories/agents';
import type { MailSettings } from '../mail/mail-settings';
import { attachUploads } from '../attachments/agent-uploads';
import { planDelivery } from './outgoing-message';
import { markResolved } from './case-resolution';
import {
  changeCase,
  idTaken,
  lockVisibleCase,
  notFound,
  requireOpen,
  requireWorker,
} from './case-access';

async function reload(tx: Queryable, id: string): Promise<Case> {
  const c = await findCase(tx, id);
  if (!c) throw notFound();
  return c;
}

export async function claimCase(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<Case> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireOpen(c);
  if (c.assigneeId === actor.id) return reload(tx, c.id);
  if (c.assigneeId)
    throw new DomainError('already_assigned', 'Someone else has claimed this case.');
  const status = nextStatus(c.status, 'claim');
  await changeCase(
    tx,
    c.id,
    { assignee_id: actor.id, status },
    {
      caseId: c.id,
      type: 'case.claimed',
      actorId: actor.id,
      at: now,
      data: { fromStatus: c.status, toStatus: status, fromAssigneeId: null },
    },
  );
  return reload(tx, c.id);
}

export async function releaseCase(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<Case> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireOpen(c);
  if (!canReleaseCase(actor, c)) {
    throw new DomainError(
      'forbidden',
      'Only its assignee, Trust & Safety or a lead may release this case.',
    );
  }
  if (c.assigneeId === null) return reload(tx, c.id);
  await changeCase(
    tx,
    c.id,
    { assignee_id: null },
    {
      caseId: c.id,
      type: 'case.released',
      actorId: actor.id,
      at: now,
      data: { fromAssigneeId: c.assigneeId, status: c.status },
    },
  );
  return reload(tx, c.id);
}

export async function assignCase(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  agentId: string,
  now: Date,
): Promise<Case> {
  const c = await lockVisibleCase(tx, actor, caseId);
  if (!canAssignCases(actor)) throw new DomainError('forbidden', 'Only a lead may assign cases.');
  requireOpen(c);
  const agent = await findAgent(tx, agentId);
  if (!agent) throw new DomainError('not_found', 'No such agent.');
  if (!agent.active) {
    throw new DomainError('agent_inactive', `${agent.name}'s account is deactivated.`);
  }
  if (!worksCases(agent)) {
    throw new DomainError('validation_failed', `${agent.name} does not work cases.`, {
      fields: [{ path: 'body.agentId', message: 'an admin without another role works no cases' }],
    });
  }
  if (c.assigneeId === agent.id) return reload(tx, c.id);
  const status = nextStatus(c.status, 'claim');
  await changeCase(
    tx,
    c.id,
    { assignee_id: agent.id, status },
    {
      caseId: c.id,
      type: 'case.assigned',
      actorId: actor.id,
      at: now,
      data: {
        fromAssigneeId: c.assigneeId,
        toAssigneeId: agent.id,
        fromStatus: c.status,
        toStatus: status,
        // An agent may be given a case outside their languages; they see it because it is theirs.
        outsideLanguages: !canSeeCase({ ...agent }, { language: c.language, assigneeId: null }),
      },
    },
  );
  return reload(tx, c.id);
}

export async function setPriority(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  priority: Priority,
  now: Date,
): Promise<Case> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireWorker(actor, c);
  requireOpen(c);
  const current = await reload(tx, c.id);
  if (current.priority === priority) return current;
  await changeCase(
    tx,
    c.id,
    { priority },
    {
      caseId: c.id,
      type: 'case.priority_changed',
      actorId: actor.id,
      at: now,
      data: { from: current.priority, to: priority },
    },
  );
  return reload(tx, c.id);
}

export async function changeStatus(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  req: ChangeStatusRequest,
  now: Date,
): Promise<Case> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireWorker(actor, c);
  requireOpen(c);
  if (c.status !== req.from) {
    throw new DomainError('stale_state', `The case is ${c.status} now, not ${req.from}.`, {
      status: c.status,
    });
  }
  if (req.from === req.to) return reload(tx, c.id);
  const to = nextStatus(c.status, 'change', req.to);
  if (!to) throw new DomainError('stale_state', `Cannot move a ${c.status} case to ${req.to}.`);
  await changeCase(
    tx,
    c.id,
    { status: to },
    {
      caseId: c.id,
      type: 'case.status_changed',
      actorId: actor.id,
      at: now,
      data: { from: c.status, to },
    },
  );
  return reload(tx, c.id);
}

export async function sendMessage(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  req: SendMessageRequest,
  now: Date,
  id: string = randomUUID(),
  mail: MailSettings | null = null,
): Promise<Message> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireWorker(actor, c);
  requireOpen(c);
  const delivery = await planDelivery(tx, mail, c.id, req.to);
  const res = await tx.query<Parameters<typeof toMessage>[0]>(
    `INSERT INTO messages (id, case_id, direction, party, author_id, body, created_at, delivery_status)
     VALUES ($1, $2, 'to', $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING *`,
    [id, c.id, req.to, actor.id, req.body, now, delivery.status],
  );
  if (!res.rows[0]) throw idTaken(id);
  const attachments = await attachUploads(tx, actor, c.id, req.attachmentIds ?? [], {
    messageId: id,
  });
  if (attachments.length) {
    await tx.query('UPDATE messages SET attachments = $2 WHERE id = $1', [
      id,
      JSON.stringify(attachments),
    ]);
  }
  await delivery.queue(tx, { id, body: req.body, authorId: actor.id, attachments }, now);
  // The first-response clock stops at the first reply to the buyer.
  const firstResponse =
    req.to === 'buyer'
      ? await tx.query('SELECT 1 FROM cases WHERE id = $1 AND first_responded_at IS NULL', [c.id])
      : { rows: [] };
  await changeCase(tx, c.id, firstResponse.rows.length ? { first_responded_at: now } : {}, {
    caseId: c.id,
    type: 'message.sent',
    actorId: actor.id,
    at: now,
    data: { messageId: id, to: req.to, status: c.status },
  });
  // The delivery may have moved on as it was queued (handed to the help center).
  const stored = await tx.query<Parameters<typeof toMessage>[0]>(
    'SELECT * FROM messages WHERE id = $1',
    [id],
  );
  return toMessage(stored.rows[0]!);
}

export async function addNote(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  body: string,
  now: Date,
  id: string = randomUUID(),
  attachmentIds: readonly string[] = [],
): Promise<Note> {
  // Anyone who sees a case may note on it, resolved or not: T&S advice often comes late.
  const c = await lockVisibleCase(tx, actor, caseId);
  const res = await tx.query<Parameters<typeof toNote>[0]>(
    `INSERT INTO notes (id, case_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO NOTHING RETURNING *`,
    [id, c.id, actor.id, body, now],
  );
  if (!res.rows[0]) throw idTaken(id);
  const attachments = await attachUploads(tx, actor, c.id, attachmentIds, { noteId: id });
  let note = res.rows[0];
  if (attachments.length) {
    const updated = await tx.query<Parameters<typeof toNote>[0]>(
      'UPDATE notes SET attachments = $2 WHERE id = $1 RETURNING *',
      [id, JSON.stringify(attachments)],
    );
    note = updated.rows[0]!;
  }
  await changeCase(
    tx,
    c.id,
    {},
    {
      caseId: c.id,
      type: 'note.added',
      actorId: actor.id,
      at: now,
      data: { noteId: id, status: c.status },
    },
  );
  return toNote(note);
}

export async function resolveCase(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  summary: string,
  now: Date,
): Promise<Case> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireWorker(actor, c);
  requireOpen(c);
  await requireComplaintDecided(tx, c.id);
  const pending = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM actions WHERE case_id = $1 AND status = 'pending_approval'`,
    [c.id],
  );
  const n = pending.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new DomainError(
      'pending_approvals',
      n === 1 ? 'An action still awaits approval.' : `${n} actions still await approval.`,
      {
        pending: n,
      },
    );
  }
  await markResolved(tx, c, { actorId: actor.id, summary, now });
  return reload(tx, c.id);
}

/**
 * A complaint (DSA Art. 20) ends with its decision — upheld or reversed, by someone
 * uninvolved, told to the person — which resolves the case itself; a plain resolve would
 * close it with none. Once decided (and reopened), it may be resolved again. Migration
 * 0057's trigger holds the same rule.
 */
async function requireComplaintDecided(tx: Queryable, caseId: string): Promise<void> {
  const res = await tx.query<{ complaint_of: string | null; decided: boolean }>(
    `SELECT c.complaint_of, EXISTS (SELECT 1 FROM complaint_decisions d WHERE d.case_id = c.id) AS decided
       FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  const row = res.rows[0];
  if (row?.complaint_of && !row.decided) {
    throw new DomainError(
      'complaint_undecided',
      'A complaint is closed by its decision: decide it (upheld or reversed) instead of resolving it.',
      { complaintOf: row.complaint_of },
    );
  }
}

export async function reopenCase(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<Case> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireWorker(actor, c);
  const to = nextStatus(c.status, 'reopen');
  if (!to)
    throw new DomainError(
      'stale_state',
      `Only a resolved case can be reopened; this one is ${c.status}.`,
    );
  await changeCase(
    tx,
    c.id,
    { status: to, resolved_at: null },
    {
      caseId: c.id,
      type: 'case.reopened',
      actorId: actor.id,
      at: now,
      data: { from: c.status, to },
    },
  );
  return reload(tx, c.id);
}
