import { describe, expect, it } from 'vitest';
import { orderPartyMismatch } from './intake-facts';

const known = { buyerExternalId: 'buyer-1', sellerExternalId: 'seller-1' };
const req = (buyer: string, seller: string) => ({
  buyer: { externalId: buyer },
  order: { seller: { externalId: seller } },
});

describe('orderPartyMismatch', () => {
  it('finds nothing wrong when an escalation names the order’s own buyer and seller', () => {
    expect(orderPartyMismatch(known, req('buyer-1', 'seller-1') as never)).toBeNull();
  });

  it('names the buyer when another buyer claims a known order', () => {
    expect(orderPartyMismatch(known, req('buyer-2', 'seller-1') as never)).toBe('buyer');
  });

  it('names the seller when a known order arrives with another seller', () => {
    expect(orderPartyMismatch(known, req('buyer-1', 'seller-2') as never)).toBe('seller');
  });

  it('names the buyer first when both differ', () => {
    expect(orderPartyMismatch(known, req('buyer-2', 'seller-2') as never)).toBe('buyer');
  });

  it('has nothing to compare for an escalation without an order', () => {
    expect(orderPartyMismatch(known, { buyer: { externalId: 'buyer-2' } } as never)).toBeNull();
  });
});
