import type { TemplateText, TopicTexts } from './types';

/** The restricted person complained (DSA Art. 20): to whoever complained, buyer or seller. */
const RECEIVED: TemplateText = {
  slug: 'complaint-received',
  title: 'Complaint received',
  body: {
    en: 'We have received your complaint about our decision (case {reference}). Someone who was not involved in the decision will review it, and we will tell you the outcome and our reasons.',
    es: 'Hemos recibido su reclamación sobre nuestra decisión (caso {reference}). La revisará una persona que no participó en la decisión, y le comunicaremos el resultado y nuestros motivos.',
    it: 'abbiamo ricevuto il Suo reclamo sulla nostra decisione (caso {reference}). Lo esaminerà una persona che non ha partecipato alla decisione e Le comunicheremo l’esito e le nostre ragioni.',
    fr: 'Nous avons bien reçu votre réclamation contre notre décision (dossier {reference}). Une personne qui n’a pas pris part à la décision l’examinera, et nous vous ferons connaître l’issue et nos motifs.',
    nl: 'We hebben uw bezwaar tegen ons besluit ontvangen (zaak {reference}). Iemand die niet bij het besluit betrokken was, beoordeelt het, en we laten u de uitkomst en onze redenen weten.',
    de: 'wir haben Ihre Beschwerde gegen unsere Entscheidung erhalten (Fall {reference}). Jemand, der an der Entscheidung nicht beteiligt war, prüft sie, und wir teilen Ihnen das Ergebnis und unsere Gründe mit.',
    zh: '我们已收到您对我们决定的申诉（案例 {reference}）。将由未参与该决定的人员进行审查，我们会告知您结果及理由。',
    pt: 'Recebemos a sua reclamação da nossa decisão (caso {reference}). Será analisada por alguém que não participou na decisão, e informá-lo-emos do resultado e dos nossos motivos.',
    pl: 'otrzymaliśmy Państwa skargę na naszą decyzję (sprawa {reference}). Rozpatrzy ją osoba, która nie uczestniczyła w podjęciu decyzji, a my poinformujemy o wyniku i uzasadnieniu.',
  },
};

const MORE_INFORMATION: TemplateText = {
  slug: 'complaint-more-information',
  title: 'Complaint: more information needed',
  body: {
    en: 'To review your complaint (case {reference}) we need more from you: please reply with anything that shows why our decision was wrong, such as receipts, photos or messages.',
    es: 'Para revisar su reclamación (caso {reference}) necesitamos más información: responda con todo lo que demuestre por qué nuestra decisión fue errónea, como recibos, fotos o mensajes.',
    it: 'per esaminare il Suo reclamo (caso {reference}) ci servono altre informazioni: risponda con tutto ciò che mostra perché la nostra decisione era sbagliata, ad esempio ricevute, foto o messaggi.',
    fr: 'Pour examiner votre réclamation (dossier {reference}), nous avons besoin de plus d’éléments : répondez avec tout ce qui montre pourquoi notre décision était erronée, comme des reçus, des photos ou des messages.',
    nl: 'Om uw bezwaar te beoordelen (zaak {reference}) hebben we meer van u nodig: stuur ons alles wat laat zien waarom ons besluit onjuist was, zoals bonnen, foto’s of berichten.',
    de: 'um Ihre Beschwerde zu prüfen (Fall {reference}), brauchen wir mehr von Ihnen: Bitte antworten Sie mit allem, was zeigt, warum unsere Entscheidung falsch war, etwa Belege, Fotos oder Nachrichten.',
    zh: '为审查您的申诉（案例 {reference}），我们需要更多信息：请回复任何能说明我们的决定有误的材料，例如收据、照片或消息。',
    pt: 'Para analisar a sua reclamação (caso {reference}) precisamos de mais informações: responda com tudo o que mostre porque a nossa decisão estava errada, como recibos, fotografias ou mensagens.',
    pl: 'aby rozpatrzyć Państwa skargę (sprawa {reference}), potrzebujemy więcej informacji: prosimy o odpowiedź ze wszystkim, co pokazuje, dlaczego nasza decyzja była błędna, np. paragonami, zdjęciami lub wiadomościami.',
  },
};

export const COMPLAINT: TopicTexts = {
  buyer: [RECEIVED, MORE_INFORMATION],
  seller: [RECEIVED, MORE_INFORMATION],
};
