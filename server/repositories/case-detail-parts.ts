import type {
  AccountRestriction,
  Action,
  CaseEvent,
  ExternalDispute,
  Message,
  Note,
} from '../../shared';
import type { Queryable } from '../db/database';
import { toAction, toDispute, toEvent, toMessage, toNote, toRestriction } from './case-parts';

// Each part as one JSON array, in the order the case view shows it: with these in one
// statement a case read costs the service three round trips (session, case, parts and
// context) instead of eleven. Timestamps arrive as ISO strings; the row mappers take those.
// A message's original text is read on demand (GET …/original), never with the case.
const partsOf = (caseId: string) => `
  (SELECT coalesce(json_agg(to_jsonb(m) - 'original_body' ORDER BY m.created_at, m.id), '[]')
     FROM messages m WHERE m.case_id = ${caseId}) AS messages,
  (SELECT coalesce(json_agg(n ORDER BY n.created_at, n.id), '[]')
     FROM notes n WHERE n.case_id = ${caseId}) AS notes,
  (SELECT coalesce(json_agg(a ORDER BY a.created_at, a.id), '[]')
     FROM actions a WHERE a.case_id = ${caseId}) AS actions,
  (SELECT coalesce(json_agg(d ORDER BY d.created_at, d.id), '[]')
     FROM external_disputes d WHERE d.case_id = ${caseId}) AS disputes,
  (SELECT coalesce(json_agg(e ORDER BY e.seq), '[]')
     FROM events e WHERE e.case_id = ${caseId}) AS events`;
const PARTS_SQL = `SELECT ${partsOf('$1')}`;
// The same parts for many cases at once, a row each (the chaos trials' check reads these).
const MANY_PARTS_SQL = `SELECT k.id AS case_id, ${partsOf('k.id')}
  FROM unnest($1::uuid[]) AS k(id)`;

type Rows<F extends (r: never) => unknown> = Parameters<F>[0][];

export interface CaseParts {
  messages: Message[];
  notes: Note[];
  actions: Action[];
  externalDisputes: ExternalDispute[];
  events: CaseEvent[];
}

interface PartsRow {
  messages: Rows<typeof toMessage>;
  notes: Rows<typeof toNote>;
  actions: Rows<typeof toAction>;
  disputes: Rows<typeof toDispute>;
  events: Rows<typeof toEvent>;
}

const toParts = (r: PartsRow): CaseParts => ({
  messages: r.messages.map(toMessage),
  notes: r.notes.map(toNote),
  actions: r.actions.map(toAction),
  externalDisputes: r.disputes.map(toDispute),
  events: r.events.map(toEvent),
});

/** Everything on a case — messages, notes, actions, disputes, audit events — in one statement. */
export async function readCaseParts(db: Queryable, caseId: string): Promise<CaseParts> {
  const res = await db.query<PartsRow>(PARTS_SQL, [caseId]);
  return toParts(res.rows[0]!);
}

/** Everything on each of these cases, in one statement, by case id. */
export async function readManyCaseParts(
  db: Queryable,
  caseIds: readonly string[],
): Promise<Map<string, CaseParts>> {
  const res = await db.query<PartsRow & { case_id: string }>(MANY_PARTS_SQL, [caseIds]);
  return new Map(res.rows.map((r) => [r.case_id, toParts(r)]));
}

/** A case in a party's history: few columns, as the context panel lists them. */
export interface HistoryRow {
  id: string;
  reference: string;
  status: 'open' | 'waiting' | 'resolved';
  topic: string;
  language: string;
  assignee_id: string | null;
  created_at: string;
  resolution_summary: string | null;
}

// The buyer's and the seller's latest cases, each one range of its own index read in order
// (migration 0040) and stopped after HISTORY_ROWS; the seller's used to be found by probing
// the order of every case, newest first, until enough were the seller's.
export const HISTORY_ROWS = 200;
const HISTORY_COLUMNS = `c.id, c.reference, c.status, c.topic, c.language, c.assignee_id,
       c.created_at, c.resolution_summary`;
export const CONTEXT_SQL = `
WITH buyer AS (
  SELECT ${HISTORY_COLUMNS} FROM cases c
   WHERE c.buyer_id = $1 AND c.id <> $3
   ORDER BY c.created_at DESC, c.id DESC LIMIT ${HISTORY_ROWS}
), seller AS (
  SELECT ${HISTORY_COLUMNS} FROM cases c
   WHERE c.seller_id = $2 AND c.id <> $3
   ORDER BY c.created_at DESC, c.id DESC LIMIT ${HISTORY_ROWS}
)
SELECT
  (SELECT coalesce(json_agg(b ORDER BY b.created_at DESC, b.id DESC), '[]') FROM buyer b)
    AS buyer_cases,
  -- Exact totals over every other case of each party, however many: one grouped count.
  (SELECT coalesce(json_object_agg(t.topic, json_build_array(t.n, t.open)), '{}')
     FROM (SELECT topic, count(*) AS n, count(*) FILTER (WHERE status <> 'resolved') AS open
             FROM cases WHERE buyer_id = $1 AND id <> $3 GROUP BY topic) t) AS buyer_totals,
  (SELECT coalesce(json_object_agg(t.topic, json_build_array(t.n, t.open)), '{}')
     FROM (SELECT topic, count(*) AS n, count(*) FILTER (WHERE status <> 'resolved') AS open
             FROM cases WHERE seller_id = $2 AND id <> $3 GROUP BY topic) t) AS seller_totals,
  (SELECT coalesce(json_agg(s ORDER BY s.created_at DESC, s.id DESC), '[]') FROM seller s)
    AS seller_cases,
  (SELECT coalesce(json_agg(r ORDER BY r.created_at, r.id), '[]')
     FROM account_restrictions r
    -- In force only: ended ones are on the Account view (issue 17).
    WHERE r.ended_at IS NULL
      AND ((r.subject = 'buyer' AND r.subject_id = $1)
       OR (r.subject = 'seller' AND r.subject_id = $2))) AS restrictions`;

/** A party's other cases counted by topic: [all, open] per topic. */
export type TopicTotals = Record<string, [number, number]>;

export interface PartyRecords {
  buyerCases: HistoryRow[];
  buyerTotals: TopicTotals;
  sellerTotals: TopicTotals;
  /** Empty for a case without an order. */
  sellerCases: HistoryRow[];
  buyerRestrictions: AccountRestriction[];
  sellerRestrictions: AccountRestriction[];
}

/** The buyer's and seller's latest other cases and their restrictions, in one statement. */
export async function readPartyRecords(
  db: Queryable,
  caseId: string,
  buyerId: string,
  sellerId: string | null,
): Promise<PartyRecords> {
  const res = await db.query<{
    buyer_cases: HistoryRow[];
    seller_cases: HistoryRow[];
    restrictions: Rows<typeof toRestriction>;
    buyer_totals: TopicTotals;
    seller_totals: TopicTotals;
  }>(CONTEXT_SQL, [buyerId, sellerId, caseId]);
  const r = res.rows[0]!;
  const restrictions = r.restrictions.map(toRestriction);
  return {
    buyerCases: r.buyer_cases,
    sellerCases: r.seller_cases,
    buyerTotals: r.buyer_totals,
    sellerTotals: r.seller_totals,
    buyerRestrictions: restrictions.filter((x) => x.subject === 'buyer'),
    sellerRestrictions: restrictions.filter((x) => x.subject === 'seller'),
  };
}
