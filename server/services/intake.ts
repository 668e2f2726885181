import { randomUUID } from 'node:crypto';
import {
  DomainError,
  channelSupportsLanguage,
  initialPriority,
  slaDueDates,
  type Case,
  type IntakeRequest,
} from '../../shared';
import type { Queryable } from '../db/database';
import { findCase } from '../repositories/case-rows';
import { recordEvent } from '../repositories/case-parts';

/** Opens a case from a help-center escalation: buyer, seller and order are upserted by external id. */
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
  const buyer = await tx.query<{ id: string }>(
    `INSERT INTO buyers (id, external_id, name, email, language, country, buyer_since, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
       language = EXCLUDED.language, country = EXCLUDED.country,
       buyer_since = COALESCE(EXCLUDED.buyer_since, buyers.buyer_since), updated_at = EXCLUDED.updated_at
     RETURNING id`,
    [
      randomUUID(),
      req.buyer.externalId,
      req.buyer.name,
      req.buyer.email,
      req.buyer.language,
      req.buyer.country,
      req.context?.buyerSince ?? null,
      now,
    ],
  );
  const buyerId = buyer.rows[0]!.id;

  let orderId: string | null = null;
  if (req.order) {
    const o = req.order;
    const seller = await tx.query<{ id: string }>(
      `INSERT INTO sellers (id, external_id, name, country, rating, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country,
         rating = COALESCE(EXCLUDED.rating, sellers.rating), updated_at = EXCLUDED.updated_at
       RETURNING id`,
      [
        randomUUID(),
        o.seller.externalId,
        o.seller.name,
        o.seller.country,
        req.context?.sellerRating ?? null,
        now,
      ],
    );
    // What was paid, and what has been refunded, is ours to keep: a later escalation about
    // the same order refreshes shipping facts but never rewrites the money.
    const order = await tx.query<{ id: string }>(
      `INSERT INTO orders (id, external_id, buyer_id, seller_id, lot_id, lot_title, category, currency,
         amount_paid_minor, fees_minor, fees_currency, shipping_status, ordered_at, shipped_at,
         delivered_at, tracking_number, payout_status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
       ON CONFLICT (external_id) DO UPDATE SET shipping_status = EXCLUDED.shipping_status,
         shipped_at = COALESCE(EXCLUDED.shipped_at, orders.shipped_at),
         delivered_at = COALESCE(EXCLUDED.delivered_at, orders.delivered_at),
         tracking_number = COALESCE(EXCLUDED.tracking_number, orders.tracking_number),
         payout_status = COALESCE(EXCLUDED.payout_status, orders.payout_status),
         updated_at = EXCLUDED.updated_at
       RETURNING id`,
      [
        randomUUID(),
        o.externalId,
        buyerId,
        seller.rows[0]!.id,
        o.lotId,
        o.lotTitle,
        o.category,
        o.amountPaid.currency,
        o.amountPaid.amount,
        req.context?.fees?.amount ?? null,
        req.context?.fees?.currency ?? null,
        o.shippingStatus,
        o.orderedAt,
        o.shippedAt ?? null,
        o.deliveredAt ?? null,
        o.trackingNumber ?? null,
        req.context?.payoutStatus ?? null,
        now,
      ],
    );
    orderId = order.rows[0]!.id;
  }

  const id = randomUUID();
  const due = slaDueDates(now, req.channel);
  const priority = initialPriority(req.topic, req.channel);
  const seq = await tx.query<{ n: number }>(`SELECT nextval('case_reference_seq')::int AS n`);
  const reference = `CD-${seq.rows[0]!.n}`;
  const searchText = [reference, req.buyer.name, req.buyer.email, req.order?.lotTitle ?? '']
    .join(' ')
    .toLowerCase();
  await tx.query(
    `INSERT INTO cases (id, reference, status, topic, channel, language, priority, buyer_id, order_id,
       question, ai_answer, contacted_seller_first, seller_reply, created_at, updated_at,
       first_response_due_at, resolution_due_at, search_text)
     VALUES ($1, $2, 'new', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16)`,
    [
      id,
      reference,
      req.topic,
      req.channel,
      req.language,
      priority,
      buyerId,
      orderId,
      req.question,
      JSON.stringify(req.aiAnswer),
      req.contactedSellerFirst,
      req.sellerReply ?? null,
      now,
      due.firstResponseDueAt,
      due.resolutionDueAt,
      searchText,
    ],
  );
  await recordEvent(tx, {
    caseId: id,
    type: 'case.created',
    actorId: null,
    at: now,
    data: {
      status: 'new',
      channel: req.channel,
      language: req.language,
      topic: req.topic,
      priority,
    },
  });
  return (await findCase(tx, id))!;
}
