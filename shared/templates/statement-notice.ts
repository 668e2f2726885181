import type { Language } from '../languages';
import type { Restriction, StatementOfReasons } from '../schemas/actions';
import type { ComplaintOutcome } from '../schemas/complaints';
import type { Party } from '../schemas/conversation';
import { complaintWindowEnd } from '../restrictions';
import { MEASURE_NAMES, UNTIL_TEXTS } from './action-notice-texts';
import { DSA_CATEGORY_TEXTS } from './dsa-category-texts';
import {
  COMPLAINT_OUTCOME_TEXTS,
  STATEMENT_LABELS,
  type StatementLabels,
} from './statement-notice-texts';
import { sameText, translatedGround } from './statement-ground-texts';
import { STANDARD_REDRESS } from './statement-of-reasons';
import { fillTemplate, framed } from './reply-templates';

export interface StatementNoticeValues {
  buyerName: string;
  sellerName: string;
  reference: string;
  agentName: string;
  restriction: Restriction;
  until: string | null;
  /** When it took effect: the complaint window's six months run from here. */
  effectiveAt: string;
  statementOfReasons: StatementOfReasons;
  /** What the proposer wrote to the person, if anything: it comes first. */
  note?: string;
}

const longDate = (iso: string | Date, language: Language): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

const section = (title: string, text: string) => `${title}:\n${text.trim()}`;

/** Text staff wrote in their own words: labelled, and sent as written. */
const asWritten = (l: StatementLabels, text: string) => `${l.asWritten}\n${text.trim()}`;

/** Where it applies, in the person's language: the countries chosen, else the scope as typed. */
function scopeText(s: StatementOfReasons, language: Language, l: StatementLabels): string | null {
  if (s.countries?.length) {
    const names = new Intl.DisplayNames(language, { type: 'region' });
    return s.countries.map((c) => names.of(c) ?? c).join(', ');
  }
  const typed = s.territorialScope?.trim();
  if (!typed) return null;
  if (/^EU$/i.test(typed)) return l.scopeEu;
  if (/^EEA$/i.test(typed)) return l.scopeEea;
  return asWritten(l, typed);
}

/**
 * The statement of reasons the restricted person receives when the restriction takes
 * effect, in their language, with every element DSA Art. 17(3) asks for: the measure, its
 * territorial scope and duration; the facts and whether a notice or our own investigation
 * led to it; automated means; the legal or contractual ground; redress — the internal
 * complaint until its date, out-of-court settlement, court.
 *
 * What is chosen from a list is translated: measure, duration, countries, basis, automated
 * means, the category and the kind of ground, the redress, and a suggested ground kept as
 * suggested. What staff write in their own words — the facts, a ground of their own, added
 * redress, a scope other than EU or EEA — is sent as written under a label saying so:
 * free text is never machine-translated into a legal notice.
 */
export function statementNoticeText(
  to: Party,
  language: Language,
  v: StatementNoticeValues,
): string {
  const l = STATEMENT_LABELS[language];
  const s = v.statementOfReasons;
  const until = UNTIL_TEXTS[language];
  const scope = scopeText(s, language, l);
  const ground = translatedGround(s.ground, language) ?? asWritten(l, s.ground);
  // The suggested redress says what the two translated lines say: sent only when changed.
  const ownRedress = s.redress.trim() && !sameText(s.redress, STANDARD_REDRESS) ? s.redress : null;
  const parts = [
    l.intro,
    ...(v.note?.trim() ? [v.note.trim()] : []),
    section(l.measure, MEASURE_NAMES[language][v.restriction]),
    ...(scope ? [section(l.scope, scope)] : []),
    section(
      l.duration,
      v.until === null
        ? until.indefinite
        : until.until.replace('{date}', longDate(v.until, language)),
    ),
    section(
      l.facts,
      [
        asWritten(l, s.facts),
        ...(s.basis ? [s.basis === 'notice' ? l.basisNotice : l.basisOwn] : []),
        ...(s.automatedDetection === undefined
          ? []
          : [s.automatedDetection ? l.detectedYes : l.detectedNo]),
        s.automated ? l.automatedYes : l.automatedNo,
      ].join('\n'),
    ),
    section(
      s.groundType === 'legal' ? l.legalGround : l.contractualGround,
      [
        ...(s.category ? [`${l.category}: ${DSA_CATEGORY_TEXTS[s.category][language]}`] : []),
        ground,
      ].join('\n'),
    ),
    section(
      l.redress,
      [
        l.complaint.replace('{date}', longDate(complaintWindowEnd(v.effectiveAt), language)),
        l.outOfCourt,
        ...(ownRedress ? [asWritten(l, ownRedress)] : []),
      ].join('\n'),
    ),
  ];
  return fillTemplate(framed(language, to, parts.join('\n\n')), {
    buyerName: v.buyerName,
    sellerName: v.sellerName,
    reference: v.reference,
    agentName: v.agentName,
  });
}

export interface ComplaintOutcomeValues {
  buyerName: string;
  sellerName: string;
  reference: string;
  agentName: string;
  restriction: Restriction;
  reasons: string;
}

/** The decision on a complaint, told to the person who complained in their language. */
export function complaintOutcomeText(
  outcome: ComplaintOutcome,
  to: Party,
  language: Language,
  v: ComplaintOutcomeValues,
): string {
  const body = COMPLAINT_OUTCOME_TEXTS[outcome][language]
    .replace('{measure}', MEASURE_NAMES[language][v.restriction])
    .replace('{reasons}', v.reasons.trim());
  return fillTemplate(framed(language, to, body), {
    buyerName: v.buyerName,
    sellerName: v.sellerName,
    reference: v.reference,
    agentName: v.agentName,
  });
}
