import type { Language } from '../languages';
import type { Topic } from '../schemas/case';
import { REPLY_TEXTS, STATUS_UPDATE, type TemplateText } from './reply-texts';

export const PLACEHOLDERS = [
  'buyerName',
  'sellerName',
  'reference',
  'lotTitle',
  'agentName',
  'amount',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface ReplyTemplate {
  id: string;
  title: string;
  body: string;
}

type Recipient = 'buyer' | 'seller';

/** Greetings and closing per language, in the register customers expect there. */
const FRAME: Record<Language, { buyer: string; seller: string; sign: string }> = {
  en: {
    buyer: 'Dear {buyerName},',
    seller: 'Dear {sellerName},',
    sign: 'Kind regards,\n{agentName}',
  },
  de: {
    buyer: 'Sehr geehrte/r {buyerName},',
    seller: 'Sehr geehrte/r {sellerName},',
    sign: 'Mit freundlichen Grüßen\n{agentName}',
  },
  nl: {
    buyer: 'Beste {buyerName},',
    seller: 'Beste {sellerName},',
    sign: 'Met vriendelijke groet,\n{agentName}',
  },
  fr: {
    buyer: 'Bonjour {buyerName},',
    seller: 'Bonjour {sellerName},',
    sign: 'Cordialement,\n{agentName}',
  },
  es: {
    buyer: 'Estimado/a {buyerName}:',
    seller: 'Estimado/a {sellerName}:',
    sign: 'Atentamente,\n{agentName}',
  },
  it: {
    buyer: 'Gentile {buyerName},',
    seller: 'Gentile {sellerName},',
    sign: 'Cordiali saluti,\n{agentName}',
  },
  pt: {
    buyer: 'Caro/a {buyerName},',
    seller: 'Caro/a {sellerName},',
    sign: 'Com os melhores cumprimentos,\n{agentName}',
  },
  pl: {
    buyer: 'Szanowna Pani / Szanowny Panie {buyerName},',
    seller: 'Szanowni Państwo ({sellerName}),',
    sign: 'Z wyrazami szacunku\n{agentName}',
  },
  zh: { buyer: '尊敬的 {buyerName}：', seller: '尊敬的 {sellerName}：', sign: '此致\n{agentName}' },
};

/** A message body between the greeting to `recipient` and the sign-off, in `language`. */
export function framed(language: Language, recipient: Recipient, body: string): string {
  const frame = FRAME[language];
  return `${frame[recipient]}\n\n${body}\n\n${frame.sign}`;
}

/**
 * Reply templates for a case, in the buyer's language: the topic's own texts first, then
 * (to the buyer) the status update that fits any topic. Ids are
 * `${topic}-${recipient}-${slug}-${language}`.
 */
export function templatesFor(
  topic: Topic,
  language: Language,
  recipient: Recipient,
): ReplyTemplate[] {
  const texts: readonly TemplateText[] =
    recipient === 'buyer'
      ? [...REPLY_TEXTS[topic].buyer, STATUS_UPDATE]
      : REPLY_TEXTS[topic].seller;
  return texts.map((t) => ({
    id: `${topic}-${recipient}-${t.slug}-${language}`,
    title: t.title,
    body: framed(language, recipient, t.body[language]),
  }));
}

/** Fills known placeholders; a missing value stays visible as `{name}` for the agent to fill. */
export function fillTemplate(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name as Placeholder];
    return v === undefined || v === '' ? whole : v;
  });
}
