import type { Language } from '../languages';
import { formatMoney, type Money } from '../money';
import type { ActionType, Restriction, StatementOfReasons } from '../schemas/actions';
import type { Party } from '../schemas/conversation';
import { MEASURE_NAMES, NOTICE_TEXTS, UNTIL_TEXTS, type NoticeKind } from './action-notice-texts';
import { framed } from './reply-templates';

export type { NoticeKind } from './action-notice-texts';

/** The part of an action that decides who hears of it. */
export interface NoticeSubject {
  type: ActionType;
  /** restrict_account only: whose account. */
  subject?: Party;
  /** refund only: whether it pays back everything still refundable. */
  full?: boolean;
}

/**
 * Who is told when an action takes effect, and with which text. A refund and a
 * cancellation concern both sides (the seller's payout; the seller must not ship). A
 * restriction is explained to the restricted party (DSA Art. 17); when that is the seller,
 * the buyer who raised the case learns that it was acted on, not how (Art. 16(5)), and a
 * restricted buyer's seller learns nothing. A law-enforcement referral tells nobody: a
 * notice could tip off the person referred and spoil the investigation.
 */
export function noticeKinds(a: NoticeSubject): Partial<Record<Party, NoticeKind>> {
  switch (a.type) {
    case 'refund':
      return { buyer: a.full ? 'refund_full' : 'refund_partial', seller: 'refund_seller' };
    case 'cancel_order':
      return { buyer: 'cancel_buyer', seller: 'cancel_seller' };
    case 'restrict_account':
      return a.subject === 'seller'
        ? { buyer: 'restriction_reporter', seller: 'restriction_subject' }
        : { buyer: 'restriction_subject' };
    case 'law_enforcement_referral':
      return {};
  }
}

/** The parties an action may notify, buyer first. */
export function noticeParties(a: NoticeSubject): Party[] {
  const kinds = noticeKinds(a);
  return (['buyer', 'seller'] as const).filter((p) => kinds[p] !== undefined);
}

export interface NoticeValues {
  buyerName: string;
  sellerName: string;
  reference: string;
  lotTitle: string;
  agentName: string;
  amount?: Money;
  restriction?: Restriction;
  /** When a restriction ends (ISO time), null for until lifted. */
  until?: string | null;
  statementOfReasons?: StatementOfReasons;
}

/** A long date in the reader's language, in UTC like every time Casedesk stores. */
function longDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** The statement as written by the agent: facts, ground, and how to contest it. */
export function statementText(s: StatementOfReasons): string {
  return [s.facts, s.ground, s.redress].map((p) => p.trim()).join('\n\n');
}

/**
 * The notice for `to` in `language`, greeting to sign-off, with everything known filled
 * in; a value not given yet stays visible as `{name}` for the agent to fill.
 */
export function actionNoticeText(
  kind: NoticeKind,
  to: Party,
  language: Language,
  v: NoticeValues,
): string {
  const until = UNTIL_TEXTS[language];
  const values: Record<string, string | undefined> = {
    buyerName: v.buyerName,
    sellerName: v.sellerName,
    reference: v.reference,
    lotTitle: v.lotTitle,
    agentName: v.agentName,
    amount: v.amount ? formatMoney(v.amount, language) : undefined,
    measure: v.restriction ? MEASURE_NAMES[language][v.restriction] : undefined,
    until:
      v.until === undefined
        ? undefined
        : v.until === null
          ? until.indefinite
          : until.until.replace('{date}', longDate(v.until, language)),
    statement: v.statementOfReasons ? statementText(v.statementOfReasons) : undefined,
  };
  return framed(language, to, NOTICE_TEXTS[kind][language]).replace(
    /\{(\w+)\}/g,
    (whole, name: string) => values[name] || whole,
  );
}
