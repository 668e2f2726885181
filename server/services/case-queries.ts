import {
  UtcTimestamp,
  timeProblem,
  DomainError,
  canSeeCase,
  seesAllCases,
  worksCases,
  type Actor,
  type Case,
  type CaseListQuery,
} from '../../shared';
import type { Queryable } from '../db/database';
import { CASE_SELECT, findCase, toCase, type CaseRow } from '../repositories/case-rows';
import {
  readCaseParts,
  readPartyRecords,
  type HistoryRow,
  type TopicTotals,
} from '../repositories/case-detail-parts';
import { iso, isUuid } from '../repositories/timestamps';
import { notFound } from './case-access';

/** A case with everything on it and around it: three statements, the case's first. */
export async function getCaseDetail(db: Queryable, actor: Actor, caseId: string) {
  const c = await findCase(db, caseId);
  if (!c || !canSeeCase(actor, c)) throw notFound();
  const [parts, context] = await Promise.all([readCaseParts(db, c.id), caseContext(db, actor, c)]);
  return { case: c, ...parts, context };
}

/**
 * What an agent needs around a case: the buyer's and the seller's other cases and the
 * restrictions in force. The totals count every other case of each party, whether or not
 * the agent may open them, so the weight of history shows without anything leaking but
 * counts; the latest cases themselves are listed only where the agent may see them.
 */
async function caseContext(db: Queryable, actor: Actor, c: Case) {
  const sellerId = c.order?.seller.id ?? null;
  const party = await readPartyRecords(db, c.id, c.buyer.id, sellerId);
  const history = (rows: HistoryRow[], totals: TopicTotals) => ({
    total: Object.values(totals).reduce((n, [all]) => n + all, 0),
    open: Object.values(totals).reduce((n, [, open]) => n + open, 0),
    byTopic: Object.fromEntries(Object.entries(totals).map(([topic, [all]]) => [topic, all])),
    cases: rows
      .filter((r) =>
        canSeeCase(actor, { language: r.language as Case['language'], assigneeId: r.assignee_id }),
      )
      .slice(0, 50)
      .map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status,
        topic: r.topic as Case['topic'],
        createdAt: iso(r.created_at),
        resolutionSummary: r.resolution_summary,
      })),
  });
  return {
    buyerCases: history(party.buyerCases, party.buyerTotals),
    sellerCases: sellerId ? history(party.sellerCases, party.sellerTotals) : null,
    buyerRestrictions: party.buyerRestrictions,
    sellerRestrictions: party.sellerRestrictions,
  };
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      typeof v[0] === 'string' &&
      // Only the form we hand out: JavaScript reads times PostgreSQL refuses (e.g. '1').
      UtcTimestamp.safeParse(v[0]).success &&
      timeProblem(v[0]) === null &&
      typeof v[1] === 'string' &&
      isUuid(v[1])
    ) {
      return [v[0], v[1]];
    }
  } catch {
    // fall through
  }
  throw new DomainError('validation_failed', 'The cursor is not one this service gave out.', {
    fields: [{ path: 'cursor', message: 'unknown cursor' }],
  });
}

const encodeCursor = (row: CaseRow) =>
  Buffer.from(JSON.stringify([iso(row.created_at), row.id])).toString('base64url');

/** The visible cases, newest first, filtered; keyset-paged so deep pages stay cheap. */
export async function listCases(db: Queryable, actor: Actor, q: CaseListQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // An admin without another role sees no cases at all.
  if (!worksCases(actor)) where.push('FALSE');
  else if (!seesAllCases(actor))
    where.push(`(c.language = ANY (${p(actor.languages)}) OR c.assignee_id = ${p(actor.id)})`);
  if (q.reference) where.push(`c.reference = ${p(q.reference.toUpperCase())}`);
  if (q.q)
    where.push(`c.search_text LIKE ${p(`%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`)}`);
  if (q.status) where.push(`c.status = ANY (${p(q.status)})`);
  if (q.language) where.push(`c.language = ${p(q.language)}`);
  if (q.channel) where.push(`c.channel = ${p(q.channel)}`);
  if (q.topic) where.push(`c.topic = ${p(q.topic)}`);
  if (q.priority) where.push(`c.priority = ${p(q.priority)}`);
  if (q.assigneeId === 'none') where.push('c.assignee_id IS NULL');
  else if (q.assigneeId) where.push(`c.assignee_id::text = ${p(q.assigneeId)}`);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor);
    where.push(`(c.created_at, c.id) < (${p(at)}::timestamptz, ${p(id)}::uuid)`);
  }
  const sql = `${CASE_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.created_at DESC, c.id DESC LIMIT ${p(q.limit + 1)}`;
  const res = await db.query<CaseRow>(sql, params);
  const rows = res.rows.slice(0, q.limit);
  const more = res.rows.length > q.limit;
  return { cases: rows.map(toCase), cursor: more ? encodeCursor(rows[rows.length - 1]!) : null };
}
