import type { IntakeRequest } from './schemas/intake';

/**
 * What a later escalation may change on a buyer, seller or order Casedesk already holds
 * (issue 10, defect 12). The help center sends a snapshot of the marketplace as it saw it,
 * possibly older than what Casedesk has since learned or decided, so:
 * - the buyer's and seller's contact facts are theirs to update (each change recorded);
 * - an order's shipping only moves forward, and not at all once the order is cancelled;
 * - dates and tracking are added where missing, never rewritten; a payout only goes from
 *   held to released;
 * - what Casedesk owns (the amount paid, refunds, cancellation, the buyer it belongs to)
 *   is never touched by intake;
 * - an order's buyer and seller are who the order is between: an escalation naming another
 *   one for a known order is refused whole (422 `order_buyer_mismatch`, the contract's code
 *   for an order that names other parties than Casedesk holds), never half-stored.
 */

export interface KnownBuyer {
  name: string;
  email: string;
  language: string;
  country: string;
  buyerSince: string | null;
}

export interface KnownSeller {
  name: string;
  country: string;
  rating: number | null;
  email: string | null;
  language: string | null;
}

export interface KnownOrder {
  buyerExternalId: string;
  sellerExternalId: string;
  status: 'active' | 'cancelled';
  shippingStatus: 'not_shipped' | 'shipped' | 'delivered';
  shippedAt: string | null;
  deliveredAt: string | null;
  trackingNumber: string | null;
  payoutStatus: 'held' | 'released' | null;
}

export type FactChanges = Record<string, { from: unknown; to: unknown }>;

export interface Merged<T> {
  next: T;
  changes: FactChanges;
}

const SHIPPING_RANK = { not_shipped: 0, shipped: 1, delivered: 2 } as const;

function diff<T extends object>(before: T, next: T): FactChanges {
  const changes: FactChanges = {};
  for (const k of Object.keys(next) as (keyof T & string)[]) {
    if (next[k] !== before[k]) changes[k] = { from: before[k], to: next[k] };
  }
  return changes;
}

const iso = (t: string | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

export function mergeBuyer(known: KnownBuyer, req: IntakeRequest): Merged<KnownBuyer> {
  const since = iso(req.context?.buyerSince);
  const next: KnownBuyer = {
    name: req.buyer.name,
    email: req.buyer.email,
    language: req.buyer.language,
    country: req.buyer.country,
    buyerSince: known.buyerSince ?? since ?? null,
  };
  return { next, changes: diff(known, next) };
}

export function mergeSeller(
  known: KnownSeller,
  seller: NonNullable<IntakeRequest['order']>['seller'],
  rating: number | undefined,
): Merged<KnownSeller> {
  const next: KnownSeller = {
    name: seller.name,
    country: seller.country,
    rating: rating ?? known.rating,
    email: seller.email ?? known.email,
    language: seller.language ?? known.language,
  };
  return { next, changes: diff(known, next) };
}

export function mergeOrder(
  known: KnownOrder,
  order: NonNullable<IntakeRequest['order']>,
  payoutStatus: 'held' | 'released' | undefined,
): Merged<Omit<KnownOrder, 'buyerExternalId' | 'sellerExternalId' | 'status'>> {
  const before = {
    shippingStatus: known.shippingStatus,
    shippedAt: known.shippedAt,
    deliveredAt: known.deliveredAt,
    trackingNumber: known.trackingNumber,
    payoutStatus: known.payoutStatus,
  };
  const forward =
    known.status === 'active' &&
    SHIPPING_RANK[order.shippingStatus] > SHIPPING_RANK[known.shippingStatus];
  const next = {
    shippingStatus: forward ? order.shippingStatus : known.shippingStatus,
    shippedAt: known.shippedAt ?? iso(order.shippedAt) ?? null,
    deliveredAt: known.deliveredAt ?? iso(order.deliveredAt) ?? null,
    trackingNumber: known.trackingNumber ?? (order.trackingNumber || null),
    payoutStatus:
      known.payoutStatus === null || (known.payoutStatus === 'held' && payoutStatus === 'released')
        ? (payoutStatus ?? known.payoutStatus)
        : known.payoutStatus,
  };
  return { next, changes: diff(before, next) };
}

/**
 * Which party of a known order an escalation names differently (the buyer first), or null
 * when it names the same buyer and seller. Either refuses the escalation.
 */
export function orderPartyMismatch(
  known: Pick<KnownOrder, 'buyerExternalId' | 'sellerExternalId'>,
  req: Pick<IntakeRequest, 'buyer' | 'order'>,
): 'buyer' | 'seller' | null {
  if (!req.order) return null;
  if (known.buyerExternalId !== req.buyer.externalId) return 'buyer';
  if (known.sellerExternalId !== req.order.seller.externalId) return 'seller';
  return null;
}
