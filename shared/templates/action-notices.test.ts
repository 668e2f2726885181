import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../languages';
import { NOTICE_TEXTS, type NoticeKind } from './action-notice-texts';
import { actionNoticeText, noticeKinds, noticeParties } from './action-notices';

const values = {
  buyerName: 'Eva Braun',
  sellerName: 'Galerie Noord',
  reference: 'CD-100042',
  lotTitle: 'Art Deco lamp',
  agentName: 'Ana de Vries',
  amount: { amount: 40_50, currency: 'EUR' as const },
  restriction: 'block_selling' as const,
  until: '2027-03-01T00:00:00Z',
  statementOfReasons: {
    facts: 'Three counterfeit watches were sold.',
    ground: 'Terms of use, section 7.',
    groundType: 'contractual' as const,
    automated: false,
    redress: 'Reply to this message to contest the decision.',
  },
};

describe('action notices', () => {
  it('tell the buyer and the seller of a refund, with the full-refund text when it pays back everything', () => {
    expect(noticeKinds({ type: 'refund', full: true })).toEqual({
      buyer: 'refund_full',
      seller: 'refund_seller',
    });
    expect(noticeKinds({ type: 'refund' }).buyer).toBe('refund_partial');
  });

  it('tell both sides of a cancellation', () => {
    expect(noticeParties({ type: 'cancel_order' })).toEqual(['buyer', 'seller']);
  });

  it('tell a restricted buyer, and not their seller', () => {
    expect(noticeKinds({ type: 'restrict_account', subject: 'buyer' })).toEqual({
      buyer: 'restriction_subject',
    });
  });

  it('tell a restricted seller the reasons and the reporting buyer only that it was acted on', () => {
    expect(noticeKinds({ type: 'restrict_account', subject: 'seller' })).toEqual({
      buyer: 'restriction_reporter',
      seller: 'restriction_subject',
    });
  });

  it('tell nobody of a law-enforcement referral', () => {
    expect(noticeParties({ type: 'law_enforcement_referral' })).toEqual([]);
  });

  it('exist in every supported language with every placeholder filled', () => {
    for (const kind of Object.keys(NOTICE_TEXTS) as NoticeKind[]) {
      for (const language of LANGUAGES) {
        for (const to of ['buyer', 'seller'] as const) {
          const text = actionNoticeText(kind, to, language, values);
          expect(text, `${kind} ${language}`).not.toMatch(/\{\w+\}/);
          expect(text).toContain('CD-100042');
          expect(text).toContain('Ana de Vries');
        }
      }
    }
  });

  it('write the amount, the measure and its end in the reader’s language', () => {
    const de = actionNoticeText('refund_partial', 'buyer', 'de', values);
    expect(de).toMatch(/^Sehr geehrte\/r Eva Braun,\n\nwir haben Ihnen 40,50\s€/);
    const nl = actionNoticeText('restriction_subject', 'seller', 'nl', values);
    expect(nl).toContain('verkopen is geblokkeerd, tot 1 maart 2027');
    expect(nl).toContain('Three counterfeit watches were sold.\n\nTerms of use, section 7.');
    expect(nl).toContain('Reply to this message to contest the decision.');
    const en = actionNoticeText('restriction_subject', 'buyer', 'en', { ...values, until: null });
    expect(en).toContain('selling is blocked, until further notice');
  });

  it('leave a value not given yet visible for the agent to fill', () => {
    const text = actionNoticeText('refund_full', 'buyer', 'en', { ...values, amount: undefined });
    expect(text).toContain('the full amount of {amount}');
  });

  it('keep the reporting buyer’s notice free of the measure', () => {
    for (const language of LANGUAGES) {
      const text = actionNoticeText('restriction_reporter', 'buyer', language, values);
      expect(text).not.toContain('Three counterfeit watches');
      expect(text).not.toMatch(/blocked|geblokkeerd|gesperrt|bloccat|bloqu|zablokowan/);
    }
  });
});
