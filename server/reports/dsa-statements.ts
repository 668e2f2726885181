import {
  StatementOfReasons,
  statementFromRestriction,
  type DsaStatement,
  type Restriction,
  type Topic,
} from '../../shared';
import type { Queryable } from '../db/database';
import { iso } from '../repositories/timestamps';

/** Rows per read: the export holds one page in memory, never the whole period. */
export const DSA_PAGE_SIZE = 500;

interface Row {
  id: string;
  effective_at: Date | string;
  until: Date | string | null;
  ended_at: Date | string | null;
  subject: 'buyer' | 'seller';
  restriction: Restriction;
  action_id: string;
  details: { statementOfReasons: unknown };
  topic: Topic;
  content_at: Date | string;
  personal: (string | null)[];
}

const PAGE_SQL = `
  SELECT r.id, r.created_at AS effective_at, r.until, r.ended_at, r.subject, r.restriction,
         a.id AS action_id, a.details, c.topic,
         COALESCE(o.ordered_at, c.created_at) AS content_at,
         ARRAY[b.name, b.email, b.external_id, s.name, s.email, s.external_id] AS personal
    FROM account_restrictions r
    JOIN actions a ON a.id = r.action_id
    JOIN cases c ON c.id = r.case_id
    JOIN buyers b ON b.id = c.buyer_id
    LEFT JOIN orders o ON o.id = c.order_id
    LEFT JOIN sellers s ON s.id = o.seller_id
   WHERE r.created_at >= $1 AND r.created_at < $2
     AND (r.created_at, r.id) > ($3::timestamptz, $4::uuid)
   ORDER BY r.created_at, r.id
   LIMIT ${DSA_PAGE_SIZE}`;

function statementOf(row: Row): DsaStatement {
  return statementFromRestriction({
    actionId: row.action_id,
    subject: row.subject,
    restriction: row.restriction,
    effectiveAt: iso(row.effective_at),
    until: row.until && iso(row.until),
    endedAt: row.ended_at && iso(row.ended_at),
    // Stored as validated when proposed; parsing again keeps a hand-edited row from
    // exporting something the schema would not take.
    statementOfReasons: StatementOfReasons.parse(row.details.statementOfReasons),
    topic: row.topic,
    contentAt: iso(row.content_at),
    personalData: row.personal.filter((p): p is string => p !== null),
  });
}

/**
 * Every restriction that took effect in [from, to), oldest first, as statements of the DSA
 * Transparency Database API, one page of rows at a time (keyset, so a page never skips or
 * repeats a row however large the period).
 */
export async function* dsaStatements(
  db: Queryable,
  from: string,
  to: string,
): AsyncGenerator<DsaStatement> {
  let after = { at: new Date(0).toISOString(), id: '00000000-0000-0000-0000-000000000000' };
  for (;;) {
    const page = await db.query<Row>(PAGE_SQL, [from, to, after.at, after.id]);
    for (const row of page.rows) yield statementOf(row);
    if (page.rows.length < DSA_PAGE_SIZE) return;
    const last = page.rows[page.rows.length - 1]!;
    after = { at: iso(last.effective_at), id: last.id };
  }
}

/** The same, as newline-delimited JSON lines (application/x-ndjson). */
export async function* dsaStatementLines(
  db: Queryable,
  from: string,
  to: string,
): AsyncGenerator<string> {
  for await (const s of dsaStatements(db, from, to)) yield `${JSON.stringify(s)}\n`;
}
