import { describe, expect, it } from 'vitest';
import { DsaStatement } from './dsa-statement';
import { EEA_COUNTRIES } from './dsa-values';
import {
  countriesOf,
  statementFromRestriction,
  type RestrictionInEffect,
} from './statement-from-restriction';

const restriction = (over: Partial<RestrictionInEffect> = {}): RestrictionInEffect => ({
  actionId: '6f1c2a4e-0d4b-4c8e-9a55-1f0c9b1e7d21',
  subject: 'seller',
  restriction: 'block_selling',
  effectiveAt: '2026-11-20T09:30:00.000Z',
  until: '2026-12-20T09:30:00.000Z',
  statementOfReasons: {
    facts:
      'In case CD-100123, Jan de Vries (jan@example.nl, seller-77) sold a counterfeit watch; call +31 20 123 4567.',
    ground: 'Terms of use §7: counterfeit goods are prohibited.',
    groundType: 'contractual',
    automated: false,
    redress: 'Internal complaint within 6 months; out-of-court settlement; court.',
  },
  topic: 'counterfeit_suspected',
  contentAt: '2026-11-01T10:00:00.000Z',
  personalData: ['Jan de Vries', 'jan@example.nl', 'seller-77', 'Anna Buyer', 'anna@example.de'],
  ...over,
});

describe('the DSA statement of a restriction', () => {
  it('is valid under the Commission’s rules', () => {
    const s = statementFromRestriction(restriction());
    expect(DsaStatement.safeParse(s).error?.issues).toBeUndefined();
    expect(s).toMatchObject({
      decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
      end_date_service_restriction: '2026-12-20',
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: 'Terms of use §7: counterfeit goods are prohibited.',
      content_type: ['CONTENT_TYPE_PRODUCT'],
      category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      application_date: '2026-11-20',
      content_date: '2026-11-01',
      source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION',
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: 'casedesk-restriction-6f1c2a4e-0d4b-4c8e-9a55-1f0c9b1e7d21',
    });
  });

  it('names nobody: names, emails, external ids and phone numbers leave the texts', () => {
    const text = JSON.stringify(statementFromRestriction(restriction()));
    for (const personal of ['Jan de Vries', 'jan@example.nl', 'seller-77', '123 4567'])
      expect(text).not.toContain(personal);
    expect(text).toContain('CD-100123');
    expect(text).toContain('[redacted] ([redacted], [redacted]) sold');
  });

  it('maps each measure to its decision field and end date', () => {
    const of = (r: RestrictionInEffect['restriction'], until: string | null = null) =>
      statementFromRestriction(restriction({ restriction: r, until }));
    expect(of('suspend', '2027-01-05T00:00:00Z')).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      end_date_account_restriction: '2027-01-05',
    });
    expect(of('block_payouts')).toMatchObject({
      decision_monetary: 'DECISION_MONETARY_SUSPENSION',
      end_date_monetary_restriction: null,
    });
    expect(of('block_bidding').decision_provision).toBe('DECISION_PROVISION_PARTIAL_SUSPENSION');
    // The Commission takes no end after 2038-01-01.
    expect(of('suspend', '2099-01-01T00:00:00Z').end_date_account_restriction).toBeNull();
    for (const r of ['suspend', 'block_bidding', 'block_selling', 'block_payouts'] as const)
      expect(DsaStatement.safeParse(of(r)).success).toBe(true);
  });

  it('carries the day a restriction really ended, not the day it was planned to', () => {
    // Planned to 20 December, lifted on 3 December: it ended on the 3rd.
    const lifted = statementFromRestriction(
      restriction({ until: '2026-12-20T09:30:00.000Z', endedAt: '2026-12-03T15:00:00.000Z' }),
    );
    expect(lifted.end_date_service_restriction).toBe('2026-12-03');
    expect(DsaStatement.safeParse(lifted).error?.issues).toBeUndefined();
    // Indefinite, then reversed on complaint: it has an end now.
    expect(
      statementFromRestriction(
        restriction({ restriction: 'suspend', until: null, endedAt: '2027-02-01T08:00:00.000Z' }),
      ).end_date_account_restriction,
    ).toBe('2027-02-01');
    // Ended the day it took effect: the end is that day, not before it.
    expect(
      statementFromRestriction(
        restriction({ restriction: 'block_payouts', endedAt: '2026-11-20T10:00:00.000Z' }),
      ).end_date_monetary_restriction,
    ).toBe('2026-11-20');
    // Run out at its time: the planned day. Still in effect: the planned day.
    expect(
      statementFromRestriction(restriction({ endedAt: '2026-12-20T09:30:00.000Z' }))
        .end_date_service_restriction,
    ).toBe('2026-12-20');
    expect(
      statementFromRestriction(restriction({ endedAt: null })).end_date_service_restriction,
    ).toBe('2026-12-20');
  });

  it('uses the legal ground fields for a legal ground, and the new fields when given', () => {
    const s = statementFromRestriction(
      restriction({
        subject: 'buyer',
        statementOfReasons: {
          ...restriction().statementOfReasons,
          groundType: 'legal',
          ground: 'Art. 263 StGB (fraud).',
          automated: true,
          automatedDetection: true,
          category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
          countries: ['DE', 'AT', 'DE'],
          basis: 'notice',
        },
      }),
    );
    expect(DsaStatement.safeParse(s).error?.issues).toBeUndefined();
    expect(s).toMatchObject({
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: 'Art. 263 StGB (fraud).',
      content_type: ['CONTENT_TYPE_OTHER'],
      category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
      territorial_scope: ['AT', 'DE'],
      source_type: 'SOURCE_ARTICLE_16',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_PARTIALLY',
    });
    expect(s).not.toHaveProperty('incompatible_content_ground');
  });

  it('cuts texts to the Commission’s limits', () => {
    const long = 'x'.repeat(9_000);
    const s = statementFromRestriction(
      restriction({
        statementOfReasons: { ...restriction().statementOfReasons, facts: long, ground: long },
      }),
    );
    expect(s.decision_facts).toHaveLength(5_000);
    expect(s.incompatible_content_ground).toHaveLength(500);
    expect(s.incompatible_content_explanation).toHaveLength(2_000);
    expect(DsaStatement.safeParse(s).success).toBe(true);
  });
});

describe('the countries of an older restriction', () => {
  const sor = restriction().statementOfReasons;
  it('are the whole EEA when the scope is EU-wide or missing', () => {
    expect(countriesOf({ ...sor, territorialScope: 'EU' })).toEqual([...EEA_COUNTRIES]);
    expect(countriesOf({ ...sor, territorialScope: 'worldwide' })).toEqual([...EEA_COUNTRIES]);
    expect(countriesOf(sor)).toEqual([...EEA_COUNTRIES]);
  });
  it('are the EEA codes the scope names', () => {
    expect(countriesOf({ ...sor, territorialScope: 'NL, BE and EL only' })).toEqual([
      'BE',
      'GR',
      'NL',
    ]);
  });
});
