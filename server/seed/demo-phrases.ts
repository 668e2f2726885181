import type { EscalationTopic as Topic, Language } from '../../shared';

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

/**
 * What the AI assistant answered from the help center, per language and topic: a generic
 * knowledge-base answer to the buyer's question, which the buyer found unhelpful.
 */
export const AI_ANSWERS: Record<Language, Record<Topic, string>> = {
  en: {
    item_not_received:
      'Deliveries can take up to 10 working days. Please check the tracking link and contact the seller first.',
    not_as_described:
      'If an object does not match its description, please contact the seller first from your order page and describe the difference. Most issues are resolved directly with the seller.',
    damaged_in_transit:
      'Sellers are responsible for packing objects securely. Please keep the packaging and contact the seller first so that they can file a claim with the carrier.',
    counterfeit_suspected:
      'All objects are reviewed before they are offered at auction. If you still have doubts about authenticity, please contact the seller first and ask for a certificate or proof of provenance.',
    fraud_suspected:
      'For your safety, always pay through the platform: payments made outside it are not covered by buyer protection. You can find more information in our article on buying safely.',
    payment_issue:
      'A second charge is often a temporary authorisation that your bank releases automatically within a few working days. Please check your bank statement again later.',
    cancellation_request:
      'Bids are binding and cannot be withdrawn once placed. Please contact the seller to ask whether they agree to cancel the order.',
    account_access:
      'To reset your password, select "Forgot password?" on the login page and follow the link in the email. Please also check your spam folder.',
    general_question:
      'Your payment is held securely until the object has been delivered to you. The seller is then paid in line with our payment terms.',
  },
  de: {
    item_not_received:
      'Lieferungen können bis zu 10 Werktage dauern. Bitte prüfen Sie die Sendungsverfolgung und kontaktieren Sie zuerst den Verkäufer.',
    not_as_described:
      'Wenn ein Objekt nicht der Beschreibung entspricht, kontaktieren Sie bitte zuerst den Verkäufer über Ihre Bestellseite und beschreiben Sie die Abweichung. Die meisten Probleme lassen sich direkt mit dem Verkäufer klären.',
    damaged_in_transit:
      'Verkäufer sind für eine sichere Verpackung verantwortlich. Bitte bewahren Sie die Verpackung auf und kontaktieren Sie zuerst den Verkäufer, damit er eine Reklamation beim Versanddienstleister einreichen kann.',
    counterfeit_suspected:
      'Alle Objekte werden geprüft, bevor sie zur Auktion angeboten werden. Wenn Sie dennoch Zweifel an der Echtheit haben, kontaktieren Sie bitte zuerst den Verkäufer und bitten Sie um ein Zertifikat oder einen Herkunftsnachweis.',
    fraud_suspected:
      'Bezahlen Sie zu Ihrer Sicherheit immer über die Plattform: Zahlungen außerhalb der Plattform sind nicht durch den Käuferschutz abgedeckt. Weitere Informationen finden Sie in unserem Artikel zum sicheren Kaufen.',
    payment_issue:
      'Eine zweite Abbuchung ist oft nur eine vorübergehende Autorisierung, die Ihre Bank innerhalb weniger Werktage automatisch freigibt. Bitte prüfen Sie Ihren Kontoauszug später erneut.',
    cancellation_request:
      'Gebote sind verbindlich und können nach der Abgabe nicht zurückgezogen werden. Bitte kontaktieren Sie den Verkäufer und fragen Sie, ob er einer Stornierung der Bestellung zustimmt.',
    account_access:
      'Um Ihr Passwort zurückzusetzen, wählen Sie auf der Anmeldeseite „Passwort vergessen?“ und folgen Sie dem Link in der E-Mail. Bitte prüfen Sie auch Ihren Spam-Ordner.',
    general_question:
      'Ihre Zahlung wird sicher verwahrt, bis das Objekt bei Ihnen angekommen ist. Anschließend erhält der Verkäufer die Zahlung gemäß unseren Zahlungsbedingungen.',
  },
  nl: {
    item_not_received:
      'Leveringen kunnen tot 10 werkdagen duren. Controleer de track-and-trace en neem eerst contact op met de verkoper.',
    not_as_described:
      'Als een object niet overeenkomt met de beschrijving, neem dan eerst via uw bestelpagina contact op met de verkoper en beschrijf het verschil. De meeste problemen worden rechtstreeks met de verkoper opgelost.',
    damaged_in_transit:
      'Verkopers zijn verantwoordelijk voor een veilige verpakking. Bewaar de verpakking en neem eerst contact op met de verkoper, zodat deze een claim kan indienen bij de vervoerder.',
    counterfeit_suspected:
      'Alle objecten worden gecontroleerd voordat ze worden geveild. Twijfelt u toch aan de echtheid, neem dan eerst contact op met de verkoper en vraag om een certificaat of herkomstbewijs.',
    fraud_suspected:
      'Betaal voor uw eigen veiligheid altijd via het platform: betalingen buiten het platform vallen niet onder de kopersbescherming. Meer informatie vindt u in ons artikel over veilig kopen.',
    payment_issue:
      'Een tweede afschrijving is vaak een tijdelijke reservering die uw bank binnen enkele werkdagen automatisch vrijgeeft. Controleer uw rekeningoverzicht later nog eens.',
    cancellation_request:
      'Biedingen zijn bindend en kunnen na het plaatsen niet worden ingetrokken. Neem contact op met de verkoper en vraag of deze akkoord gaat met het annuleren van de bestelling.',
    account_access:
      'Om uw wachtwoord te herstellen, kiest u op de inlogpagina "Wachtwoord vergeten?" en volgt u de link in de e-mail. Controleer ook uw spammap.',
    general_question:
      'Uw betaling wordt veilig bewaard totdat het object bij u is afgeleverd. Daarna wordt de verkoper betaald volgens onze betalingsvoorwaarden.',
  },
  fr: {
    item_not_received:
      "Les livraisons peuvent prendre jusqu'à 10 jours ouvrés. Vérifiez le suivi et contactez d'abord le vendeur.",
    not_as_described:
      "Si un objet ne correspond pas à sa description, veuillez d'abord contacter le vendeur depuis votre page de commande et décrire la différence. La plupart des problèmes se règlent directement avec le vendeur.",
    damaged_in_transit:
      "Les vendeurs sont responsables de l'emballage des objets. Conservez l'emballage et contactez d'abord le vendeur afin qu'il puisse déposer une réclamation auprès du transporteur.",
    counterfeit_suspected:
      "Tous les objets sont contrôlés avant d'être mis aux enchères. Si vous avez encore des doutes sur l'authenticité, contactez d'abord le vendeur et demandez-lui un certificat ou une preuve de provenance.",
    fraud_suspected:
      'Pour votre sécurité, payez toujours via la plateforme : les paiements effectués en dehors ne sont pas couverts par la protection des acheteurs. Pour en savoir plus, consultez notre article sur les achats en toute sécurité.',
    payment_issue:
      'Un second débit correspond souvent à une autorisation temporaire que votre banque libère automatiquement sous quelques jours ouvrés. Veuillez vérifier à nouveau votre relevé bancaire plus tard.',
    cancellation_request:
      "Les enchères sont définitives et ne peuvent pas être retirées une fois placées. Veuillez contacter le vendeur pour lui demander s'il accepte d'annuler la commande.",
    account_access:
      'Pour réinitialiser votre mot de passe, cliquez sur « Mot de passe oublié ? » sur la page de connexion et suivez le lien reçu par e-mail. Pensez également à vérifier vos courriers indésirables.',
    general_question:
      "Votre paiement est conservé en toute sécurité jusqu'à la livraison de l'objet. Le vendeur est ensuite payé conformément à nos conditions de paiement.",
  },
  es: {
    item_not_received:
      'Las entregas pueden tardar hasta 10 días laborables. Consulte el seguimiento y contacte primero con el vendedor.',
    not_as_described:
      'Si un objeto no coincide con su descripción, contacte primero con el vendedor desde la página de su pedido y describa la diferencia. La mayoría de los problemas se resuelven directamente con el vendedor.',
    damaged_in_transit:
      'Los vendedores son responsables de embalar los objetos de forma segura. Conserve el embalaje y contacte primero con el vendedor para que pueda presentar una reclamación a la empresa de transporte.',
    counterfeit_suspected:
      'Todos los objetos se revisan antes de salir a subasta. Si aun así tiene dudas sobre su autenticidad, contacte primero con el vendedor y pídale un certificado o una prueba de procedencia.',
    fraud_suspected:
      'Por su seguridad, pague siempre a través de la plataforma: los pagos realizados fuera de ella no están cubiertos por la protección al comprador. Encontrará más información en nuestro artículo sobre compras seguras.',
    payment_issue:
      'Un segundo cargo suele ser una autorización temporal que su banco libera automáticamente en unos días laborables. Vuelva a consultar su extracto bancario más adelante.',
    cancellation_request:
      'Las pujas son vinculantes y no se pueden retirar una vez realizadas. Contacte con el vendedor para preguntarle si acepta cancelar el pedido.',
    account_access:
      'Para restablecer su contraseña, seleccione «¿Ha olvidado su contraseña?» en la página de inicio de sesión y siga el enlace del correo electrónico. Revise también su carpeta de correo no deseado.',
    general_question:
      'Su pago se retiene de forma segura hasta que reciba el objeto. Después, el vendedor cobra según nuestras condiciones de pago.',
  },
  it: {
    item_not_received:
      'Le consegne possono richiedere fino a 10 giorni lavorativi. Controlli il tracciamento e contatti prima il venditore.',
    not_as_described:
      'Se un oggetto non corrisponde alla descrizione, contatti prima il venditore dalla pagina del Suo ordine e descriva la differenza. La maggior parte dei problemi si risolve direttamente con il venditore.',
    damaged_in_transit:
      "I venditori sono responsabili di un imballaggio sicuro. Conservi l'imballaggio e contatti prima il venditore, affinché possa presentare un reclamo al corriere.",
    counterfeit_suspected:
      "Tutti gli oggetti vengono controllati prima di essere messi all'asta. Se ha ancora dubbi sull'autenticità, contatti prima il venditore e gli chieda un certificato o una prova di provenienza.",
    fraud_suspected:
      'Per la Sua sicurezza, paghi sempre tramite la piattaforma: i pagamenti effettuati al di fuori non sono coperti dalla protezione acquirenti. Trova maggiori informazioni nel nostro articolo sugli acquisti sicuri.',
    payment_issue:
      "Un secondo addebito è spesso un'autorizzazione temporanea che la Sua banca sblocca automaticamente entro pochi giorni lavorativi. Ricontrolli il Suo estratto conto più avanti.",
    cancellation_request:
      "Le offerte sono vincolanti e non possono essere ritirate una volta effettuate. Contatti il venditore per chiedergli se accetta di annullare l'ordine.",
    account_access:
      "Per reimpostare la password, selezioni «Password dimenticata?» nella pagina di accesso e segua il link nell'e-mail. Controlli anche la cartella della posta indesiderata.",
    general_question:
      "Il Suo pagamento viene custodito in modo sicuro finché l'oggetto non Le è stato consegnato. Il venditore viene poi pagato secondo le nostre condizioni di pagamento.",
  },
  pt: {
    item_not_received:
      'As entregas podem demorar até 10 dias úteis. Verifique o seguimento e contacte primeiro o vendedor.',
    not_as_described:
      'Se um objeto não corresponder à descrição, contacte primeiro o vendedor através da página da sua encomenda e descreva a diferença. A maioria dos problemas resolve-se diretamente com o vendedor.',
    damaged_in_transit:
      'Os vendedores são responsáveis por embalar os objetos de forma segura. Guarde a embalagem e contacte primeiro o vendedor, para que este possa apresentar uma reclamação à transportadora.',
    counterfeit_suspected:
      'Todos os objetos são verificados antes de irem a leilão. Se ainda tiver dúvidas sobre a autenticidade, contacte primeiro o vendedor e peça-lhe um certificado ou uma prova de proveniência.',
    fraud_suspected:
      'Para sua segurança, pague sempre através da plataforma: os pagamentos feitos fora dela não estão cobertos pela proteção do comprador. Encontra mais informações no nosso artigo sobre compras seguras.',
    payment_issue:
      'Um segundo débito é muitas vezes uma autorização temporária que o seu banco liberta automaticamente em poucos dias úteis. Volte a consultar o seu extrato bancário mais tarde.',
    cancellation_request:
      'As licitações são vinculativas e não podem ser retiradas depois de feitas. Contacte o vendedor para saber se aceita cancelar a encomenda.',
    account_access:
      'Para redefinir a sua palavra-passe, selecione «Esqueceu-se da palavra-passe?» na página de início de sessão e siga a ligação no e-mail. Verifique também a pasta de spam.',
    general_question:
      'O seu pagamento fica retido em segurança até o objeto lhe ser entregue. Depois, o vendedor é pago de acordo com as nossas condições de pagamento.',
  },
  pl: {
    item_not_received:
      'Dostawa może potrwać do 10 dni roboczych. Proszę sprawdzić śledzenie przesyłki i najpierw skontaktować się ze sprzedawcą.',
    not_as_described:
      'Jeśli przedmiot nie zgadza się z opisem, prosimy najpierw skontaktować się ze sprzedawcą przez stronę zamówienia i opisać różnicę. Większość problemów udaje się rozwiązać bezpośrednio ze sprzedawcą.',
    damaged_in_transit:
      'Za bezpieczne zapakowanie przedmiotu odpowiada sprzedawca. Prosimy zachować opakowanie i najpierw skontaktować się ze sprzedawcą, aby mógł złożyć reklamację u przewoźnika.',
    counterfeit_suspected:
      'Wszystkie przedmioty są sprawdzane przed wystawieniem na aukcję. W razie dalszych wątpliwości co do autentyczności prosimy najpierw skontaktować się ze sprzedawcą i poprosić o certyfikat lub dowód pochodzenia.',
    fraud_suspected:
      'Dla własnego bezpieczeństwa prosimy zawsze płacić za pośrednictwem platformy: płatności poza platformą nie są objęte ochroną kupujących. Więcej informacji znajduje się w naszym artykule o bezpiecznych zakupach.',
    payment_issue:
      'Drugie obciążenie to często tymczasowa blokada autoryzacyjna, którą bank automatycznie zwalnia w ciągu kilku dni roboczych. Prosimy sprawdzić wyciąg z konta ponownie za kilka dni.',
    cancellation_request:
      'Złożona oferta jest wiążąca i nie można jej wycofać. Prosimy skontaktować się ze sprzedawcą i zapytać, czy zgodzi się na anulowanie zamówienia.',
    account_access:
      'Aby zresetować hasło, prosimy wybrać „Nie pamiętasz hasła?” na stronie logowania i kliknąć link w wiadomości e-mail. Prosimy sprawdzić również folder ze spamem.',
    general_question:
      'Płatność jest bezpiecznie przechowywana do momentu doręczenia przedmiotu. Następnie sprzedawca otrzymuje zapłatę zgodnie z naszymi warunkami płatności.',
  },
  zh: {
    item_not_received: '配送可能需要最多10个工作日。请先查看物流信息并联系卖家。',
    not_as_described:
      '如果物品与描述不符，请先通过订单页面联系卖家并说明差异。大多数问题都可以直接与卖家协商解决。',
    damaged_in_transit:
      '卖家有责任妥善包装物品。请保留包装，并先联系卖家，以便其向承运商提出索赔。',
    counterfeit_suspected:
      '所有物品在上架拍卖前均经过审核。如果您仍对真伪有疑问，请先联系卖家，索取证书或来源证明。',
    fraud_suspected:
      '为了您的安全，请始终通过平台付款：在平台外进行的付款不受买家保护。更多信息请参阅我们关于安全购物的文章。',
    payment_issue:
      '第二笔扣款通常是临时预授权，银行会在几个工作日内自动释放。请稍后再查看您的银行对账单。',
    cancellation_request:
      '出价具有约束力，一经提交便无法撤回。请联系卖家，询问其是否同意取消订单。',
    account_access:
      '如需重置密码，请在登录页面点击“忘记密码？”，然后按照邮件中的链接操作。另请检查您的垃圾邮件文件夹。',
    general_question: '您的付款将被安全保管，直至物品送达。之后，平台将按照付款条款向卖家付款。',
  },
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

export const SELLERS: {
  name: string;
  country: string;
  rating: number;
  email: string;
  language: Language;
}[] = [
  {
    name: 'Antiquariaat Van Dijk',
    country: 'NL',
    rating: 4.8,
    email: 'verkoop@vandijk-antiquariaat.example',
    language: 'nl',
  },
  {
    name: 'Uhrenhaus Berger',
    country: 'DE',
    rating: 4.6,
    email: 'service@uhrenhaus-berger.example',
    language: 'de',
  },
  {
    name: 'Maison Duval Antiquités',
    country: 'FR',
    rating: 4.9,
    email: 'contact@maison-duval.example',
    language: 'fr',
  },
  {
    name: 'Luxe Time Trading',
    country: 'HK',
    rating: 3.1,
    email: 'sales@luxetime-trading.example',
    language: 'en',
  },
  {
    name: 'Galleria Moretti',
    country: 'IT',
    rating: 4.7,
    email: 'info@galleria-moretti.example',
    language: 'it',
  },
  {
    name: 'Vintage Cameras Porto',
    country: 'PT',
    rating: 4.5,
    email: 'loja@vintagecameras-porto.example',
    language: 'pt',
  },
  {
    name: 'Numismatica Iberia',
    country: 'ES',
    rating: 4.4,
    email: 'ventas@numismatica-iberia.example',
    language: 'es',
  },
  {
    name: 'Designklassiker Hamburg',
    country: 'DE',
    rating: 4.2,
    email: 'kontakt@designklassiker-hh.example',
    language: 'de',
  },
  {
    name: 'London Stamp Room',
    country: 'GB',
    rating: 4.9,
    email: 'desk@londonstamproom.example',
    language: 'en',
  },
  {
    name: 'Best Brands Outlet 24',
    country: 'CN',
    rating: 2.6,
    email: 'support@bestbrands24.example',
    language: 'zh',
  },
];
