import {
  DomainError,
  routeOutgoingMessage,
  type Attachment,
  type Language,
  type Party,
  type Topic,
} from '../../shared';
import type { Queryable } from '../db/database';
import { composeMail } from '../mail/compose-mail';
import type { MailSettings } from '../mail/mail-settings';
import { mailThread, queueMail, replyTokenOf } from '../mail/mail-outbox';
import { enqueueIntegrationEvent } from '../integration/outbox';

interface Recipient {
  channel: 'email' | 'chat' | 'phone';
  reference: string;
  topic: Topic;
  language: Language;
  address: string | null;
}

async function recipientOf(tx: Queryable, caseId: string, to: Party): Promise<Recipient> {
  const res = await tx.query<{
    channel: Recipient['channel'];
    reference: string;
    topic: Topic;
    language: Language;
    buyer_email: string;
    seller_email: string | null;
    seller_language: Language | null;
  }>(
    `SELECT c.channel, c.reference, c.topic, c.language, b.email AS buyer_email,
            s.email AS seller_email, s.language AS seller_language
       FROM cases c JOIN buyers b ON b.id = c.buyer_id
       LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN sellers s ON s.id = o.seller_id
      WHERE c.id = $1`,
    [caseId],
  );
  const r = res.rows[0]!;
  return {
    channel: r.channel,
    reference: r.reference,
    topic: r.topic,
    // The buyer wrote in the case's language; a seller may have their own.
    language: to === 'seller' ? (r.seller_language ?? r.language) : r.language,
    address: to === 'buyer' ? r.buyer_email : r.seller_email,
  };
}

export interface StoredMessage {
  id: string;
  body: string;
  authorId: string | null;
  attachments: Attachment[];
}

/** What happens to an outgoing message once stored; decided before it is stored. */
export interface DeliveryPlan {
  status: 'queued' | 'not_configured';
  /** Call in the message's transaction, after storing it. */
  queue: (tx: Queryable, message: StoredMessage, now: Date) => Promise<void>;
}

/**
 * Decides how a new outgoing message leaves (see routeOutgoingMessage) and refuses one that
 * cannot: mail to a party without an address while mail is configured.
 */
export async function planDelivery(
  tx: Queryable,
  mail: MailSettings | null,
  caseId: string,
  to: Party,
): Promise<DeliveryPlan> {
  const r = await recipientOf(tx, caseId, to);
  const route = routeOutgoingMessage({
    channel: r.channel,
    to,
    address: r.address,
    mailConfigured: mail !== null,
  });
  switch (route.kind) {
    case 'recipient_unknown':
      throw new DomainError(
        'recipient_unknown',
        `Casedesk has no email address for the ${to} of this case, so it cannot be mailed.`,
        { to },
      );
    // Chat and phone buyers read replies in the help center: the integration outbox hands
    // it over as `message.created` (at least once, from the same transaction). Without a
    // webhook nothing carries it, and the message says so.
    case 'help_center':
      return {
        status: 'not_configured',
        async queue(tx2, m, now) {
          const eventId = await enqueueIntegrationEvent(tx2, {
            type: 'message.created',
            caseId,
            at: now,
            channels: ['chat', 'phone'],
            data: {
              message: {
                id: m.id,
                to,
                body: m.body,
                authorId: m.authorId,
                createdAt: now.toISOString(),
                attachments: m.attachments,
              },
            },
          });
          if (eventId) {
            await tx2.query(
              `UPDATE messages SET delivery_status = 'sent', sent_at = $2 WHERE id = $1`,
              [m.id, now],
            );
          }
        },
      };
    case 'not_configured':
      return { status: 'not_configured', queue: async () => undefined };
    case 'mail':
      return {
        status: 'queued',
        async queue(tx2, m, now) {
          const messageId = m.id;
          const envelope = composeMail(mail!, {
            messageId,
            reference: r.reference,
            topic: r.topic,
            language: r.language,
            to: route.address,
            body: m.body,
            replyToken: await replyTokenOf(tx2, caseId, now),
            thread: await mailThread(tx2, caseId, to),
            attachments: m.attachments,
          });
          await queueMail(tx2, { messageId, caseId, party: to, envelope, now });
        },
      };
  }
}
