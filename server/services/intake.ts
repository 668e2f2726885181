import { randomUUID } from 'node:crypto';
import {
  DomainError,
  channelSupportsLanguage,
  rankedPriority,
  slaDueDates,
  type Case,
  type IntakeRequest,
} from '../../shared';
import type { Queryable } from '../db/database';
import { enqueueIntegrationEvent } from '../integration/outbox';
import { CASE_COLUMNS, findCase, toCase, type CaseRow } from '../repositories/case-rows';
import { routeNewCase } from './auto-assign';
import {
  orderPartyMismatchError,
  prepareKnownParties,
  recordKnownPartyChanges,
} from './intake-known-parties';

/**
 * Opens a case from a help-center escalation: buyer, seller and order are upserted by
 * external id. What it changes on ones Casedesk already holds follows the rules of
 * shared/intake-facts.ts and is an event on every case that shows them.
 */
export async function openCaseFromIntake(
  tx: Queryable,
  req: IntakeRequest,
  now: Date,
): Promise<Case> {
  if (!channelSupportsLanguage(req.channel, req.language)) {
    throw new DomainError(
      'channel_language_unsupported',
      `There is no ${req.channel} support in ${req.language}.`,
      { channel: req.channel, language: req.language },
    );
  }
  const known = await prepareKnownParties(tx, req);
  const o = req.order;
  const id = randomUUID();
  const due = slaDueDates(now, req.channel, req.language);
  // The reporting window ranks the queue: a claim late for its window, or "not arrived"
  // before the check is due, starts one step lower (shared/reporting-window.ts).
  const priority = rankedPriority(
    {
      topic: req.topic,
      createdAt: now.toISOString(),
      order: o ? { shippedAt: o.shippedAt ?? null, deliveredAt: o.deliveredAt ?? null } : null,
    },
    req.channel,
  );
  const searchText = [req.buyer.name, req.buyer.email, o?.lotTitle ?? ''].join(' ').toLowerCase();
  // One statement, so one round trip: on this kind of machine round trips, not SQL, cost most.
  // What was paid, refunded or cancelled is ours to keep: a later escalation about the
  // same order only adds facts (mergeOrder's rules, repeated here for an order that
  // appears between prepareKnownParties and this statement). An order of another buyer
  // or seller gets no case, and the caller rolls the whole statement back.
  const res = await tx.query<CaseRow>(
    `WITH b AS (
       INSERT INTO buyers (id, external_id, name, email, language, country, buyer_since, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
         language = EXCLUDED.language, country = EXCLUDED.country,
         buyer_since = COALESCE(buyers.buyer_since, EXCLUDED.buyer_since), updated_at = EXCLUDED.updated_at
       RETURNING *
     ), s AS (
       INSERT INTO sellers (id, external_id, name, country, rating, email, language, created_at, updated_at)
       SELECT $9, $10, $11, $12, $13, $44, $45, $8, $8 WHERE $14::boolean
       ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country,
         rating = COALESCE(EXCLUDED.rating, sellers.rating),
         email = COALESCE(EXCLUDED.email, sellers.email),
         language = COALESCE(EXCLUDED.language, sellers.language), updated_at = EXCLUDED.updated_at
       RETURNING *
     ), o AS (
       INSERT INTO orders (id, external_id, buyer_id, seller_id, lot_id, lot_title, category, currency,
         amount_paid_minor, fees_minor, fees_currency, shipping_status, ordered_at, shipped_at,
         delivered_at, tracking_number, payout_status, created_at, updated_at)
       SELECT $15, $16, b.id, s.id, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $8, $8
         FROM b, s
       ON CONFLICT (external_id) DO UPDATE SET
         shipping_status = CASE WHEN orders.status = 'active'
             AND array_position(ARRAY['not_shipped', 'shipped', 'delivered'], EXCLUDED.shipping_status)
               > array_position(ARRAY['not_shipped', 'shipped', 'delivered'], orders.shipping_status)
           THEN EXCLUDED.shipping_status ELSE orders.shipping_status END,
         shipped_at = COALESCE(orders.shipped_at, EXCLUDED.shipped_at),
         delivered_at = COALESCE(orders.delivered_at, EXCLUDED.delivered_at),
         tracking_number = COALESCE(orders.tracking_number, NULLIF(EXCLUDED.tracking_number, '')),
         payout_status = CASE WHEN orders.payout_status IS NULL
             OR (orders.payout_status = 'held' AND EXCLUDED.payout_status = 'released')
           THEN COALESCE(EXCLUDED.payout_status, orders.payout_status) ELSE orders.payout_status END,
         updated_at = EXCLUDED.updated_at
       RETURNING *
     ), ref AS (
       SELECT 'CD-' || nextval('case_reference_seq') AS reference
     ), c AS (
       INSERT INTO cases (id, reference, status, topic, channel, language, priority, buyer_id, order_id,
         question, ai_answer, contacted_seller_first, seller_reply, created_at, updated_at,
         first_response_due_at, resolution_due_at, search_text)
       SELECT $30, ref.reference, 'new', $31, $32, $33, $34, b.id, (SELECT id FROM o), $35, $36, $37, $38,
              $8, $8, $39, $40, lower(ref.reference) || ' ' || $41
         FROM b, ref
        WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.buyer_id <> b.id OR o.seller_id <> (SELECT id FROM s))
       RETURNING *
     ), e AS (
       INSERT INTO events (id, case_id, type, actor_id, at, data)
       SELECT $42, c.id, 'case.created', NULL, $8, $43 FROM c
     )
     ${CASE_COLUMNS}
       FROM c JOIN b ON b.id = c.buyer_id LEFT JOIN o ON o.id = c.order_id LEFT JOIN s ON s.id = o.seller_id`,
    [
      randomUUID(),
      req.buyer.externalId,
      req.buyer.name,
      req.buyer.email,
      req.buyer.language,
      req.buyer.country,
      req.context?.buyerSince ?? null,
      now,
      randomUUID(),
      o?.seller.externalId ?? null,
      o?.seller.name ?? null,
      o?.seller.country ?? null,
      req.context?.sellerRating ?? null,
      o !== null,
      randomUUID(),
      o?.externalId ?? null,
      o?.lotId ?? null,
      o?.lotTitle ?? null,
      o?.category ?? null,
      o?.amountPaid.currency ?? null,
      o?.amountPaid.amount ?? null,
      req.context?.fees?.amount ?? null,
      req.context?.fees?.currency ?? null,
      o?.shippingStatus ?? null,
      o?.orderedAt ?? null,
      o?.shippedAt ?? null,
      o?.deliveredAt ?? null,
      o?.trackingNumber ?? null,
      req.context?.payoutStatus ?? null,
      id,
      req.topic,
      req.channel,
      req.language,
      priority,
      req.question,
      JSON.stringify(req.aiAnswer),
      req.contactedSellerFirst,
      req.sellerReply ?? null,
      due.firstResponseDueAt,
      due.resolutionDueAt,
      searchText,
      randomUUID(),
      JSON.stringify({
        status: 'new',
        channel: req.channel,
        language: req.language,
        topic: req.topic,
        priority,
      }),
      o?.seller.email ?? null,
      o?.seller.language ?? null,
    ],
  );
  if (res.rows.length === 0) throw orderPartyMismatchError(null);
  let created = toCase(res.rows[0]!);
  await recordKnownPartyChanges(tx, req, known, now);
  // Last, so the routing lock is held only from choosing to commit (auto-assign.ts).
  if (await routeNewCase(tx, { ...created, buyerId: created.buyer.id }, now)) {
    created = (await findCase(tx, created.id))!;
  }
  await enqueueIntegrationEvent(tx, {
    type: 'case.created',
    caseId: created.id,
    at: now,
    data: { status: created.status, priority: created.priority },
  });
  return created;
}
