import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

export interface InboundAttachment {
  filename: string;
  /** As the sender declared it; the bytes decide what we store it as. */
  declaredType: string;
  content: Buffer;
}

/** What Casedesk reads from a raw mail, whatever client or charset wrote it. */
export interface InboundMail {
  /** The Message-ID, or a digest of the raw bytes for mail that has none. */
  messageId: string;
  from: string | null;
  subject: string;
  /** Every address it was sent to: To, Cc and what relays add (Delivered-To, X-Original-To). */
  recipients: string[];
  /** Message-IDs it answers (In-Reply-To and References). */
  inReplyTo: string[];
  /** The full text: the plain part, or the HTML part turned into text. */
  text: string;
  attachments: InboundAttachment[];
}

function addresses(obj: AddressObject | AddressObject[] | undefined): string[] {
  const list = obj === undefined ? [] : Array.isArray(obj) ? obj : [obj];
  const out: string[] = [];
  const walk = (values: AddressObject['value']) => {
    for (const v of values) {
      if (v.address) out.push(v.address.toLowerCase());
      if (v.group) walk(v.group);
    }
  };
  for (const o of list) walk(o.value);
  return out;
}

function headerAddresses(mail: ParsedMail, name: string): string[] {
  const v = mail.headers.get(name);
  const text = typeof v === 'string' ? v : v && 'text' in v ? String(v.text) : '';
  return [...text.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((m) => m[0].toLowerCase());
}

const ids = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : v ? v.split(/\s+/) : []).filter(Boolean);

export async function parseInboundMail(raw: Buffer): Promise<InboundMail> {
  const mail = await simpleParser(raw);
  // mailparser turns an HTML-only mail into text (html-to-text): no markup reaches the agent.
  const text = (mail.text ?? '').trim();
  return {
    messageId: mail.messageId ?? `<sha256.${createHash('sha256').update(raw).digest('hex')}>`,
    from: addresses(mail.from)[0] ?? null,
    subject: mail.subject ?? '',
    recipients: [
      ...addresses(mail.to),
      ...addresses(mail.cc),
      ...headerAddresses(mail, 'delivered-to'),
      ...headerAddresses(mail, 'x-original-to'),
    ],
    inReplyTo: [...ids(mail.inReplyTo), ...ids(mail.references)],
    text,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? 'attachment',
      declaredType: a.contentType,
      content: a.content,
    })),
  };
}
