import type { Language } from '../languages';
import type { Topic } from '../schemas/case';

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

/** Greeting and closing per language, in the register customers expect there. */
const FRAME: Record<Language, { greet: string; sign: string; update: string; seller: string }> = {
  en: {
    greet: 'Dear {buyerName},',
    sign: 'Kind regards,\n{agentName}',
    update:
      'Thank you for your patience regarding case {reference} about "{lotTitle}". We are looking into it and will update you shortly.',
    seller:
      'Dear {sellerName},\n\nA buyer has opened case {reference} about "{lotTitle}". Could you please send us your reply and any proof (tracking, photos) within 3 business days?',
  },
  de: {
    greet: 'Sehr geehrte/r {buyerName},',
    sign: 'Mit freundlichen Grüßen\n{agentName}',
    update:
      'vielen Dank für Ihre Geduld in Fall {reference} zu „{lotTitle}". Wir prüfen Ihr Anliegen und melden uns in Kürze.',
    seller:
      'Sehr geehrte/r {sellerName},\n\nein Käufer hat zu „{lotTitle}" den Fall {reference} eröffnet. Bitte senden Sie uns innerhalb von 3 Werktagen Ihre Stellungnahme und Nachweise (Sendungsverfolgung, Fotos).',
  },
  nl: {
    greet: 'Beste {buyerName},',
    sign: 'Met vriendelijke groet,\n{agentName}',
    update:
      'Dank u voor uw geduld in zaak {reference} over "{lotTitle}". We zoeken het uit en laten u spoedig iets weten.',
    seller:
      'Beste {sellerName},\n\nEen koper heeft zaak {reference} geopend over "{lotTitle}". Wilt u binnen 3 werkdagen uw reactie en eventueel bewijs (track-and-trace, foto\'s) sturen?',
  },
  fr: {
    greet: 'Bonjour {buyerName},',
    sign: 'Cordialement,\n{agentName}',
    update:
      "Merci de votre patience concernant le dossier {reference} au sujet de « {lotTitle} ». Nous l'examinons et revenons vers vous rapidement.",
    seller:
      'Bonjour {sellerName},\n\nUn acheteur a ouvert le dossier {reference} concernant « {lotTitle} ». Merci de nous envoyer votre réponse et tout justificatif (suivi, photos) sous 3 jours ouvrés.',
  },
  es: {
    greet: 'Estimado/a {buyerName}:',
    sign: 'Atentamente,\n{agentName}',
    update:
      'Gracias por su paciencia con el caso {reference} sobre «{lotTitle}». Lo estamos revisando y le informaremos en breve.',
    seller:
      'Estimado/a {sellerName}:\n\nUn comprador ha abierto el caso {reference} sobre «{lotTitle}». Le rogamos que nos envíe su respuesta y cualquier prueba (seguimiento, fotos) en un plazo de 3 días hábiles.',
  },
  it: {
    greet: 'Gentile {buyerName},',
    sign: 'Cordiali saluti,\n{agentName}',
    update:
      'La ringraziamo per la pazienza riguardo al caso {reference} su «{lotTitle}». Lo stiamo esaminando e La aggiorneremo a breve.',
    seller:
      'Gentile {sellerName},\n\nun acquirente ha aperto il caso {reference} su «{lotTitle}». La preghiamo di inviarci la Sua risposta ed eventuali prove (tracciamento, foto) entro 3 giorni lavorativi.',
  },
  pt: {
    greet: 'Caro/a {buyerName},',
    sign: 'Com os melhores cumprimentos,\n{agentName}',
    update:
      'Obrigado pela sua paciência relativamente ao caso {reference} sobre «{lotTitle}». Estamos a analisá-lo e daremos notícias em breve.',
    seller:
      'Caro/a {sellerName},\n\nUm comprador abriu o caso {reference} sobre «{lotTitle}». Pedimos que nos envie a sua resposta e qualquer comprovativo (seguimento, fotografias) no prazo de 3 dias úteis.',
  },
  pl: {
    greet: 'Szanowna Pani / Szanowny Panie {buyerName},',
    sign: 'Z wyrazami szacunku\n{agentName}',
    update:
      'dziękujemy za cierpliwość w sprawie {reference} dotyczącej „{lotTitle}". Analizujemy ją i wkrótce przekażemy informacje.',
    seller:
      'Szanowni Państwo ({sellerName}),\n\nkupujący otworzył sprawę {reference} dotyczącą „{lotTitle}". Prosimy o odpowiedź i ewentualne dowody (numer przesyłki, zdjęcia) w ciągu 3 dni roboczych.',
  },
  zh: {
    greet: '尊敬的 {buyerName}：',
    sign: '此致\n{agentName}',
    update:
      '感谢您在案例 {reference}（「{lotTitle}」）中的耐心等待。我们正在处理，并会尽快告知您进展。',
    seller:
      '尊敬的 {sellerName}：\n\n一位买家就「{lotTitle}」提交了案例 {reference}。请在3个工作日内回复并提供相关证明（物流信息、照片）。',
  },
};

/**
 * Reply templates for a case, in the buyer's language. This first set gives every topic
 * and language a status update to the buyer and a request to the seller; topic-specific
 * wording per language follows as its own increment.
 */
export function templatesFor(
  topic: Topic,
  language: Language,
  recipient: Recipient,
): ReplyTemplate[] {
  const f = FRAME[language];
  if (recipient === 'seller') {
    return [
      {
        id: `${topic}-seller-${language}`,
        title: 'Ask the seller for their side',
        body: `${f.seller}\n\n${f.sign}`,
      },
    ];
  }
  return [
    {
      id: `${topic}-update-${language}`,
      title: 'Status update',
      body: `${f.greet}\n\n${f.update}\n\n${f.sign}`,
    },
  ];
}

/** Fills known placeholders; a missing value stays visible as `{name}` for the agent to fill. */
export function fillTemplate(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name as Placeholder];
    return v === undefined || v === '' ? whole : v;
  });
}
