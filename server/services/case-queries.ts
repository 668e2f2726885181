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
  listActions,
  listDisputes,
  listEvents,
  listMessages,
  listNotes,
  listRestrictions,
} from '../repositories/case-parts';
import { iso, isUuid } from '../repositories/timestamps';
import { notFound } from './case-access';

export async function getCaseDetail(db: Queryable, actor: Actor, caseId: string) {
  const c = await findCase(db, caseId);
  if (!c || !canSeeCase(actor, c)) throw notFound();
  const [messages, notes, actions, externalDisputes, events, context] = await Promise.all([
    listMessages(db, c.id),
    listNotes(db, c.id),
    listActions(db, c.id),
    listDisputes(db, c.id),
    listEvents(db, c.id),
    caseContext(db, actor, c),
  ]);
  return { case: c, messages, notes, actions, externalDisputes, events, context };
}

interface HistoryRow {
  id: string;
  reference: string;
  status: Case['status'];
  topic: Case['topic'];
  language: Case['language'];
  assignee_id: string | null;
  created_at: Date;
  resolution_summary: string | null;
}

/**
 * What an agent needs around a case: the buyer's and the seller's other cases and the
 * restrictions in force. Other cases are listed only where the agent may see them, and
 * counted in full, so nothing leaks but the weight of history still shows.
 */
async function caseContext(db: Queryable, actor: Actor, c: Case) {
  const history = async (where: string, param: string) => {
    const res = await db.query<HistoryRow>(
      `SELECT c.id, c.reference, c.status, c.topic, c.language, c.assignee_id, c.created_at, c.resolution_summary
         FROM cases c ${where} AND c.id <> $2 ORDER BY c.created_at DESC LIMIT 200`,
      [param, c.id],
    );
    const rows = res.rows;
    return {
      total: rows.length,
      open: rows.filter((r) => r.status !== 'resolved').length,
      byTopic: rows.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.topic]: (acc[r.topic] ?? 0) + 1 }),
        {},
      ),
      cases: rows
        .filter((r) => canSeeCase(actor, { language: r.language, assigneeId: r.assignee_id }))
        .slice(0, 50)
        .map((r) => ({
          id: r.id,
          reference: r.reference,
          status: r.status,
          topic: r.topic,
          createdAt: iso(r.created_at),
          resolutionSummary: r.resolution_summary,
        })),
    };
  };
  const sellerId = c.order?.seller.id;
  const [buyerCases, sellerCases, buyerRestrictions, sellerRestrictions] = await Promise.all([
    history('WHERE c.buyer_id = $1', c.buyer.id),
    sellerId
      ? history('JOIN orders o ON o.id = c.order_id WHERE o.seller_id = $1', sellerId)
      : null,
    listRestrictions(db, 'buyer', c.buyer.id),
    sellerId ? listRestrictions(db, 'seller', sellerId) : Promise.resolve([]),
  ]);
  return { buyerCases, sellerCases, buyerRestrictions, sellerRestrictions };
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
