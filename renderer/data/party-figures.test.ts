import { describe, expect, it } from 'vitest';
import { CaseContextRead, figuresFromService, othersThan, partyKey } from './party-figures';

const served = CaseContextRead.parse({
  case: { id: 'c1', status: 'open', topic: 'counterfeit_suspected', reference: 'CD-1' },
  context: {
    buyerCases: { total: 3, open: 1, byTopic: { not_as_described: 3 }, cases: [] },
    sellerCases: {
      total: 18,
      open: 4,
      byTopic: { counterfeit_suspected: 12, general_question: 6 },
    },
    buyerRestrictions: [],
  },
  messages: [],
});
const at = new Date('2026-12-02T10:00:00Z');

describe('party figures from the service', () => {
  it('keeps each party’s whole standing, the case it came with included', () => {
    const [buyer, seller] = figuresFromService(served, { buyerId: 'b1', sellerId: 's1' }, at);
    expect(buyer).toEqual({
      key: partyKey('buyer', 'b1'),
      total: 4,
      open: 2,
      byTopic: { not_as_described: 3, counterfeit_suspected: 1 },
      at: '2026-12-02T10:00:00.000Z',
    });
    expect(seller).toMatchObject({ total: 19, open: 5, byTopic: { counterfeit_suspected: 13 } });
  });

  it('shows another case of the same party its others, without itself', () => {
    const [, seller] = figuresFromService(served, { buyerId: 'b1', sellerId: 's1' }, at);
    const fromResolved = othersThan(seller!, { status: 'resolved', topic: 'general_question' });
    expect(fromResolved.total).toBe(18);
    expect(fromResolved.open).toBe(5);
    expect(fromResolved.topic('counterfeit_suspected')).toBe(13);
    expect(fromResolved.topic('general_question')).toBe(5);
    const fromItself = othersThan(seller!, { status: 'open', topic: 'counterfeit_suspected' });
    expect([fromItself.total, fromItself.open, fromItself.topic('counterfeit_suspected')]).toEqual([
      18, 4, 12,
    ]);
  });

  it('keeps no seller figures for a case without a seller', () => {
    const noSeller = { ...served, context: { ...served.context, sellerCases: null } };
    expect(figuresFromService(noSeller, { buyerId: 'b1' }, at)).toHaveLength(1);
  });

  it('refuses an answer without totals rather than showing made-up ones', () => {
    expect(
      CaseContextRead.safeParse({ case: served.case, context: { buyerCases: { total: 2 } } })
        .success,
    ).toBe(false);
  });
});
