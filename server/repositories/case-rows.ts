import type { Case, Currency, Language } from '../../shared';
import type { Queryable } from '../db/database';
import { iso, isoOrNull, isUuid } from './timestamps';

/** The columns of a case row; the aliases c, b, o, s are the case, buyer, order, seller. */
export const CASE_COLUMNS = `
SELECT c.id, c.reference, c.status, c.topic, c.channel, c.language, c.priority, c.assignee_id,
       c.question, c.ai_answer, c.contacted_seller_first, c.seller_reply, c.external_dispute,
       c.version, c.created_at, c.updated_at, c.first_response_due_at, c.resolution_due_at,
       c.first_responded_at, c.resolved_at, c.resolution_summary, c.clock_paused_at,
       c.seller_answer_due_at,
       c.complaint_of,
       b.id AS b_id, b.external_id AS b_external_id, b.name AS b_name, b.email AS b_email,
       b.language AS b_language, b.country AS b_country, b.buyer_since AS b_buyer_since,
       o.id AS o_id, o.external_id AS o_external_id, o.lot_id, o.lot_title, o.category,
       o.currency, o.amount_paid_minor, o.fees_minor, o.fees_currency, o.shipping_status,
       o.ordered_at, o.shipped_at, o.delivered_at, o.tracking_number, o.payout_status,
       o.status AS o_status, o.refunded_minor, o.reserved_minor,
       s.id AS s_id, s.external_id AS s_external_id, s.name AS s_name, s.country AS s_country,
       s.rating::float8 AS s_rating, s.email AS s_email, s.language AS s_language`;

/** One SELECT for the case with its buyer, order and seller, shared by reads and lists. */
export const CASE_SELECT = `
${CASE_COLUMNS}
  FROM cases c
  JOIN buyers b ON b.id = c.buyer_id
  LEFT JOIN orders o ON o.id = c.order_id
  LEFT JOIN sellers s ON s.id = o.seller_id`;

export interface CaseRow {
  id: string;
  reference: string;
  status: Case['status'];
  topic: Case['topic'];
  channel: Case['channel'];
  language: Language;
  priority: Case['priority'];
  assignee_id: string | null;
  question: string;
  ai_answer: Case['aiAnswer'];
  contacted_seller_first: boolean;
  seller_reply: string | null;
  external_dispute: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  first_response_due_at: Date;
  resolution_due_at: Date;
  first_responded_at: Date | null;
  resolved_at: Date | null;
  resolution_summary: string | null;
  clock_paused_at: Date | null;
  seller_answer_due_at: Date | null;
  complaint_of?: string | null;
  b_id: string;
  b_external_id: string;
  b_name: string;
  b_email: string;
  b_language: Language;
  b_country: string;
  b_buyer_since: Date | null;
  o_id: string | null;
  o_external_id: string;
  lot_id: string;
  lot_title: string;
  category: string;
  currency: Currency;
  amount_paid_minor: number;
  fees_minor: number | null;
  fees_currency: Currency | null;
  shipping_status: 'not_shipped' | 'shipped' | 'delivered';
  ordered_at: Date;
  shipped_at: Date | null;
  delivered_at: Date | null;
  tracking_number: string | null;
  payout_status: 'held' | 'released' | null;
  o_status: 'active' | 'cancelled';
  refunded_minor: number;
  reserved_minor: number;
  s_id: string;
  s_external_id: string;
  s_name: string;
  s_country: string;
  s_rating: number | null;
  s_email: string | null;
  s_language: Language | null;
}

export function toCase(r: CaseRow): Case {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    topic: r.topic,
    channel: r.channel,
    language: r.language,
    priority: r.priority,
    assigneeId: r.assignee_id,
    buyer: {
      id: r.b_id,
      externalId: r.b_external_id,
      name: r.b_name,
      email: r.b_email,
      language: r.b_language,
      country: r.b_country,
      buyerSince: isoOrNull(r.b_buyer_since),
    },
    order: r.o_id
      ? {
          id: r.o_id,
          externalId: r.o_external_id,
          lotId: r.lot_id,
          lotTitle: r.lot_title,
          category: r.category,
          amountPaid: { amount: r.amount_paid_minor, currency: r.currency },
          fees:
            r.fees_minor !== null && r.fees_currency
              ? { amount: r.fees_minor, currency: r.fees_currency }
              : null,
          shippingStatus: r.shipping_status,
          orderedAt: iso(r.ordered_at),
          shippedAt: isoOrNull(r.shipped_at),
          deliveredAt: isoOrNull(r.delivered_at),
          trackingNumber: r.tracking_number,
          payoutStatus: r.payout_status,
          status: r.o_status,
          refundedAmount: { amount: r.refunded_minor, currency: r.currency },
          refundable: {
            amount: r.amount_paid_minor - r.refunded_minor - r.reserved_minor,
            currency: r.currency,
          },
          seller: {
            id: r.s_id,
            externalId: r.s_external_id,
            name: r.s_name,
            country: r.s_country,
            rating: r.s_rating,
            email: r.s_email ?? null,
            language: r.s_language ?? null,
          },
        }
      : null,
    question: r.question,
    aiAnswer: r.ai_answer,
    contactedSellerFirst: r.contacted_seller_first,
    sellerReply: r.seller_reply,
    externalDispute: r.external_dispute,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    firstResponseDueAt: iso(r.first_response_due_at),
    resolutionDueAt: iso(r.resolution_due_at),
    firstRespondedAt: isoOrNull(r.first_responded_at),
    resolvedAt: isoOrNull(r.resolved_at),
    resolutionSummary: r.resolution_summary,
    clockPausedAt: isoOrNull(r.clock_paused_at),
    sellerAnswerDueAt: isoOrNull(r.seller_answer_due_at),
    // Only on complaint cases, so every other case reads exactly as before.
    ...(r.complaint_of ? { complaintOf: r.complaint_of } : {}),
  };
}

export async function findCase(db: Queryable, id: string): Promise<Case | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [id]);
  return res.rows[0] ? toCase(res.rows[0]) : null;
}
