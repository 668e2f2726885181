import type {
  ActionNotify,
  ComplaintOutcome,
  Language,
  Party,
  Restriction,
  StatementOfReasons,
} from '../../shared';
import { complaintOutcomeText, statementNoticeText } from '../../shared/templates/statement-notice';
import type { Queryable } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import type { ActionRow } from '../repositories/case-parts';
import { iso } from '../repositories/timestamps';
import { deliverServiceMessage, derivedMessageId, noticeMessageId } from './service-message';

interface Addressee {
  reference: string;
  language: Language;
  buyer_name: string;
  seller_name: string | null;
  seller_language: Language | null;
  agent_name: string;
}

/** The names and language a message on `caseId` to `to` is written with, signed by `agentId`. */
async function addresseeOf(
  tx: Queryable,
  caseId: string,
  agentId: string,
): Promise<Addressee & { languageOf: (to: Party) => Language }> {
  const res = await tx.query<Addressee>(
    `SELECT c.reference, c.language, b.name AS buyer_name, s.name AS seller_name,
            s.language AS seller_language, (SELECT name FROM agents WHERE id = $2) AS agent_name
       FROM cases c JOIN buyers b ON b.id = c.buyer_id
       LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN sellers s ON s.id = o.seller_id
      WHERE c.id = $1`,
    [caseId, agentId],
  );
  const r = res.rows[0]!;
  // As every message on a case: the buyer's in the case's language, a seller's in their own.
  return {
    ...r,
    languageOf: (to) => (to === 'seller' ? (r.seller_language ?? r.language) : r.language),
  };
}

/**
 * The restriction has taken effect: its statement of reasons goes to the restricted party
 * in their language, on the case's channel, and stays on the case as a sent message. Its
 * id is the action's notice id for that party, so one message per action however often
 * the taking effect is replayed; what the proposer wrote to that party opens it.
 */
export async function sendStatementOfReasons(
  tx: Queryable,
  mail: MailSettings | null,
  a: ActionRow,
  now: Date,
): Promise<void> {
  const d = a.details as {
    subject: Party;
    restriction: Restriction;
    until: string | null;
    statementOfReasons: StatementOfReasons;
    notify?: ActionNotify;
  };
  const who = await addresseeOf(tx, a.case_id, a.proposed_by);
  const to = d.subject;
  const body = statementNoticeText(to, who.languageOf(to), {
    buyerName: who.buyer_name,
    sellerName: who.seller_name ?? '',
    reference: who.reference,
    agentName: who.agent_name,
    restriction: d.restriction,
    until: d.until,
    effectiveAt: a.effective_at ? iso(a.effective_at) : now.toISOString(),
    statementOfReasons: d.statementOfReasons,
    note: d.notify?.[to],
  });
  await deliverServiceMessage(tx, mail, {
    id: noticeMessageId(a.id, to),
    caseId: a.case_id,
    to,
    body,
    authorId: a.proposed_by,
    now,
    data: { actionId: a.id, statementOfReasons: true },
  });
}

/** The message id of a complaint's outcome: one per complaint case. */
export const complaintOutcomeMessageId = (complaintCaseId: string) =>
  derivedMessageId(`casedesk-complaint-outcome:${complaintCaseId}`);

/** Tells the person who complained how it was decided, in their language, on the complaint case. */
export async function sendComplaintOutcome(
  tx: Queryable,
  mail: MailSettings | null,
  complaint: { caseId: string; to: Party; restriction: Restriction },
  outcome: ComplaintOutcome,
  reasons: string,
  deciderId: string,
  now: Date,
): Promise<void> {
  const who = await addresseeOf(tx, complaint.caseId, deciderId);
  const body = complaintOutcomeText(outcome, complaint.to, who.languageOf(complaint.to), {
    buyerName: who.buyer_name,
    sellerName: who.seller_name ?? '',
    reference: who.reference,
    agentName: who.agent_name,
    restriction: complaint.restriction,
    reasons,
  });
  await deliverServiceMessage(tx, mail, {
    id: complaintOutcomeMessageId(complaint.caseId),
    caseId: complaint.caseId,
    to: complaint.to,
    body,
    authorId: deciderId,
    now,
    data: { complaintOutcome: outcome },
  });
}
