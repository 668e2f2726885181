import { createHash } from 'node:crypto';
import { DomainError, type ActionNotify, type ActionRequest, type Party } from '../../shared';
import { noticeParties } from '../../shared/templates/action-notices';
import type { Queryable } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import type { ActionRow } from '../repositories/case-parts';
import { changeCase } from './case-access';
import { planDelivery, type DeliveryPlan } from './outgoing-message';

const PARTIES = ['buyer', 'seller'] as const;

/**
 * The notice's message id, derived from the action and the party (an RFC 9562 version-8
 * UUID): however often the action's taking effect is replayed, its notice is one row,
 * and its mail one Message-ID.
 */
export function noticeMessageId(actionId: string, to: Party): string {
  const h = createHash('sha256').update(`casedesk-action-notice:${actionId}:${to}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

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
 * proposer wrote them, so they are the author.
 */
export async function sendActionNotices(
  tx: Queryable,
  mail: MailSettings | null,
  a: ActionRow,
  now: Date,
): Promise<void> {
  const notify = (a.details as { notify?: ActionNotify }).notify;
  if (!notify) return;
  for (const to of PARTIES) {
    const body = notify[to];
    if (!body) continue;
    const id = noticeMessageId(a.id, to);
    let plan: DeliveryPlan | null = null;
    let refusal: string | null = null;
    try {
      plan = await planDelivery(tx, mail, a.case_id, to);
    } catch (e) {
      // Checked at proposal; only an address removed since then gets here. The decision
      // stands, and the notice shows why it did not leave.
      if (!(e instanceof DomainError) || e.code !== 'recipient_unknown') throw e;
      refusal = e.message;
    }
    const stored = await tx.query<{ status: string }>(
      `WITH m AS (
         INSERT INTO messages (id, case_id, direction, party, author_id, body, created_at, delivery_status, last_error)
         VALUES ($1, $2, 'to', $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id
       ) SELECT c.status FROM m JOIN cases c ON c.id = $2`,
      [id, a.case_id, to, a.proposed_by, body, now, plan?.status ?? 'failed', refusal],
    );
    const inserted = stored.rows[0];
    if (!inserted) continue;
    await plan?.queue(tx, { id, body, authorId: a.proposed_by, attachments: [] }, now);
    const firstResponse =
      to === 'buyer'
        ? await tx.query('SELECT 1 FROM cases WHERE id = $1 AND first_responded_at IS NULL', [
            a.case_id,
          ])
        : { rows: [] };
    await changeCase(tx, a.case_id, firstResponse.rows.length ? { first_responded_at: now } : {}, {
      caseId: a.case_id,
      type: 'message.sent',
      actorId: a.proposed_by,
      at: now,
      data: { messageId: id, to, status: inserted.status, actionId: a.id },
    });
  }
}
