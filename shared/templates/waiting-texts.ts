import type { Language } from '../languages';

/** The reminder and the closing notice a waiting case sends its party (issue 18). */
export interface WaitingTexts {
  reminder: string;
  resolved: string;
  /** Signs the message when nobody is assigned. */
  team: string;
}

export const WAITING_TEXTS: Readonly<Record<Language, WaitingTexts>> = {
  en: {
    reminder:
      'We are still waiting for your answer on case {reference}. Please reply to this message so that we can continue. If we do not hear from you within {days} days, we will close the case.',
    resolved:
      'As we have not heard from you, we have closed case {reference}. If you still need help, simply reply to this message.',
    team: 'Your support team',
  },
  de: {
    reminder:
      'Wir warten noch auf Ihre Antwort zum Fall {reference}. Bitte antworten Sie auf diese Nachricht, damit wir weitermachen können. Hören wir innerhalb von {days} Tagen nichts von Ihnen, schließen wir den Fall.',
    resolved:
      'Da wir nichts von Ihnen gehört haben, haben wir den Fall {reference} geschlossen. Wenn Sie noch Hilfe brauchen, antworten Sie einfach auf diese Nachricht.',
    team: 'Ihr Support-Team',
  },
  nl: {
    reminder:
      'We wachten nog op uw antwoord over zaak {reference}. Beantwoord dit bericht zodat we verder kunnen. Als we binnen {days} dagen niets van u horen, sluiten we de zaak.',
    resolved:
      'Omdat we niets van u hebben gehoord, hebben we zaak {reference} gesloten. Hebt u nog hulp nodig, beantwoord dan gewoon dit bericht.',
    team: 'Uw supportteam',
  },
  fr: {
    reminder:
      'Nous attendons toujours votre réponse concernant le dossier {reference}. Merci de répondre à ce message afin que nous puissions poursuivre. Sans nouvelles de votre part dans les {days} jours, nous clôturerons le dossier.',
    resolved:
      'Faute de réponse de votre part, nous avons clôturé le dossier {reference}. Si vous avez encore besoin d’aide, répondez simplement à ce message.',
    team: 'Votre équipe d’assistance',
  },
  es: {
    reminder:
      'Seguimos esperando su respuesta sobre el caso {reference}. Responda a este mensaje para que podamos continuar. Si no sabemos de usted en {days} días, cerraremos el caso.',
    resolved:
      'Como no hemos recibido respuesta, hemos cerrado el caso {reference}. Si aún necesita ayuda, simplemente responda a este mensaje.',
    team: 'Su equipo de soporte',
  },
  it: {
    reminder:
      'Siamo ancora in attesa della sua risposta sul caso {reference}. Risponda a questo messaggio per permetterci di proseguire. Se non avremo sue notizie entro {days} giorni, chiuderemo il caso.',
    resolved:
      'Non avendo ricevuto risposta, abbiamo chiuso il caso {reference}. Se ha ancora bisogno di aiuto, risponda semplicemente a questo messaggio.',
    team: 'Il suo team di assistenza',
  },
  pt: {
    reminder:
      'Ainda aguardamos a sua resposta sobre o caso {reference}. Responda a esta mensagem para podermos continuar. Se não tivermos notícias suas dentro de {days} dias, encerraremos o caso.',
    resolved:
      'Como não recebemos resposta, encerrámos o caso {reference}. Se ainda precisar de ajuda, basta responder a esta mensagem.',
    team: 'A sua equipa de apoio',
  },
  pl: {
    reminder:
      'Nadal czekamy na Państwa odpowiedź w sprawie {reference}. Prosimy odpowiedzieć na tę wiadomość, abyśmy mogli kontynuować. Jeśli nie otrzymamy odpowiedzi w ciągu {days} dni, zamkniemy sprawę.',
    resolved:
      'Ponieważ nie otrzymaliśmy odpowiedzi, zamknęliśmy sprawę {reference}. Jeśli nadal potrzebują Państwo pomocy, wystarczy odpowiedzieć na tę wiadomość.',
    team: 'Zespół obsługi klienta',
  },
  zh: {
    reminder:
      '我们仍在等待您对案件 {reference} 的回复。请回复此消息，以便我们继续处理。如果我们在 {days} 天内未收到您的回复，将关闭此案件。',
    resolved: '由于未收到您的回复，我们已关闭案件 {reference}。如您仍需帮助，请直接回复此消息。',
    team: '您的客服团队',
  },
};
