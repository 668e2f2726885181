import { describe, expect, it } from 'vitest';
import { cancellationMoney, cancellationMoneyText } from './cancellation-money';

const eur = (amount: number) => ({ amount, currency: 'EUR' as const });

describe('what cancelling an order does to the money', () => {
  it('says the held payment is not refunded by the cancellation', () => {
    const m = cancellationMoney({
      refundable: eur(84_00),
      refundedAmount: eur(0),
      payoutStatus: 'held',
    });
    expect(m).toEqual({ kind: 'held', refundable: eur(84_00) });
    expect(cancellationMoneyText(m)).toBe(
      'Cancelling does not refund the buyer. The marketplace still holds the buyer’s payment of €84.00 and the seller has not been paid out.',
    );
  });

  it('says a refund after a payout comes from the marketplace', () => {
    const m = cancellationMoney({
      refundable: eur(50_00),
      refundedAmount: eur(34_00),
      payoutStatus: 'released',
    });
    expect(m.kind).toBe('paid_out');
    expect(cancellationMoneyText(m)).toMatch(/already been paid out, so a refund of €50\.00/);
  });

  it('names what can still be refunded when the payout state is unknown', () => {
    const m = cancellationMoney({
      refundable: eur(12_50),
      refundedAmount: eur(0),
      payoutStatus: null,
    });
    expect(cancellationMoneyText(m)).toBe(
      'Cancelling does not refund the buyer: €12.50 can still be refunded.',
    );
  });

  it('says no money moves once everything has been refunded', () => {
    const m = cancellationMoney({
      refundable: eur(0),
      refundedAmount: eur(84_00),
      payoutStatus: 'held',
    });
    expect(m).toEqual({ kind: 'nothing_left', refunded: eur(84_00) });
    expect(cancellationMoneyText(m)).toMatch(
      /^No money moves: the buyer has already been refunded €84\.00/,
    );
  });
});
