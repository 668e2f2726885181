import { describe, expect, it } from 'vitest';
import { DsaStatement } from './dsa-statement';

const valid = {
  decision_account: 'DECISION_ACCOUNT_SUSPENDED',
  end_date_account_restriction: '2026-12-31',
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
  incompatible_content_ground: 'Terms of use §7',
  incompatible_content_explanation: 'Counterfeit goods are prohibited.',
  content_type: ['CONTENT_TYPE_PRODUCT'],
  category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  territorial_scope: ['DE', 'NL'],
  content_date: '2026-11-01',
  application_date: '2026-11-20',
  decision_facts: 'The account asked for payment outside the platform.',
  source_type: 'SOURCE_VOLUNTARY',
  automated_detection: 'No',
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
  puid: 'casedesk-restriction-1',
};

/** Which fields the schema names as wrong for a copy of `valid` changed by `change`. */
function problems(change: Record<string, unknown>): string[] {
  const r = DsaStatement.safeParse({ ...valid, ...change });
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
}

describe('the DSA statement schema', () => {
  it('takes a complete statement', () => {
    expect(problems({})).toEqual([]);
  });

  it.each([
    'decision_ground',
    'content_type',
    'category',
    'application_date',
    'content_date',
    'decision_facts',
    'source_type',
    'automated_detection',
    'automated_decision',
    'puid',
    'territorial_scope',
  ])('requires %s', (field) => {
    expect(problems({ [field]: undefined })).toContain(field);
  });

  it('requires at least one decision', () => {
    expect(
      problems({ decision_account: undefined, end_date_account_restriction: undefined }),
    ).toContain('decision_visibility');
  });

  it('refuses values outside the Commission’s enumerations', () => {
    expect(problems({ category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE' })).toEqual([
      'category',
    ]);
    expect(problems({ territorial_scope: ['DE', 'CH'] })).toEqual(['territorial_scope.1']);
    expect(problems({ territorial_scope: ['EL'] })).toEqual(['territorial_scope.0']);
    expect(problems({ automated_detection: true })).toEqual(['automated_detection']);
    expect(problems({ decision_account: 'DECISION_ACCOUNT_BANNED' })).toContain('decision_account');
  });

  it('holds the length limits', () => {
    expect(problems({ decision_facts: 'x'.repeat(5_001) })).toEqual(['decision_facts']);
    expect(problems({ incompatible_content_ground: 'x'.repeat(501) })).toEqual([
      'incompatible_content_ground',
    ]);
    expect(problems({ incompatible_content_explanation: 'x'.repeat(2_001) })).toEqual([
      'incompatible_content_explanation',
    ]);
    expect(problems({ puid: 'p'.repeat(501) })).toEqual(['puid']);
  });

  it('takes a puid of letters, digits, hyphens and underscores only', () => {
    expect(problems({ puid: 'with space' })).toEqual(['puid']);
    expect(problems({ puid: 'a/b' })).toEqual(['puid']);
  });

  it('needs the fields of the chosen ground and no others', () => {
    expect(problems({ incompatible_content_explanation: undefined })).toEqual([
      'incompatible_content_explanation',
    ]);
    expect(problems({ decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' })).toEqual([
      'illegal_content_legal_ground',
      'illegal_content_explanation',
      'incompatible_content_ground',
      'incompatible_content_explanation',
    ]);
  });

  it('needs the text of an "other" value', () => {
    expect(problems({ content_type: ['CONTENT_TYPE_OTHER'] })).toEqual(['content_type_other']);
    expect(problems({ content_type: ['CONTENT_TYPE_OTHER'], content_type_other: 'Bids' })).toEqual(
      [],
    );
    expect(problems({ decision_monetary: 'DECISION_MONETARY_OTHER' })).toEqual([
      'decision_monetary_other',
    ]);
  });

  it('takes dates as real YYYY-MM-DD days in range, ends not before the application', () => {
    expect(problems({ application_date: '2026-11-31' })).toEqual(['application_date']);
    expect(problems({ application_date: '20.11.2026' })).toEqual(['application_date']);
    expect(problems({ application_date: '2019-12-31' })).toEqual(['application_date']);
    expect(problems({ end_date_account_restriction: '2026-11-19' })).toEqual([
      'end_date_account_restriction',
    ]);
    expect(problems({ end_date_monetary_restriction: '2026-12-01' })).toEqual([
      'end_date_monetary_restriction',
    ]);
  });

  it('refuses fields the Commission does not know', () => {
    expect(problems({ buyer_email: 'anna@example.de' })).toEqual(['']);
  });
});
