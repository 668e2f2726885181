import { randomUUID } from 'node:crypto';
import {
  DomainError,
  complaintDecisionRight,
  complaintWindowEnd,
  initialPriority,
  slaDueDates,
  type Actor,
  type Case,
  type ComplaintDecision,
  type ComplaintDecisionRequest,
  type ComplaintRequest,
  type Language,
  type Party,
  type Restriction,
} from '../../shared';
import type { Queryable } from '../db/database';
import { enqueueIntegrationEvent } from '../integration/outbox';
import type { MailSettings } from '../mail/mail-settings';
import { toAction, type ActionRow } from '../repositories/case-parts';
import { findCase } from '../repositories/case-rows';
import { iso, isUuid } from '../repositories/timestamps';
import { routeNewCase } from './auto-assign';
import { markResolved } from './case-resolution';
import { changeCase, lockCaseRow, lockVisibleCase, notFound, requireOpen } from './case-access';
import { sendComplaintOutcome } from './restriction-notices';
import { endRestriction, inEffect } from './restriction-ends';

const noMatch = () =>
  new DomainError(
    'no_matching_case',
    'There is no decision about this account that it could complain about.',
  );

interface ContestedRow extends ActionRow {
  c_language: Language;
  buyer_id: string;
  buyer_external_id: string;
  seller_external_id: string | null;
  seller_language: Language | null;
  search: string;
}

/**
 * A restricted party complains about the decision (DSA Art. 20): a new case, topic
 * `complaint`, about that action (`complaintOf`), on the original buyer and order, in
 * the complainant's language. Only the restricted account may complain, and only within
 * six months of the restriction taking effect; an unknown action, someone else, or an
 * action that is no restriction in effect all answer the same 422 `no_matching_case`, so
 * nothing about other people's accounts leaks. One complaint per decision (409
 * `complaint_exists`).
 */
export async function fileComplaint(
  tx: Queryable,
  req: ComplaintRequest,
  now: Date,
): Promise<Case> {
  if (!isUuid(req.actionId)) throw noMatch();
  const found = await tx.query<{ case_id: string }>('SELECT case_id FROM actions WHERE id = $1', [
    req.actionId,
  ]);
  if (!found.rows[0]) throw noMatch();
  // The contested case first, as every command locks: complaints about it queue here.
  await lockCaseRow(tx, found.rows[0].case_id);
  const res = await tx.query<ContestedRow>(
    `SELECT a.*, c.language AS c_language, c.buyer_id, b.external_id AS buyer_external_id,
            s.external_id AS seller_external_id, s.language AS seller_language,
            lower(b.name || ' ' || b.email || ' ' || coalesce(o.lot_title, '')) AS search
       FROM actions a JOIN cases c ON c.id = a.case_id JOIN buyers b ON b.id = c.buyer_id
       LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN sellers s ON s.id = o.seller_id
      WHERE a.id = $1`,
    [req.actionId],
  );
  const a = res.rows[0]!;
  const subject = (a.details as { subject?: Party }).subject;
  const subjectId = subject === 'seller' ? a.seller_external_id : a.buyer_external_id;
  if (a.type !== 'restrict_account' || !a.effective_at || req.externalUserId !== subjectId) {
    throw noMatch();
  }
  const closes = complaintWindowEnd(iso(a.effective_at));
  if (now.getTime() > closes.getTime()) {
    throw new DomainError(
      'complaint_window_closed',
      'A complaint about this decision was possible for six months after it took effect.',
      { effectiveAt: iso(a.effective_at), closedAt: closes.toISOString() },
    );
  }
  const earlier = await tx.query<{ id: string; reference: string }>(
    'SELECT id, reference FROM cases WHERE complaint_of = $1',
    [a.id],
  );
  if (earlier.rows[0]) {
    throw new DomainError('complaint_exists', 'A complaint about this decision was already made.', {
      caseId: earlier.rows[0].id,
      reference: earlier.rows[0].reference,
    });
  }
  const id = randomUUID();
  // Email reaches every language, and the person is answered where they wrote from.
  const channel = 'email';
  const language = subject === 'seller' ? (a.seller_language ?? a.c_language) : a.c_language;
  const priority = initialPriority('complaint', channel);
  const due = slaDueDates(now, channel, language);
  await tx.query(
    `WITH ref AS (SELECT 'CD-' || nextval('case_reference_seq') AS reference)
     INSERT INTO cases (id, reference, status, topic, channel, language, priority, buyer_id, order_id,
       question, ai_answer, contacted_seller_first, created_at, updated_at, first_response_due_at,
       resolution_due_at, search_text, complaint_of)
     SELECT $1, ref.reference, 'new', 'complaint', $2, $3, $4, c.buyer_id, c.order_id, $5,
            '{"text":"","articleIds":[],"rating":null}', false, $6, $6, $7, $8,
            lower(ref.reference) || ' ' || $9, $10
       FROM ref, cases c WHERE c.id = $11`,
    [
      id,
      channel,
      language,
      priority,
      req.body,
      now,
      due.firstResponseDueAt,
      due.resolutionDueAt,
      a.search,
      a.id,
      a.case_id,
    ],
  );
  await tx.query(
    'INSERT INTO events (id, case_id, type, actor_id, at, data) VALUES ($1, $2, $3, NULL, $4, $5)',
    [
      randomUUID(),
      id,
      'case.created',
      now,
      JSON.stringify({
        status: 'new',
        channel,
        language,
        topic: 'complaint',
        priority,
        complaintOf: a.id,
      }),
    ],
  );
  await changeCase(
    tx,
    a.case_id,
    {},
    {
      caseId: a.case_id,
      type: 'complaint.received',
      actorId: null,
      at: now,
      data: { actionId: a.id, complaintCaseId: id },
    },
  );
  // An uninvolved Trust & Safety reviewer decides a complaint, so only one is routed it.
  const routed = await routeNewCase(tx, { id, language, channel, buyerId: a.buyer_id }, now, {
    role: 'trust_safety',
    exclude: [a.proposed_by, ...(a.approved_by ? [a.approved_by] : [])],
  });
  await enqueueIntegrationEvent(tx, {
    type: 'case.created',
    caseId: id,
    at: now,
    data: { status: routed ? 'open' : 'new', priority },
  });
  return (await findCase(tx, id))!;
}

interface DecisionRow {
  case_id: string;
  action_id: string;
  outcome: ComplaintDecision['outcome'];
  reasons: string;
  decided_by: string;
  decided_at: Date | string;
}
const toDecision = (r: DecisionRow): ComplaintDecision => ({
  caseId: r.case_id,
  actionId: r.action_id,
  outcome: r.outcome,
  reasons: r.reasons,
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
});

/** Active T&S reviewers who neither proposed nor approved the decision. */
export async function uninvolvedReviewers(
  db: Queryable,
  proposedBy: string,
  approvedBy: string | null,
): Promise<number> {
  const res = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM agents
      WHERE active AND 'trust_safety' = ANY (roles) AND id <> $1 AND id IS DISTINCT FROM $2`,
    [proposedBy, approvedBy],
  );
  return res.rows[0]?.n ?? 0;
}

/**
 * Decides a complaint, once: by a Trust & Safety reviewer who neither proposed nor
 * approved the restriction (a lead where every active reviewer did) — the database's
 * trigger holds the same rule. A reversal ends the restriction (`complaint_reversed`);
 * either way the person is told in their language, and the complaint case is resolved.
 */
export async function decideComplaint(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  req: ComplaintDecisionRequest,
  now: Date,
  mail: MailSettings | null = null,
) {
  const c = await lockVisibleCase(tx, actor, caseId);
  const of = await tx.query<{ complaint_of: string | null }>(
    'SELECT complaint_of FROM cases WHERE id = $1',
    [c.id],
  );
  const actionId = of.rows[0]?.complaint_of;
  if (!actionId) throw new DomainError('not_a_complaint', 'This case is not a complaint.');
  const decided = await tx.query<DecisionRow>(
    'SELECT * FROM complaint_decisions WHERE case_id = $1',
    [c.id],
  );
  if (decided.rows[0]) {
    throw new DomainError('complaint_decided', 'This complaint has already been decided.', {
      decision: toDecision(decided.rows[0]),
    });
  }
  const contested = await tx.query<ActionRow>('SELECT * FROM actions WHERE id = $1', [actionId]);
  const orig = contested.rows[0]!;
  const right = complaintDecisionRight(
    actor,
    { proposedBy: orig.proposed_by, approvedBy: orig.approved_by },
    await uninvolvedReviewers(tx, orig.proposed_by, orig.approved_by),
  );
  if (right === 'involved') {
    throw new DomainError(
      'reviewer_involved',
      'You proposed or approved this decision; someone uninvolved must decide the complaint.',
    );
  }
  if (right !== 'allowed') {
    throw new DomainError(
      'forbidden',
      right === 'lead_only_without_reviewer'
        ? 'An uninvolved Trust & Safety reviewer decides this complaint; a lead only when there is none.'
        : 'Only Trust & Safety (or a lead, when every reviewer was involved) decides complaints.',
    );
  }
  requireOpen(c);
  const ins = await tx.query<DecisionRow>(
    `INSERT INTO complaint_decisions (case_id, action_id, outcome, reasons, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [c.id, actionId, req.outcome, req.reasons, actor.id, now],
  );
  const decision = toDecision(ins.rows[0]!);
  let action = orig;
  if (req.outcome === 'reversed') {
    // The contested case's lock, then its action's: the order every command takes.
    await lockCaseRow(tx, orig.case_id);
    const locked = await tx.query<ActionRow>('SELECT * FROM actions WHERE id = $1 FOR UPDATE', [
      actionId,
    ]);
    action = locked.rows[0]!;
    if (inEffect(action)) {
      action =
        (await endRestriction(tx, action, 'complaint_reversed', actor.id, req.reasons, now)) ??
        action;
    }
  }
  const subject = orig.details as { subject: Party; restriction: Restriction };
  await sendComplaintOutcome(
    tx,
    mail,
    { caseId: c.id, to: subject.subject, restriction: subject.restriction },
    req.outcome,
    req.reasons,
    actor.id,
    now,
  );
  await changeCase(
    tx,
    c.id,
    {},
    {
      caseId: c.id,
      type: 'complaint.decided',
      actorId: actor.id,
      at: now,
      data: { actionId, outcome: req.outcome, reasons: req.reasons },
    },
  );
  const summary = `Complaint ${req.outcome}: ${req.reasons}`;
  await markResolved(tx, c, { actorId: actor.id, summary, now });
  const resolved = await findCase(tx, c.id);
  if (!resolved) throw notFound();
  return { case: resolved, decision, action: toAction(action) };
}
