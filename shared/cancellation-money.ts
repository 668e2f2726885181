import { formatMoney, type Balance } from './money';
import type { Order } from './schemas/case';

/**
 * What cancelling an order does to the buyer's money. The service cancels an order and
 * nothing else: a cancellation never refunds by itself. So the agent is told, before
 * confirming, where the money is and what would still have to be refunded.
 */
export type CancellationMoney =
  /** Nothing left to refund: it was refunded already (or is waiting for approval). */
  | { kind: 'nothing_left'; refunded: Balance }
  /** The marketplace still holds the payment; the seller's payout stays on hold. */
  | { kind: 'held'; refundable: Balance }
  /** The seller was paid out: a refund comes from the marketplace and is recovered later. */
  | { kind: 'paid_out'; refundable: Balance }
  /** The payout state is not known to Casedesk. */
  | { kind: 'unknown_payout'; refundable: Balance };

export function cancellationMoney(
  order: Pick<Order, 'refundable' | 'refundedAmount' | 'payoutStatus'>,
): CancellationMoney {
  if (order.refundable.amount === 0)
    return { kind: 'nothing_left', refunded: order.refundedAmount };
  const refundable = order.refundable;
  if (order.payoutStatus === 'held') return { kind: 'held', refundable };
  if (order.payoutStatus === 'released') return { kind: 'paid_out', refundable };
  return { kind: 'unknown_payout', refundable };
}

/** The sentence the cancel form shows: where the money is, and that no refund follows by itself. */
export function cancellationMoneyText(m: CancellationMoney, locale = 'en'): string {
  switch (m.kind) {
    case 'nothing_left':
      return m.refunded.amount > 0
        ? `No money moves: the buyer has already been refunded ${formatMoney(m.refunded, locale)}, and nothing more can be refunded.`
        : 'No money moves: nothing can be refunded on this order (a refund may be waiting for approval).';
    case 'held':
      return `Cancelling does not refund the buyer. The marketplace still holds the buyer’s payment of ${formatMoney(m.refundable, locale)} and the seller has not been paid out.`;
    case 'paid_out':
      return `Cancelling does not refund the buyer. The seller has already been paid out, so a refund of ${formatMoney(m.refundable, locale)} comes from the marketplace and must be recovered from the seller.`;
    case 'unknown_payout':
      return `Cancelling does not refund the buyer: ${formatMoney(m.refundable, locale)} can still be refunded.`;
  }
}
