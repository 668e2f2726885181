import type { Party } from '../../../shared';
import type { Queryable } from '../../db/database';
import type { InboundMail } from './parse-inbound-mail';

export interface MailMatch {
  caseId: string;
  from: Party;
}

interface Parties {
  id: string;
  buyer_email: string;
  seller_email: string | null;
}

const PARTIES = `SELECT c.id, lower(b.email) AS buyer_email, lower(s.email) AS seller_email
  FROM cases c JOIN buyers b ON b.id = c.buyer_id
  LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN sellers s ON s.id = o.seller_id`;

function partyBySender(p: Parties, from: string | null): Party | null {
  if (!from) return null;
  if (from === p.buyer_email) return 'buyer';
  if (p.seller_email && from === p.seller_email) return 'seller';
  return null;
}

/**
 * Finds the case a mail answers: by the reply+<token> address it was sent to, else by the
 * `[CD-…]` reference in its subject together with a sender who is that case's buyer or
 * seller. A stranger's mail matches nothing, whatever subject it copies.
 */
export async function matchInboundMail(
  db: Queryable,
  mail: InboundMail,
): Promise<MailMatch | null> {
  const tokens = mail.recipients
    .map((a) => /^reply\+([0-9a-f]{32})@/i.exec(a)?.[1]?.toLowerCase())
    .filter((t): t is string => t !== undefined);
  for (const token of new Set(tokens)) {
    const res = await db.query<Parties>(
      `${PARTIES} JOIN case_reply_tokens t ON t.case_id = c.id WHERE t.token = $1`,
      [token],
    );
    const p = res.rows[0];
    if (!p) continue;
    const bySender = partyBySender(p, mail.from);
    if (bySender) return { caseId: p.id, from: bySender };
    // Written from another address of theirs: the token and the mail it answers say who.
    if (mail.inReplyTo.length) {
      const answered = await db.query<{ party: Party }>(
        `SELECT party FROM mail_outbox WHERE case_id = $1 AND mail_message_id = ANY ($2::text[])
          ORDER BY queued_at DESC LIMIT 1`,
        [p.id, mail.inReplyTo],
      );
      if (answered.rows[0]) return { caseId: p.id, from: answered.rows[0].party };
    }
  }
  const reference = /\[(CD-\d{1,12})\]/i.exec(mail.subject)?.[1]?.toUpperCase();
  if (reference) {
    const res = await db.query<Parties>(`${PARTIES} WHERE c.reference = $1`, [reference]);
    const p = res.rows[0];
    const bySender = p ? partyBySender(p, mail.from) : null;
    if (p && bySender) return { caseId: p.id, from: bySender };
  }
  return null;
}
