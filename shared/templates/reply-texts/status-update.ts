import type { TemplateText } from './types';

/** Sent to the buyer on any topic while the case is being worked on. */
export const STATUS_UPDATE: TemplateText = {
  slug: 'status-update',
  title: 'Status update',
  body: {
    en: 'Thank you for your patience regarding case {reference} about "{lotTitle}". We are looking into it and will update you shortly.',
    es: 'Gracias por su paciencia con el caso {reference} sobre «{lotTitle}». Lo estamos revisando y le informaremos en breve.',
    it: 'La ringraziamo per la pazienza riguardo al caso {reference} su «{lotTitle}». Lo stiamo esaminando e La aggiorneremo a breve.',
    fr: "Merci de votre patience concernant le dossier {reference} au sujet de « {lotTitle} ». Nous l'examinons et revenons vers vous rapidement.",
    nl: 'Dank u voor uw geduld in zaak {reference} over "{lotTitle}". We zoeken het uit en laten u spoedig iets weten.',
    de: 'vielen Dank für Ihre Geduld in Fall {reference} zu „{lotTitle}“. Wir prüfen Ihr Anliegen und melden uns in Kürze.',
    zh: '感谢您在案例 {reference}（「{lotTitle}」）中的耐心等待。我们正在处理，并会尽快告知您进展。',
    pt: 'Obrigado pela sua paciência relativamente ao caso {reference} sobre «{lotTitle}». Estamos a analisá-lo e daremos notícias em breve.',
    pl: 'dziękujemy za cierpliwość w sprawie {reference} dotyczącej „{lotTitle}”. Analizujemy ją i wkrótce przekażemy informacje.',
  },
};
