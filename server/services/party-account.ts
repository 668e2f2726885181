import {
  DomainError,
  seesAccounts,
  type AccountCase,
  type Actor,
  type PartyAccount,
  type PartyKind,
} from '../../shared';
import type { Queryable } from '../db/database';
import { toAction, type ActionRow } from '../repositories/case-parts';
import { iso, isoOrNull } from '../repositories/timestamps';
import { notFound } from './case-access';

const CASES_SHOWN = 200;

interface CaseRow {
  id: string;
  reference: string;
  status: AccountCase['status'];
  topic: AccountCase['topic'];
  created_at: Date | string;
  resolved_at: Date | string | null;
  resolution_summary: string | null;
  complaint_of: string | null;
}

/**
 * One account's record, newest first: its cases (as buyer, or as the seller of the
 * case's order), the actions on them — a restriction only where it restricts this party
 * — and the decisions on its complaints. Four indexed reads.
 */
export async function partyAccount(
  db: Queryable,
  actor: Actor,
  kind: PartyKind,
  externalId: string,
): Promise<PartyAccount> {
  if (!seesAccounts(actor)) {
    throw new DomainError('forbidden', 'The Account view is for Trust & Safety and leads.');
  }
  const party = await db.query<{ id: string; name: string; country: string; external_id: string }>(
    `SELECT id, name, country, external_id FROM ${kind === 'buyer' ? 'buyers' : 'sellers'}
      WHERE external_id = $1`,
    [externalId],
  );
  const p = party.rows[0];
  if (!p) throw notFound(kind);
  const column = kind === 'buyer' ? 'buyer_id' : 'seller_id';
  const cases = await db.query<CaseRow>(
    `SELECT id, reference, status, topic, created_at, resolved_at, resolution_summary, complaint_of
       FROM cases WHERE ${column} = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [p.id, CASES_SHOWN + 1],
  );
  const shown = cases.rows.slice(0, CASES_SHOWN);
  const ids = shown.map((c) => c.id);
  const [actions, decisions] = await Promise.all([
    db.query<ActionRow>(
      `SELECT * FROM actions WHERE case_id = ANY ($1::uuid[])
          AND (type <> 'restrict_account' OR details->>'subject' = $2)
        ORDER BY created_at DESC, id DESC`,
      [ids, kind],
    ),
    db.query<{
      case_id: string;
      action_id: string;
      outcome: 'upheld' | 'reversed';
      reasons: string;
      decided_by: string;
      decided_at: Date | string;
    }>(
      `SELECT * FROM complaint_decisions WHERE case_id = ANY ($1::uuid[]) ORDER BY decided_at DESC`,
      [ids],
    ),
  ]);
  return {
    party: { kind, id: p.id, externalId: p.external_id, name: p.name, country: p.country },
    cases: shown.map((c) => ({
      id: c.id,
      reference: c.reference,
      status: c.status,
      topic: c.topic,
      createdAt: iso(c.created_at),
      resolvedAt: isoOrNull(c.resolved_at),
      resolutionSummary: c.resolution_summary,
      complaintOf: c.complaint_of,
    })),
    actions: actions.rows.map(toAction),
    complaintDecisions: decisions.rows.map((d) => ({
      caseId: d.case_id,
      actionId: d.action_id,
      outcome: d.outcome,
      reasons: d.reasons,
      decidedBy: d.decided_by,
      decidedAt: iso(d.decided_at),
    })),
    truncated: cases.rows.length > CASES_SHOWN,
  };
}
