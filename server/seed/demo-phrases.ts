import type { Language, Topic } from '../../shared';

/** The buyer's words, in the buyer's language: one question per topic. `{lot}` is the object. */
export const QUESTIONS: Record<Language, Record<Topic, string>> = {
  en: {
    item_not_received:
      'My order "{lot}" still has not arrived and tracking has not moved for a week.',
    not_as_described:
      'The "{lot}" I received does not match the description: the photos hid a large crack.',
    damaged_in_transit: '"{lot}" arrived broken, the box was crushed. What can I do?',
    counterfeit_suspected:
      'I believe "{lot}" is a fake: the serial number does not exist according to the brand.',
    fraud_suspected: 'The seller asked me to pay outside the platform for "{lot}". Is this a scam?',
    payment_issue: 'I was charged twice for "{lot}". Please refund the duplicate payment.',
    cancellation_request: 'I bid on "{lot}" by mistake and would like to cancel the order.',
    account_access: 'I cannot log in to my account, the reset email never arrives.',
    general_question: 'How long does the marketplace hold my payment before paying the seller?',
  },
  de: {
    item_not_received:
      'Meine Bestellung „{lot}" ist immer noch nicht angekommen, die Sendungsverfolgung steht seit einer Woche still.',
    not_as_described:
      'Das gelieferte Objekt „{lot}" entspricht nicht der Beschreibung, es hat einen deutlichen Riss.',
    damaged_in_transit:
      '„{lot}" ist beschädigt angekommen, der Karton war eingedrückt. Was kann ich tun?',
    counterfeit_suspected:
      'Ich vermute, dass „{lot}" eine Fälschung ist: Die Seriennummer existiert laut Hersteller nicht.',
    fraud_suspected:
      'Der Verkäufer möchte, dass ich für „{lot}" außerhalb der Plattform bezahle. Ist das Betrug?',
    payment_issue: 'Mir wurde „{lot}" zweimal abgebucht. Bitte erstatten Sie die doppelte Zahlung.',
    cancellation_request:
      'Ich habe versehentlich auf „{lot}" geboten und möchte die Bestellung stornieren.',
    account_access:
      'Ich komme nicht mehr in mein Konto, die E-Mail zum Zurücksetzen kommt nicht an.',
    general_question:
      'Wie lange hält der Marktplatz meine Zahlung zurück, bevor der Verkäufer sie erhält?',
  },
  nl: {
    item_not_received:
      'Mijn bestelling "{lot}" is nog steeds niet aangekomen en de track-and-trace staat al een week stil.',
    not_as_described:
      'Het ontvangen object "{lot}" komt niet overeen met de beschrijving: er zit een flinke barst in.',
    damaged_in_transit: '"{lot}" is beschadigd aangekomen, de doos was ingedeukt. Wat kan ik doen?',
    counterfeit_suspected:
      'Ik denk dat "{lot}" vals is: het serienummer bestaat volgens het merk niet.',
    fraud_suspected:
      'De verkoper vraagt mij om buiten het platform te betalen voor "{lot}". Is dit oplichting?',
    payment_issue: 'Er is twee keer voor "{lot}" afgeschreven. Graag de dubbele betaling terug.',
    cancellation_request: 'Ik heb per ongeluk op "{lot}" geboden en wil de bestelling annuleren.',
    account_access:
      'Ik kan niet meer inloggen, de e-mail om mijn wachtwoord te herstellen komt niet aan.',
    general_question:
      'Hoe lang houdt het platform mijn betaling vast voordat de verkoper wordt betaald?',
  },
  fr: {
    item_not_received:
      "Ma commande « {lot} » n'est toujours pas arrivée et le suivi ne bouge plus depuis une semaine.",
    not_as_described:
      "L'objet « {lot} » reçu ne correspond pas à la description : il présente une grosse fissure.",
    damaged_in_transit: '« {lot} » est arrivé cassé, le carton était écrasé. Que puis-je faire ?',
    counterfeit_suspected:
      "Je pense que « {lot} » est une contrefaçon : le numéro de série n'existe pas selon la marque.",
    fraud_suspected:
      'Le vendeur me demande de payer « {lot} » en dehors de la plateforme. Est-ce une arnaque ?',
    payment_issue:
      "J'ai été débité deux fois pour « {lot} ». Merci de rembourser le paiement en double.",
    cancellation_request:
      "J'ai enchéri sur « {lot} » par erreur et je souhaite annuler la commande.",
    account_access:
      "Je n'arrive plus à me connecter, l'e-mail de réinitialisation n'arrive jamais.",
    general_question:
      'Combien de temps la plateforme conserve-t-elle mon paiement avant de payer le vendeur ?',
  },
  es: {
    item_not_received:
      'Mi pedido «{lot}» todavía no ha llegado y el seguimiento no se mueve desde hace una semana.',
    not_as_described:
      'El objeto «{lot}» que recibí no coincide con la descripción: tiene una grieta grande.',
    damaged_in_transit: '«{lot}» llegó roto, la caja estaba aplastada. ¿Qué puedo hacer?',
    counterfeit_suspected:
      'Creo que «{lot}» es una falsificación: según la marca, el número de serie no existe.',
    fraud_suspected:
      'El vendedor me pide que pague «{lot}» fuera de la plataforma. ¿Es una estafa?',
    payment_issue: 'Me han cobrado dos veces «{lot}». Por favor, devuélvanme el pago duplicado.',
    cancellation_request: 'Pujé por «{lot}» por error y quisiera cancelar el pedido.',
    account_access:
      'No puedo acceder a mi cuenta, el correo para restablecer la contraseña nunca llega.',
    general_question: '¿Cuánto tiempo retiene la plataforma mi pago antes de pagar al vendedor?',
  },
  it: {
    item_not_received:
      'Il mio ordine «{lot}» non è ancora arrivato e il tracciamento è fermo da una settimana.',
    not_as_described:
      "L'oggetto «{lot}» ricevuto non corrisponde alla descrizione: ha una grossa crepa.",
    damaged_in_transit: '«{lot}» è arrivato rotto, la scatola era schiacciata. Cosa posso fare?',
    counterfeit_suspected:
      'Credo che «{lot}» sia un falso: secondo il marchio il numero di serie non esiste.',
    fraud_suspected:
      'Il venditore mi chiede di pagare «{lot}» fuori dalla piattaforma. È una truffa?',
    payment_issue:
      'Mi è stato addebitato due volte «{lot}». Vi prego di rimborsare il pagamento doppio.',
    cancellation_request: "Ho fatto un'offerta su «{lot}» per errore e vorrei annullare l'ordine.",
    account_access:
      "Non riesco ad accedere al mio account, l'e-mail di reimpostazione non arriva mai.",
    general_question:
      'Per quanto tempo la piattaforma trattiene il mio pagamento prima di pagare il venditore?',
  },
  pt: {
    item_not_received:
      'A minha encomenda «{lot}» ainda não chegou e o seguimento está parado há uma semana.',
    not_as_described:
      'O objeto «{lot}» que recebi não corresponde à descrição: tem uma grande fissura.',
    damaged_in_transit: '«{lot}» chegou partido, a caixa vinha esmagada. O que posso fazer?',
    counterfeit_suspected:
      'Acho que «{lot}» é falsificado: segundo a marca, o número de série não existe.',
    fraud_suspected: 'O vendedor pede-me para pagar «{lot}» fora da plataforma. É uma burla?',
    payment_issue:
      'Fui cobrado duas vezes por «{lot}». Por favor, reembolsem o pagamento duplicado.',
    cancellation_request: 'Licitei em «{lot}» por engano e gostaria de cancelar a encomenda.',
    account_access: 'Não consigo entrar na minha conta, o e-mail de recuperação nunca chega.',
    general_question: 'Quanto tempo a plataforma retém o meu pagamento antes de pagar ao vendedor?',
  },
  pl: {
    item_not_received:
      'Moje zamówienie „{lot}" wciąż nie dotarło, a śledzenie przesyłki stoi od tygodnia.',
    not_as_described: 'Otrzymany przedmiot „{lot}" nie zgadza się z opisem: ma duże pęknięcie.',
    damaged_in_transit: '„{lot}" dotarł uszkodzony, karton był zgnieciony. Co mogę zrobić?',
    counterfeit_suspected:
      'Podejrzewam, że „{lot}" to podróbka: według producenta numer seryjny nie istnieje.',
    fraud_suspected: 'Sprzedawca prosi, żebym zapłacił za „{lot}" poza platformą. Czy to oszustwo?',
    payment_issue:
      'Pobrano ode mnie dwa razy opłatę za „{lot}". Proszę o zwrot podwójnej płatności.',
    cancellation_request: 'Przez pomyłkę złożyłem ofertę na „{lot}" i chcę anulować zamówienie.',
    account_access: 'Nie mogę zalogować się na konto, e-mail do resetu hasła nie przychodzi.',
    general_question: 'Jak długo platforma przechowuje moją płatność, zanim zapłaci sprzedawcy?',
  },
  zh: {
    item_not_received: '我的订单「{lot}」仍未送达，物流信息已经一周没有更新了。',
    not_as_described: '我收到的「{lot}」与描述不符：照片没有显示一道很大的裂纹。',
    damaged_in_transit: '「{lot}」到货时已经损坏，包装箱被压扁了。我该怎么办？',
    counterfeit_suspected: '我认为「{lot}」是假货：品牌方说这个序列号不存在。',
    fraud_suspected: '卖家要求我在平台外为「{lot}」付款。这是诈骗吗？',
    payment_issue: '「{lot}」被重复扣款两次，请退还重复的款项。',
    cancellation_request: '我误拍了「{lot}」，想取消这个订单。',
    account_access: '我无法登录账户，重置密码的邮件一直收不到。',
    general_question: '平台在付款给卖家之前会保留我的付款多长时间？',
  },
};

/** What the AI assistant answered (the buyer found it unhelpful), per language. */
export const AI_ANSWERS: Record<Language, string> = {
  en: 'Deliveries can take up to 10 working days. Please check the tracking link and contact the seller first.',
  de: 'Lieferungen können bis zu 10 Werktage dauern. Bitte prüfen Sie die Sendungsverfolgung und kontaktieren Sie zuerst den Verkäufer.',
  nl: 'Leveringen kunnen tot 10 werkdagen duren. Controleer de track-and-trace en neem eerst contact op met de verkoper.',
  fr: "Les livraisons peuvent prendre jusqu'à 10 jours ouvrés. Vérifiez le suivi et contactez d'abord le vendeur.",
  es: 'Las entregas pueden tardar hasta 10 días laborables. Consulte el seguimiento y contacte primero con el vendedor.',
  it: 'Le consegne possono richiedere fino a 10 giorni lavorativi. Controlli il tracciamento e contatti prima il venditore.',
  pt: 'As entregas podem demorar até 10 dias úteis. Verifique o seguimento e contacte primeiro o vendedor.',
  pl: 'Dostawa może potrwać do 10 dni roboczych. Proszę sprawdzić śledzenie przesyłki i najpierw skontaktować się ze sprzedawcą.',
  zh: '配送可能需要最多10个工作日。请先查看物流信息并联系卖家。',
};

/** The seller's reply the buyer reported, per language. */
export const SELLER_REPLIES: Record<Language, string> = {
  en: 'I shipped it on time, please wait a few more days.',
  de: 'Ich habe pünktlich versendet, bitte warten Sie noch ein paar Tage.',
  nl: 'Ik heb het op tijd verzonden, wacht u nog een paar dagen.',
  fr: "J'ai expédié à temps, merci de patienter encore quelques jours.",
  es: 'Lo envié a tiempo, espere unos días más, por favor.',
  it: 'Ho spedito in tempo, attenda ancora qualche giorno.',
  pt: 'Enviei a tempo, aguarde mais alguns dias, por favor.',
  pl: 'Wysłałem na czas, proszę poczekać jeszcze kilka dni.',
  zh: '我已按时发货，请再等几天。',
};

/** A follow-up from the buyer, per language. */
export const BUYER_FOLLOW_UPS: Record<Language, string> = {
  en: 'Thank you. Any news?',
  de: 'Danke. Gibt es Neuigkeiten?',
  nl: 'Dank u. Is er nieuws?',
  fr: 'Merci. Avez-vous des nouvelles ?',
  es: 'Gracias. ¿Hay novedades?',
  it: 'Grazie. Ci sono novità?',
  pt: 'Obrigado. Há novidades?',
  pl: 'Dziękuję. Czy są jakieś wieści?',
  zh: '谢谢。有进展吗？',
};

/** An agent's first reply, per language. */
export const AGENT_REPLIES: Record<Language, string> = {
  en: 'Thank you for contacting us. We are looking into your case and will get back to you shortly.',
  de: 'Vielen Dank für Ihre Nachricht. Wir prüfen Ihren Fall und melden uns in Kürze bei Ihnen.',
  nl: 'Dank u voor uw bericht. We bekijken uw zaak en nemen spoedig contact met u op.',
  fr: 'Merci de nous avoir contactés. Nous examinons votre dossier et revenons vers vous rapidement.',
  es: 'Gracias por contactarnos. Estamos revisando su caso y le responderemos en breve.',
  it: 'Grazie per averci contattato. Stiamo esaminando il Suo caso e La ricontatteremo a breve.',
  pt: 'Obrigado pelo seu contacto. Estamos a analisar o seu caso e responderemos em breve.',
  pl: 'Dziękujemy za kontakt. Analizujemy Pana/Pani sprawę i wkrótce się odezwiemy.',
  zh: '感谢您的联系。我们正在处理您的案例，会尽快回复您。',
};

export const FIRST_NAMES: Record<Language, string[]> = {
  en: ['Oliver', 'Emma', 'Harry', 'Sophie', 'James', 'Grace'],
  de: ['Lukas', 'Anna', 'Felix', 'Lena', 'Jonas', 'Marie'],
  nl: ['Daan', 'Sanne', 'Bram', 'Lotte', 'Jeroen', 'Fleur'],
  fr: ['Louis', 'Camille', 'Hugo', 'Chloé', 'Julien', 'Manon'],
  es: ['Pablo', 'Lucía', 'Javier', 'Carmen', 'Diego', 'Elena'],
  it: ['Luca', 'Giulia', 'Marco', 'Chiara', 'Matteo', 'Sara'],
  pt: ['João', 'Beatriz', 'Tiago', 'Inês', 'Rui', 'Mariana'],
  pl: ['Jakub', 'Zofia', 'Piotr', 'Agnieszka', 'Tomasz', 'Katarzyna'],
  zh: ['Wei', 'Fang', 'Jun', 'Li', 'Hao', 'Mei'],
};

export const LAST_NAMES: Record<Language, string[]> = {
  en: ['Smith', 'Taylor', 'Brown', 'Wilson', 'Clarke'],
  de: ['Müller', 'Schmidt', 'Weber', 'Fischer', 'Becker'],
  nl: ['de Jong', 'Jansen', 'Visser', 'Bakker', 'Smit'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau'],
  es: ['García', 'Martínez', 'López', 'Sánchez', 'Romero'],
  it: ['Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci'],
  pt: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Costa'],
  pl: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński'],
  zh: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen'],
};

export const COUNTRY: Record<Language, string> = {
  en: 'GB',
  de: 'DE',
  nl: 'NL',
  fr: 'FR',
  es: 'ES',
  it: 'IT',
  pt: 'PT',
  pl: 'PL',
  zh: 'CN',
};

export const LOTS: { title: string; category: string; price: [number, number] }[] = [
  { title: 'Omega Seamaster 300 — 1967', category: 'Watches', price: [1800_00, 4200_00] },
  { title: 'Rolex Submariner 16610', category: 'Watches', price: [6500_00, 9000_00] },
  {
    title: 'Art Deco bronze dancer, signed Chiparus',
    category: 'Sculpture',
    price: [900_00, 2600_00],
  },
  { title: 'Château Margaux 2005, 1 bottle', category: 'Wine', price: [550_00, 900_00] },
  { title: 'Hermès silk scarf "Brides de Gala"', category: 'Fashion', price: [120_00, 380_00] },
  { title: 'Leica M3 with Summicron 50mm', category: 'Cameras', price: [1400_00, 2400_00] },
  { title: 'Tintin — Le Lotus Bleu, first edition', category: 'Comics', price: [300_00, 1500_00] },
  { title: 'Roman denarius, Hadrian, silver', category: 'Coins', price: [80_00, 420_00] },
  { title: 'Eames lounge chair, 1970s', category: 'Design', price: [2500_00, 5200_00] },
  { title: 'Penny Black, 1840, four margins', category: 'Stamps', price: [150_00, 700_00] },
  {
    title: 'Porsche 911 original Fuchs wheels (set of 4)',
    category: 'Classic car parts',
    price: [1200_00, 2800_00],
  },
  {
    title: '18k gold Art Nouveau brooch with pearls',
    category: 'Jewellery',
    price: [400_00, 1300_00],
  },
  {
    title: 'Delft blue charger plate, 18th century',
    category: 'Ceramics',
    price: [200_00, 800_00],
  },
  { title: 'Louis Vuitton Keepall 50', category: 'Fashion', price: [450_00, 1100_00] },
  {
    title: 'Original oil painting, Dutch polder landscape',
    category: 'Paintings',
    price: [250_00, 1900_00],
  },
];

export const SELLERS: { name: string; country: string; rating: number }[] = [
  { name: 'Antiquariaat Van Dijk', country: 'NL', rating: 4.8 },
  { name: 'Uhrenhaus Berger', country: 'DE', rating: 4.6 },
  { name: 'Maison Duval Antiquités', country: 'FR', rating: 4.9 },
  { name: 'Luxe Time Trading', country: 'HK', rating: 3.1 },
  { name: 'Galleria Moretti', country: 'IT', rating: 4.7 },
  { name: 'Vintage Cameras Porto', country: 'PT', rating: 4.5 },
  { name: 'Numismatica Iberia', country: 'ES', rating: 4.4 },
  { name: 'Designklassiker Hamburg', country: 'DE', rating: 4.2 },
  { name: 'London Stamp Room', country: 'GB', rating: 4.9 },
  { name: 'Best Brands Outlet 24', country: 'CN', rating: 2.6 },
];
