import type { Localized } from './reply-texts';

/**
 * The statement of reasons as the restricted person receives it (DSA Art. 17(3)): the
 * measure, scope and duration; the facts, and whether a notice or our own investigation
 * led to it; automated means; the ground; redress. Staff write facts and ground (in the
 * form); these are the words around them. Bodies continue the salutation (reply-texts/types.ts).
 */
export interface StatementLabels {
  intro: string;
  measure: string;
  scope: string;
  duration: string;
  facts: string;
  basisNotice: string;
  basisOwn: string;
  automatedYes: string;
  automatedNo: string;
  legalGround: string;
  contractualGround: string;
  redress: string;
  complaint: string;
  outOfCourt: string;
  /** The Commission's category of the violation, chosen from its list. */
  category: string;
  /** Opens what staff wrote in their own words (facts, an own ground or redress): sent as written. */
  asWritten: string;
  /** The free-text territorial scope as the form suggests it ('EU', 'EEA'), in words. */
  scopeEu: string;
  scopeEea: string;
  detectedYes: string;
  detectedNo: string;
}

export const STATEMENT_LABELS: Readonly<Record<keyof Localized, StatementLabels>> = {
  en: {
    intro:
      'we have restricted your account. As the EU Digital Services Act (Art. 17) requires, this is our statement of reasons (case {reference}).',
    measure: 'Measure',
    scope: 'Where it applies',
    duration: 'Duration',
    facts: 'Facts and circumstances',
    basisNotice: 'The decision followed a notice from someone else.',
    basisOwn: 'The decision followed our own investigation.',
    automatedYes: 'Automated means were used in taking this decision.',
    automatedNo: 'No automated means were used in taking this decision.',
    legalGround: 'Legal ground',
    contractualGround: 'Ground in our terms',
    redress: 'How to contest this decision',
    complaint:
      'You can complain through our internal complaint system until {date}: reply to this message, or use the help center.',
    outOfCourt:
      'You can also turn to a certified out-of-court dispute settlement body, or go to court.',
    category: 'Type of violation',
    asWritten: 'In our reviewer’s own words, as written:',
    scopeEu: 'the whole European Union',
    scopeEea: 'the whole European Economic Area (the EU, Iceland, Liechtenstein and Norway)',
    detectedYes: 'Automated means were used to detect it.',
    detectedNo: 'It was not detected by automated means.',
  },
  es: {
    intro:
      'hemos restringido su cuenta. Tal como exige la Ley de Servicios Digitales de la UE (art. 17), esta es nuestra exposición de motivos (caso {reference}).',
    measure: 'Medida',
    scope: 'Ámbito territorial',
    duration: 'Duración',
    facts: 'Hechos y circunstancias',
    basisNotice: 'La decisión se tomó a raíz de una notificación de un tercero.',
    basisOwn: 'La decisión se tomó a raíz de nuestra propia investigación.',
    automatedYes: 'Se utilizaron medios automatizados para tomar esta decisión.',
    automatedNo: 'No se utilizaron medios automatizados para tomar esta decisión.',
    legalGround: 'Fundamento jurídico',
    contractualGround: 'Fundamento en nuestras condiciones',
    redress: 'Cómo impugnar esta decisión',
    complaint:
      'Puede presentar una reclamación a través de nuestro sistema interno hasta el {date}: responda a este mensaje o utilice el centro de ayuda.',
    outOfCourt:
      'También puede acudir a un órgano certificado de resolución extrajudicial de litigios o a los tribunales.',
    category: 'Tipo de infracción',
    asWritten: 'En palabras de nuestro revisor, tal como las escribió:',
    scopeEu: 'toda la Unión Europea',
    scopeEea: 'todo el Espacio Económico Europeo (la UE, Islandia, Liechtenstein y Noruega)',
    detectedYes: 'Se utilizaron medios automatizados para detectarlo.',
    detectedNo: 'No se detectó por medios automatizados.',
  },
  it: {
    intro:
      'abbiamo limitato il Suo account. Come richiesto dal regolamento europeo sui servizi digitali (art. 17), questa è la motivazione della nostra decisione (caso {reference}).',
    measure: 'Misura',
    scope: 'Ambito territoriale',
    duration: 'Durata',
    facts: 'Fatti e circostanze',
    basisNotice: 'La decisione è seguita a una segnalazione di terzi.',
    basisOwn: 'La decisione è seguita a una nostra indagine.',
    automatedYes: 'Per questa decisione sono stati utilizzati strumenti automatizzati.',
    automatedNo: 'Per questa decisione non sono stati utilizzati strumenti automatizzati.',
    legalGround: 'Base giuridica',
    contractualGround: 'Base nelle nostre condizioni',
    redress: 'Come contestare questa decisione',
    complaint:
      'Può presentare reclamo tramite il nostro sistema interno fino al {date}: risponda a questo messaggio o usi il centro assistenza.',
    outOfCourt:
      'Può inoltre rivolgersi a un organismo certificato di risoluzione extragiudiziale delle controversie o all’autorità giudiziaria.',
    category: 'Tipo di violazione',
    asWritten: 'Con le parole del nostro revisore, così come le ha scritte:',
    scopeEu: 'l’intera Unione europea',
    scopeEea: 'l’intero Spazio economico europeo (UE, Islanda, Liechtenstein e Norvegia)',
    detectedYes: 'Per individuarlo sono stati utilizzati strumenti automatizzati.',
    detectedNo: 'Non è stato individuato con strumenti automatizzati.',
  },
  fr: {
    intro:
      'nous avons restreint votre compte. Comme l’exige le règlement européen sur les services numériques (art. 17), voici l’exposé des motifs de notre décision (dossier {reference}).',
    measure: 'Mesure',
    scope: 'Champ territorial',
    duration: 'Durée',
    facts: 'Faits et circonstances',
    basisNotice: 'La décision fait suite à un signalement d’un tiers.',
    basisOwn: 'La décision fait suite à notre propre enquête.',
    automatedYes: 'Des moyens automatisés ont été utilisés pour prendre cette décision.',
    automatedNo: 'Aucun moyen automatisé n’a été utilisé pour prendre cette décision.',
    legalGround: 'Fondement juridique',
    contractualGround: 'Fondement dans nos conditions',
    redress: 'Comment contester cette décision',
    complaint:
      'Vous pouvez introduire une réclamation via notre système interne jusqu’au {date} : répondez à ce message ou utilisez le centre d’aide.',
    outOfCourt:
      'Vous pouvez aussi vous adresser à un organe certifié de règlement extrajudiciaire des litiges, ou saisir la justice.',
    category: 'Type d’infraction',
    asWritten: 'Dans les mots de notre examinateur, tels qu’il les a écrits :',
    scopeEu: 'l’ensemble de l’Union européenne',
    scopeEea:
      'l’ensemble de l’Espace économique européen (l’UE, l’Islande, le Liechtenstein et la Norvège)',
    detectedYes: 'Des moyens automatisés ont été utilisés pour le détecter.',
    detectedNo: 'Il n’a pas été détecté par des moyens automatisés.',
  },
  nl: {
    intro:
      'we hebben uw account beperkt. Zoals de Europese digitaledienstenverordening (art. 17) vereist, is dit onze motivering (zaak {reference}).',
    measure: 'Maatregel',
    scope: 'Waar deze geldt',
    duration: 'Duur',
    facts: 'Feiten en omstandigheden',
    basisNotice: 'Het besluit volgde op een melding van iemand anders.',
    basisOwn: 'Het besluit volgde op ons eigen onderzoek.',
    automatedYes: 'Bij dit besluit zijn geautomatiseerde middelen gebruikt.',
    automatedNo: 'Bij dit besluit zijn geen geautomatiseerde middelen gebruikt.',
    legalGround: 'Wettelijke grond',
    contractualGround: 'Grond in onze voorwaarden',
    redress: 'Hoe u dit besluit kunt aanvechten',
    complaint:
      'U kunt tot {date} een klacht indienen via ons interne klachtensysteem: beantwoord dit bericht of gebruik het helpcentrum.',
    outOfCourt:
      'U kunt zich ook wenden tot een gecertificeerde instantie voor buitengerechtelijke geschillenbeslechting, of naar de rechter stappen.',
    category: 'Soort overtreding',
    asWritten: 'In de woorden van onze beoordelaar, zoals geschreven:',
    scopeEu: 'de hele Europese Unie',
    scopeEea: 'de hele Europese Economische Ruimte (de EU, IJsland, Liechtenstein en Noorwegen)',
    detectedYes: 'Dit is met geautomatiseerde middelen opgespoord.',
    detectedNo: 'Dit is niet met geautomatiseerde middelen opgespoord.',
  },
  de: {
    intro:
      'wir haben Ihr Konto eingeschränkt. Wie es das EU-Gesetz über digitale Dienste (Art. 17) verlangt, ist dies unsere Begründung (Fall {reference}).',
    measure: 'Maßnahme',
    scope: 'Räumlicher Geltungsbereich',
    duration: 'Dauer',
    facts: 'Tatsachen und Umstände',
    basisNotice: 'Die Entscheidung folgte auf eine Meldung Dritter.',
    basisOwn: 'Die Entscheidung folgte auf unsere eigene Prüfung.',
    automatedYes: 'Bei dieser Entscheidung wurden automatisierte Mittel eingesetzt.',
    automatedNo: 'Bei dieser Entscheidung wurden keine automatisierten Mittel eingesetzt.',
    legalGround: 'Rechtsgrundlage',
    contractualGround: 'Grundlage in unseren Bedingungen',
    redress: 'Wie Sie die Entscheidung anfechten können',
    complaint:
      'Sie können sich bis zum {date} über unser internes Beschwerdesystem beschweren: Antworten Sie auf diese Nachricht oder nutzen Sie das Hilfe-Center.',
    outOfCourt:
      'Sie können sich auch an eine zertifizierte außergerichtliche Streitbeilegungsstelle wenden oder den Rechtsweg beschreiten.',
    category: 'Art des Verstoßes',
    asWritten: 'In den Worten unserer Prüferin oder unseres Prüfers, wie geschrieben:',
    scopeEu: 'die gesamte Europäische Union',
    scopeEea:
      'der gesamte Europäische Wirtschaftsraum (die EU, Island, Liechtenstein und Norwegen)',
    detectedYes: 'Dies wurde mit automatisierten Mitteln erkannt.',
    detectedNo: 'Dies wurde nicht mit automatisierten Mitteln erkannt.',
  },
  zh: {
    intro:
      '我们已限制您的账户。根据欧盟《数字服务法》（第 17 条）的要求，以下是我们的理由说明（案例 {reference}）。',
    measure: '措施',
    scope: '适用地域',
    duration: '期限',
    facts: '事实与情况',
    basisNotice: '该决定源于他人的举报。',
    basisOwn: '该决定源于我们自己的调查。',
    automatedYes: '作出该决定时使用了自动化手段。',
    automatedNo: '作出该决定时未使用自动化手段。',
    legalGround: '法律依据',
    contractualGround: '依据我们的条款',
    redress: '如何对该决定提出异议',
    complaint: '您可在 {date} 之前通过我们的内部投诉系统提出申诉：回复此消息或使用帮助中心。',
    outOfCourt: '您也可以求助于经认证的庭外争议解决机构，或向法院提起诉讼。',
    category: '违规类型',
    asWritten: '以下为审核人员的原文：',
    scopeEu: '整个欧盟',
    scopeEea: '整个欧洲经济区（欧盟、冰岛、列支敦士登和挪威）',
    detectedYes: '这一情况是通过自动化手段发现的。',
    detectedNo: '这一情况并非通过自动化手段发现。',
  },
  pt: {
    intro:
      'restringimos a sua conta. Conforme exige o Regulamento dos Serviços Digitais da UE (art.º 17.º), esta é a nossa fundamentação (caso {reference}).',
    measure: 'Medida',
    scope: 'Âmbito territorial',
    duration: 'Duração',
    facts: 'Factos e circunstâncias',
    basisNotice: 'A decisão resultou de uma denúncia de terceiros.',
    basisOwn: 'A decisão resultou da nossa própria investigação.',
    automatedYes: 'Foram utilizados meios automatizados na tomada desta decisão.',
    automatedNo: 'Não foram utilizados meios automatizados na tomada desta decisão.',
    legalGround: 'Fundamento jurídico',
    contractualGround: 'Fundamento nas nossas condições',
    redress: 'Como contestar esta decisão',
    complaint:
      'Pode apresentar uma reclamação através do nosso sistema interno até {date}: responda a esta mensagem ou utilize o centro de ajuda.',
    outOfCourt:
      'Pode também recorrer a um organismo certificado de resolução extrajudicial de litígios ou aos tribunais.',
    category: 'Tipo de infração',
    asWritten: 'Nas palavras do nosso revisor, tal como as escreveu:',
    scopeEu: 'toda a União Europeia',
    scopeEea: 'todo o Espaço Económico Europeu (a UE, a Islândia, o Listenstaine e a Noruega)',
    detectedYes: 'Foram utilizados meios automatizados para o detetar.',
    detectedNo: 'Não foi detetado por meios automatizados.',
  },
  pl: {
    intro:
      'ograniczyliśmy Państwa konto. Zgodnie z wymogami unijnego aktu o usługach cyfrowych (art. 17) przedstawiamy uzasadnienie (sprawa {reference}).',
    measure: 'Środek',
    scope: 'Zasięg terytorialny',
    duration: 'Czas trwania',
    facts: 'Fakty i okoliczności',
    basisNotice: 'Decyzja zapadła po zgłoszeniu osoby trzeciej.',
    basisOwn: 'Decyzja zapadła po naszym własnym postępowaniu wyjaśniającym.',
    automatedYes: 'Przy podejmowaniu tej decyzji użyto zautomatyzowanych środków.',
    automatedNo: 'Przy podejmowaniu tej decyzji nie użyto zautomatyzowanych środków.',
    legalGround: 'Podstawa prawna',
    contractualGround: 'Podstawa w naszym regulaminie',
    redress: 'Jak zakwestionować tę decyzję',
    complaint:
      'Do {date} mogą Państwo złożyć skargę w naszym wewnętrznym systemie rozpatrywania skarg: prosimy odpowiedzieć na tę wiadomość lub skorzystać z centrum pomocy.',
    outOfCourt:
      'Mogą Państwo również zwrócić się do certyfikowanego organu pozasądowego rozstrzygania sporów lub do sądu.',
    category: 'Rodzaj naruszenia',
    asWritten: 'Słowami naszego weryfikatora, w oryginalnym brzmieniu:',
    scopeEu: 'cała Unia Europejska',
    scopeEea: 'cały Europejski Obszar Gospodarczy (UE, Islandia, Liechtenstein i Norwegia)',
    detectedYes: 'Do wykrycia tego użyto zautomatyzowanych środków.',
    detectedNo: 'Nie wykryto tego za pomocą zautomatyzowanych środków.',
  },
};

/** What the person who complained is told of the decision on it (Art. 20(5)). */
export const COMPLAINT_OUTCOME_TEXTS: Readonly<
  Record<'upheld' | 'reversed', Readonly<Record<keyof Localized, string>>>
> = {
  upheld: {
    en: 'we have reviewed your complaint about our decision (case {reference}). The decision stands. Our reasons:\n\n{reasons}\n\nIf you disagree, you can turn to a certified out-of-court dispute settlement body, or go to court.',
    es: 'hemos revisado su reclamación sobre nuestra decisión (caso {reference}). La decisión se mantiene. Nuestros motivos:\n\n{reasons}\n\nSi no está de acuerdo, puede acudir a un órgano certificado de resolución extrajudicial de litigios o a los tribunales.',
    it: 'abbiamo esaminato il Suo reclamo sulla nostra decisione (caso {reference}). La decisione è confermata. Le nostre ragioni:\n\n{reasons}\n\nSe non è d’accordo, può rivolgersi a un organismo certificato di risoluzione extragiudiziale delle controversie o all’autorità giudiziaria.',
    fr: 'nous avons examiné votre réclamation contre notre décision (dossier {reference}). La décision est maintenue. Nos motifs :\n\n{reasons}\n\nSi vous n’êtes pas d’accord, vous pouvez vous adresser à un organe certifié de règlement extrajudiciaire des litiges, ou saisir la justice.',
    nl: 'we hebben uw bezwaar tegen ons besluit beoordeeld (zaak {reference}). Het besluit blijft van kracht. Onze redenen:\n\n{reasons}\n\nBent u het er niet mee eens, dan kunt u zich wenden tot een gecertificeerde instantie voor buitengerechtelijke geschillenbeslechting, of naar de rechter stappen.',
    de: 'wir haben Ihre Beschwerde gegen unsere Entscheidung geprüft (Fall {reference}). Die Entscheidung bleibt bestehen. Unsere Gründe:\n\n{reasons}\n\nWenn Sie nicht einverstanden sind, können Sie sich an eine zertifizierte außergerichtliche Streitbeilegungsstelle wenden oder den Rechtsweg beschreiten.',
    zh: '我们已审查您对我们决定的申诉（案例 {reference}）。该决定维持不变。我们的理由：\n\n{reasons}\n\n如您不同意，可求助于经认证的庭外争议解决机构，或向法院提起诉讼。',
    pt: 'analisámos a sua reclamação da nossa decisão (caso {reference}). A decisão mantém-se. Os nossos motivos:\n\n{reasons}\n\nSe não concordar, pode recorrer a um organismo certificado de resolução extrajudicial de litígios ou aos tribunais.',
    pl: 'rozpatrzyliśmy Państwa skargę na naszą decyzję (sprawa {reference}). Decyzja zostaje utrzymana. Nasze uzasadnienie:\n\n{reasons}\n\nW razie braku zgody mogą Państwo zwrócić się do certyfikowanego organu pozasądowego rozstrzygania sporów lub do sądu.',
  },
  reversed: {
    en: 'we have reviewed your complaint about our decision (case {reference}) and reversed it: the restriction of your account ({measure}) has been lifted. Our reasons:\n\n{reasons}',
    es: 'hemos revisado su reclamación sobre nuestra decisión (caso {reference}) y la hemos revocado: se ha levantado la restricción de su cuenta ({measure}). Nuestros motivos:\n\n{reasons}',
    it: 'abbiamo esaminato il Suo reclamo sulla nostra decisione (caso {reference}) e l’abbiamo revocata: la limitazione del Suo account ({measure}) è stata rimossa. Le nostre ragioni:\n\n{reasons}',
    fr: 'nous avons examiné votre réclamation contre notre décision (dossier {reference}) et l’avons annulée : la restriction de votre compte ({measure}) est levée. Nos motifs :\n\n{reasons}',
    nl: 'we hebben uw bezwaar tegen ons besluit beoordeeld (zaak {reference}) en het besluit herroepen: de beperking van uw account ({measure}) is opgeheven. Onze redenen:\n\n{reasons}',
    de: 'wir haben Ihre Beschwerde gegen unsere Entscheidung geprüft (Fall {reference}) und die Entscheidung aufgehoben: Die Einschränkung Ihres Kontos ({measure}) ist beendet. Unsere Gründe:\n\n{reasons}',
    zh: '我们已审查您对我们决定的申诉（案例 {reference}）并撤销了该决定：您账户的限制（{measure}）已解除。我们的理由：\n\n{reasons}',
    pt: 'analisámos a sua reclamação da nossa decisão (caso {reference}) e revogámo-la: a restrição da sua conta ({measure}) foi levantada. Os nossos motivos:\n\n{reasons}',
    pl: 'rozpatrzyliśmy Państwa skargę na naszą decyzję (sprawa {reference}) i uchyliliśmy ją: ograniczenie konta ({measure}) zostało zniesione. Nasze uzasadnienie:\n\n{reasons}',
  },
};
