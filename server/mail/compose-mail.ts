import { mailSubject, type Language, type Topic } from '../../shared';
import { messageIdDomain, type MailSettings } from './mail-settings';

/** Everything a queued mail says, fixed when it is queued so every resend is the same mail. */
export interface MailEnvelope {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With angle brackets, as the header carries it. */
  messageId: string;
  replyTo: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Files sent with the mail; their bytes are read from the store when it is sent. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  id: string;
  filename: string;
  contentType: string;
}

export interface MailInput {
  messageId: string;
  reference: string;
  topic: Topic;
  language: Language;
  to: string;
  body: string;
  replyToken: string;
  /** Message-IDs of the earlier mail with this party on this case, oldest first. */
  thread: string[];
  attachments?: readonly MailAttachment[];
}

/** Derived from the message id, so a resend after a crash carries the same one. */
export function mailMessageId(settings: Pick<MailSettings, 'from' | 'replyDomain'>, id: string) {
  return `<casedesk.${id}@${messageIdDomain(settings)}>`;
}

export function replyAddress(domain: string, token: string): string {
  return `reply+${token}@${domain}`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** The agent's plain text as simple HTML: paragraphs and line breaks, everything escaped. */
export function bodyAsHtml(body: string, language: Language): string {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`);
  return `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"></head>\n<body style="font-family: sans-serif; line-height: 1.4">\n${paragraphs.join('\n')}\n</body></html>\n`;
}

// Long threads would make ever-growing headers; the newest few are what clients thread by.
const MAX_REFERENCES = 20;

export function composeMail(settings: MailSettings, m: MailInput): MailEnvelope {
  const references = m.thread.slice(-MAX_REFERENCES);
  return {
    from: settings.from,
    to: m.to,
    subject: mailSubject(m.reference, m.topic, m.language),
    text: m.body.endsWith('\n') ? m.body : `${m.body}\n`,
    html: bodyAsHtml(m.body, m.language),
    messageId: mailMessageId(settings, m.messageId),
    replyTo: settings.replyDomain ? replyAddress(settings.replyDomain, m.replyToken) : null,
    inReplyTo: references.at(-1) ?? null,
    references,
    attachments: (m.attachments ?? []).map(({ id, filename, contentType }) => ({
      id,
      filename,
      contentType,
    })),
  };
}
