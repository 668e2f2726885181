import type { Restriction, StatementOfReasons } from '../schemas/actions';
import type { Topic } from '../schemas/case';
import type { DsaStatement } from './dsa-statement';
import { DSA_LIMITS, EEA_COUNTRIES, type DsaCategory, type EeaCountry } from './dsa-values';
import { withinLength, withoutPersonalData } from './personal-data';

/** A restriction that took effect, with what its statement needs (gathered by the service). */
export interface RestrictionInEffect {
  actionId: string;
  subject: 'buyer' | 'seller';
  restriction: Restriction;
  /** When it took effect (ISO, UTC). */
  effectiveAt: string;
  /** When it was planned to end (ISO, UTC), or null: until lifted. */
  until: string | null;
  /**
   * When it really ended (ISO, UTC) — lifted early, reversed on complaint, or run out —
   * or null while in effect. Absent: not known (treated as in effect).
   */
  endedAt?: string | null;
  statementOfReasons: StatementOfReasons;
  topic: Topic;
  /** When the content concerned was posted: the order's date, else the case's (ISO). */
  contentAt: string;
  /** The parties' names, emails and external ids: never exported, removed from texts. */
  personalData: readonly string[];
}

/** Older restrictions carry no category: the case's topic gives the nearest one. */
export const CATEGORY_BY_TOPIC: Partial<Record<Topic, DsaCategory>> = {
  counterfeit_suspected: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  fraud_suspected: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  payment_issue: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  not_as_described: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
};
export const categoryOf = (sor: StatementOfReasons, topic: Topic): DsaCategory =>
  sor.category ?? CATEGORY_BY_TOPIC[topic] ?? 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC';

const EU_WIDE = /\b(EU|EEA|EWR|Europe|European|worldwide|global|all)\b/i;

/**
 * The countries a restriction applies in. Chosen `countries` win. Older restrictions have
 * only the free text: no text, or one saying EU/EEA/Europe/worldwide/all, means every EEA
 * country (an account restriction applies wherever the account is used); EEA codes named
 * in the text (e.g. "DE, AT") mean those; anything else also falls back to the whole EEA.
 */
export function countriesOf(sor: StatementOfReasons): EeaCountry[] {
  if (sor.countries && sor.countries.length > 0) return [...new Set(sor.countries)].sort();
  const scope = sor.territorialScope?.trim() ?? '';
  if (scope === '' || EU_WIDE.test(scope)) return [...EEA_COUNTRIES];
  const named = (scope.match(/\b[A-Z]{2}\b/g) ?? [])
    .map((code) => (code === 'EL' ? 'GR' : code))
    .filter((code): code is EeaCountry => (EEA_COUNTRIES as readonly string[]).includes(code));
  return named.length > 0 ? [...new Set(named)].sort() : [...EEA_COUNTRIES];
}

type Decision = Pick<
  DsaStatement,
  | 'decision_account'
  | 'decision_provision'
  | 'decision_monetary'
  | 'end_date_account_restriction'
  | 'end_date_service_restriction'
  | 'end_date_monetary_restriction'
>;

/** Our measures in the Commission's terms: a suspension is of the account, blocks are of parts of the service, payouts are money. */
function decisionOf(restriction: Restriction, end: string | null): Decision {
  switch (restriction) {
    case 'suspend':
      return {
        decision_account: 'DECISION_ACCOUNT_SUSPENDED',
        end_date_account_restriction: end,
      };
    case 'block_bidding':
    case 'block_selling':
      return {
        decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
        end_date_service_restriction: end,
      };
    case 'block_payouts':
      return {
        decision_monetary: 'DECISION_MONETARY_SUSPENSION',
        end_date_monetary_restriction: end,
      };
  }
}

const dateOf = (iso: string) => new Date(iso).toISOString().slice(0, 10);
const atLeast = (date: string, min: string) => (date < min ? min : date);

/** Only letters, digits, hyphens and underscores: what the Commission takes as a puid. */
export const puidOf = (actionId: string) =>
  `casedesk-restriction-${actionId.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/**
 * The statement of reasons of one restriction, as the DSA Transparency Database API takes
 * it (DSA Art. 24(5)): nothing personal, every text within the Commission's limits.
 */
export function statementFromRestriction(r: RestrictionInEffect): DsaStatement {
  const sor = r.statementOfReasons;
  const clean = (text: string, max: number) =>
    withinLength(withoutPersonalData(text, r.personalData), max);
  const applicationDate = atLeast(dateOf(r.effectiveAt), '2020-01-01');
  // The Commission's end date is when the restriction ends: the day it really ended once
  // it has (lifted before its time, say), else the day it is planned to. It takes no end
  // after 2038-01-01: a later end is, for it, no end at all.
  const endsAt =
    r.endedAt && (r.until === null || Date.parse(r.endedAt) < Date.parse(r.until))
      ? r.endedAt
      : r.until;
  const end =
    endsAt === null || dateOf(endsAt) > '2038-01-01'
      ? null
      : atLeast(dateOf(endsAt), applicationDate);
  const ground =
    sor.groundType === 'legal'
      ? {
          decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' as const,
          illegal_content_legal_ground: clean(sor.ground, DSA_LIMITS.ground),
          illegal_content_explanation: clean(sor.ground, DSA_LIMITS.explanation),
        }
      : {
          decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT' as const,
          incompatible_content_ground: clean(sor.ground, DSA_LIMITS.ground),
          incompatible_content_explanation: clean(sor.ground, DSA_LIMITS.explanation),
        };
  // A seller's measure concerns their listings (products); a buyer's, their bids and purchases.
  const content =
    r.subject === 'seller'
      ? { content_type: ['CONTENT_TYPE_PRODUCT' as const] }
      : {
          content_type: ['CONTENT_TYPE_OTHER' as const],
          content_type_other: 'Buyer account activity (bids and purchases)',
        };
  return {
    ...decisionOf(r.restriction, end),
    ...ground,
    ...content,
    category: categoryOf(sor, r.topic),
    territorial_scope: countriesOf(sor),
    content_date: atLeast(dateOf(r.contentAt), '2000-01-01'),
    application_date: applicationDate,
    decision_facts: clean(sor.facts, DSA_LIMITS.facts),
    // A notice under Art. 16, our own investigation, or (older restrictions, which did not
    // say) the buyer's contact that opened every case: some other notification.
    source_type:
      sor.basis === 'notice'
        ? 'SOURCE_ARTICLE_16'
        : sor.basis === 'own_investigation'
          ? 'SOURCE_VOLUNTARY'
          : 'SOURCE_TYPE_OTHER_NOTIFICATION',
    automated_detection: sor.automatedDetection ? 'Yes' : 'No',
    // A reviewer approves every restriction (four eyes): "automated" can only be partly so.
    automated_decision: sor.automated
      ? 'AUTOMATED_DECISION_PARTIALLY'
      : 'AUTOMATED_DECISION_NOT_AUTOMATED',
    puid: puidOf(r.actionId),
  };
}
