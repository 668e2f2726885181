import { DomainError, type ActionNotify, type ActionRequest, type Party } from '../../shared';
import { noticeParties } from '../../shared/templates/action-notices';
import type { Queryable } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import type { ActionRow } from '../repositories/case-parts';
import { planDelivery } from './outgoing-message';
import { sendStatementOfReasons } from './restriction-notices';
import { deliverServiceMessage, noticeMessageId } from './service-message';

const PARTIES = ['buyer', 'seller'] as const;

export { noticeMessageId };

/**
 * At proposal time, so the agent hears of it while still at the form: a notice to a party
 * this action may not tell is 400, and one that mail could not reach is 422
 * `recipient_unknown` — the same answer a reply would get.
 */
export async function checkNotices(
  tx: Queryable,
  mail: MailSettings | null,
  caseId: string,
  req: ActionRequest,
): Promise<void> {
  if (req.type === 'law_enforcement_referral' || !req.notify) return;
  const allowed = noticeParties({
    type: req.type,
    subject: req.type === 'restrict_account' ? req.subject : undefined,
  });
  for (const party of PARTIES) {
    if (req.notify[party] === undefined) continue;
    if (!allowed.includes(party)) {
      throw new DomainError('validation_failed', `This action does not notify the ${party}.`, {
        fields: [
          {
            path: `body.notify.${party}`,
            message: `a ${req.type} ${req.type === 'restrict_account' ? `of the ${req.subject}'s account ` : ''}does not notify the ${party}`,
          },
        ],
      });
    }
    await planDelivery(tx, mail, caseId, party);
  }
}

/**
 * The action has taken effect (executed at once, approved, or reported executed by the
 * marketplace): its notices become outgoing messages in this same transaction, so the
 * mail queue or the help-center outbox carries them exactly as it carries a reply. The
 * proposer wrote them, so they are the author. A restriction's notice to the restricted
 * party is its statement of reasons, composed by the service (restriction-notices.ts).
 */
export async function sendActionNotices(
  tx: Queryable,
  mail: MailSettings | null,
  a: ActionRow,
  now: Date,
): Promise<void> {
  const notify = (a.details as { notify?: ActionNotify }).notify ?? {};
  const subject = a.type === 'restrict_account' ? (a.details as { subject: Party }).subject : null;
  for (const to of PARTIES) {
    if (to === subject) {
      await sendStatementOfReasons(tx, mail, a, now);
      continue;
    }
    const body = notify[to];
    if (!body) continue;
    await deliverServiceMessage(tx, mail, {
      id: noticeMessageId(a.id, to),
      caseId: a.case_id,
      to,
      body,
      authorId: a.proposed_by,
      now,
      data: { actionId: a.id },
    });
  }
}
