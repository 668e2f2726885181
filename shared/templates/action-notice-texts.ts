import type { Restriction } from '../schemas/actions';
import type { Localized } from './reply-texts';

/**
 * What a buyer or seller is told when an action on their case takes effect. Bodies go
 * between the greeting and the sign-off (see reply-texts/types.ts: in de, it and pl they
 * continue the salutation in lower case). Placeholders as in reply templates, plus
 * {measure}, {until} and {statement} for restrictions.
 */
export const NOTICE_TEXTS = {
  /** To the buyer: everything still refundable has been paid back. */
  refund_full: {
    en: 'We have refunded the full amount of {amount} for "{lotTitle}" (case {reference}). Depending on your payment method, it may take a few business days before the money appears in your account.',
    es: 'Le hemos reembolsado el importe íntegro de {amount} por «{lotTitle}» (caso {reference}). Según el método de pago, el dinero puede tardar unos días hábiles en aparecer en su cuenta.',
    it: "Le abbiamo rimborsato l'intero importo di {amount} per «{lotTitle}» (caso {reference}). A seconda del metodo di pagamento, potrebbero essere necessari alcuni giorni lavorativi prima che l'importo compaia sul Suo conto.",
    fr: 'Nous vous avons remboursé l’intégralité du montant de {amount} pour « {lotTitle} » (dossier {reference}). Selon votre moyen de paiement, il peut s’écouler quelques jours ouvrés avant que l’argent n’apparaisse sur votre compte.',
    nl: 'We hebben het volledige bedrag van {amount} voor "{lotTitle}" terugbetaald (zaak {reference}). Afhankelijk van uw betaalmethode kan het enkele werkdagen duren voordat het geld op uw rekening staat.',
    de: 'wir haben Ihnen den vollen Betrag von {amount} für „{lotTitle}“ erstattet (Fall {reference}). Je nach Zahlungsart kann es einige Werktage dauern, bis das Geld auf Ihrem Konto eingeht.',
    zh: '我们已为「{lotTitle}」全额退款 {amount}（案例 {reference}）。根据您的付款方式，款项可能需要几个工作日才能到账。',
    pt: 'Reembolsámos o valor total de {amount} por «{lotTitle}» (caso {reference}). Consoante o método de pagamento, o dinheiro pode demorar alguns dias úteis a aparecer na sua conta.',
    pl: 'zwróciliśmy pełną kwotę {amount} za „{lotTitle}” (sprawa {reference}). W zależności od metody płatności pieniądze mogą pojawić się na koncie dopiero po kilku dniach roboczych.',
  },
  /** To the buyer: part of the payment has been paid back. */
  refund_partial: {
    en: 'We have refunded {amount} of your payment for "{lotTitle}" (case {reference}). Depending on your payment method, it may take a few business days before the money appears in your account.',
    es: 'Le hemos reembolsado {amount} de su pago por «{lotTitle}» (caso {reference}). Según el método de pago, el dinero puede tardar unos días hábiles en aparecer en su cuenta.',
    it: "Le abbiamo rimborsato {amount} del Suo pagamento per «{lotTitle}» (caso {reference}). A seconda del metodo di pagamento, potrebbero essere necessari alcuni giorni lavorativi prima che l'importo compaia sul Suo conto.",
    fr: 'Nous vous avons remboursé {amount} sur votre paiement pour « {lotTitle} » (dossier {reference}). Selon votre moyen de paiement, il peut s’écouler quelques jours ouvrés avant que l’argent n’apparaisse sur votre compte.',
    nl: 'We hebben {amount} van uw betaling voor "{lotTitle}" terugbetaald (zaak {reference}). Afhankelijk van uw betaalmethode kan het enkele werkdagen duren voordat het geld op uw rekening staat.',
    de: 'wir haben Ihnen {amount} Ihrer Zahlung für „{lotTitle}“ erstattet (Fall {reference}). Je nach Zahlungsart kann es einige Werktage dauern, bis das Geld auf Ihrem Konto eingeht.',
    zh: '我们已就「{lotTitle}」向您退还部分款项 {amount}（案例 {reference}）。根据您的付款方式，款项可能需要几个工作日才能到账。',
    pt: 'Reembolsámos {amount} do seu pagamento por «{lotTitle}» (caso {reference}). Consoante o método de pagamento, o dinheiro pode demorar alguns dias úteis a aparecer na sua conta.',
    pl: 'zwróciliśmy {amount} z płatności za „{lotTitle}” (sprawa {reference}). W zależności od metody płatności pieniądze mogą pojawić się na koncie dopiero po kilku dniach roboczych.',
  },
  /** To the seller: the refund comes out of their proceeds. */
  refund_seller: {
    en: 'We have refunded {amount} to the buyer of "{lotTitle}" (case {reference}). In line with our terms of sale, this amount is settled against your payout for the order.',
    es: 'Hemos reembolsado {amount} al comprador de «{lotTitle}» (caso {reference}). Conforme a nuestras condiciones de venta, este importe se descuenta de su liquidación del pedido.',
    it: "abbiamo rimborsato {amount} all'acquirente di «{lotTitle}» (caso {reference}). In base alle nostre condizioni di vendita, l'importo viene detratto dal pagamento a Suo favore per l'ordine.",
    fr: 'Nous avons remboursé {amount} à l’acheteur de « {lotTitle} » (dossier {reference}). Conformément à nos conditions de vente, ce montant est déduit de votre versement pour cette commande.',
    nl: 'We hebben {amount} terugbetaald aan de koper van "{lotTitle}" (zaak {reference}). Volgens onze verkoopvoorwaarden wordt dit bedrag verrekend met uw uitbetaling voor de bestelling.',
    de: 'wir haben dem Käufer von „{lotTitle}“ {amount} erstattet (Fall {reference}). Gemäß unseren Verkaufsbedingungen wird dieser Betrag mit Ihrer Auszahlung für die Bestellung verrechnet.',
    zh: '我们已向「{lotTitle}」的买家退款 {amount}（案例 {reference}）。根据我们的销售条款，该金额将从您此订单的结算款中扣除。',
    pt: 'Reembolsámos {amount} ao comprador de «{lotTitle}» (caso {reference}). De acordo com as nossas condições de venda, este valor é deduzido do seu pagamento relativo à encomenda.',
    pl: 'zwróciliśmy kupującemu „{lotTitle}” kwotę {amount} (sprawa {reference}). Zgodnie z naszymi warunkami sprzedaży kwota ta zostanie rozliczona z wypłatą za to zamówienie.',
  },
  /** To the buyer: the order is off. */
  cancel_buyer: {
    en: 'Your order for "{lotTitle}" has been cancelled (case {reference}). You do not need to do anything else; if anything more is needed from you, we will contact you.',
    es: 'Su pedido de «{lotTitle}» ha sido cancelado (caso {reference}). No tiene que hacer nada más; si necesitamos algo de usted, nos pondremos en contacto.',
    it: 'il Suo ordine per «{lotTitle}» è stato annullato (caso {reference}). Non deve fare nient’altro; se avremo bisogno di qualcosa, La contatteremo.',
    fr: 'Votre commande de « {lotTitle} » a été annulée (dossier {reference}). Vous n’avez rien d’autre à faire ; si nous avons besoin de quoi que ce soit, nous vous contacterons.',
    nl: 'Uw bestelling van "{lotTitle}" is geannuleerd (zaak {reference}). U hoeft verder niets te doen; als we nog iets van u nodig hebben, nemen we contact met u op.',
    de: 'Ihre Bestellung von „{lotTitle}“ wurde storniert (Fall {reference}). Sie müssen nichts weiter tun; sollten wir noch etwas von Ihnen benötigen, melden wir uns.',
    zh: '您对「{lotTitle}」的订单已取消（案例 {reference}）。您无需再做任何操作；如需您提供其他信息，我们会与您联系。',
    pt: 'A sua encomenda de «{lotTitle}» foi cancelada (caso {reference}). Não precisa de fazer mais nada; se precisarmos de algo, entraremos em contacto.',
    pl: 'zamówienie na „{lotTitle}” zostało anulowane (sprawa {reference}). Nie trzeba robić nic więcej; jeśli będziemy czegoś potrzebować, skontaktujemy się.',
  },
  /** To the seller: the order is off, so nothing may ship. */
  cancel_seller: {
    en: 'The order for "{lotTitle}" has been cancelled (case {reference}). Please do not ship the item. If it is already on its way, reply to this message straight away.',
    es: 'El pedido de «{lotTitle}» ha sido cancelado (caso {reference}). No envíe el artículo. Si ya está en camino, responda a este mensaje de inmediato.',
    it: "l'ordine per «{lotTitle}» è stato annullato (caso {reference}). La preghiamo di non spedire l'oggetto. Se è già in viaggio, risponda subito a questo messaggio.",
    fr: 'La commande de « {lotTitle} » a été annulée (dossier {reference}). Merci de ne pas expédier l’objet. S’il est déjà en route, répondez immédiatement à ce message.',
    nl: 'De bestelling van "{lotTitle}" is geannuleerd (zaak {reference}). Verstuur het artikel alstublieft niet. Is het al onderweg? Reageer dan direct op dit bericht.',
    de: 'die Bestellung von „{lotTitle}“ wurde storniert (Fall {reference}). Bitte versenden Sie den Artikel nicht. Falls er bereits unterwegs ist, antworten Sie bitte umgehend auf diese Nachricht.',
    zh: '「{lotTitle}」的订单已取消（案例 {reference}）。请勿发货。如物品已寄出，请立即回复此消息。',
    pt: 'A encomenda de «{lotTitle}» foi cancelada (caso {reference}). Não envie o artigo. Se já estiver a caminho, responda de imediato a esta mensagem.',
    pl: 'zamówienie na „{lotTitle}” zostało anulowane (sprawa {reference}). Prosimy nie wysyłać przedmiotu. Jeśli jest już w drodze, prosimy niezwłocznie odpowiedzieć na tę wiadomość.',
  },
  /** To the restricted party (DSA Art. 17): the measure, how long, and the statement of reasons. */
  restriction_subject: {
    en: 'We have restricted your account: {measure}, {until}. This is our statement of reasons for the decision (case {reference}):\n\n{statement}',
    es: 'Hemos restringido su cuenta: {measure}, {until}. Esta es nuestra exposición de motivos de la decisión (caso {reference}):\n\n{statement}',
    it: 'abbiamo limitato il Suo account: {measure}, {until}. Questa è la motivazione della nostra decisione (caso {reference}):\n\n{statement}',
    fr: 'Nous avons restreint votre compte : {measure}, {until}. Voici l’exposé des motifs de notre décision (dossier {reference}) :\n\n{statement}',
    nl: 'We hebben uw account beperkt: {measure}, {until}. Dit is onze motivering van het besluit (zaak {reference}):\n\n{statement}',
    de: 'wir haben Ihr Konto eingeschränkt: {measure}, {until}. Dies ist unsere Begründung der Entscheidung (Fall {reference}):\n\n{statement}',
    zh: '我们已限制您的账户：{measure}，{until}。以下是我们对该决定的理由说明（案例 {reference}）：\n\n{statement}',
    pt: 'Restringimos a sua conta: {measure}, {until}. Esta é a nossa fundamentação da decisão (caso {reference}):\n\n{statement}',
    pl: 'ograniczyliśmy Państwa konto: {measure}, {until}. Oto uzasadnienie naszej decyzji (sprawa {reference}):\n\n{statement}',
  },
  /**
   * To the buyer when the seller is restricted: the buyer raised the matter and learns
   * that it was acted on (DSA Art. 16(5)), but not the measure — that is the seller's.
   */
  restriction_reporter: {
    en: 'Thank you for telling us about the problem with "{lotTitle}" (case {reference}). We have looked into it and have taken measures concerning the seller’s account under our terms of use. For privacy reasons we cannot share the details.',
    es: 'Gracias por informarnos del problema con «{lotTitle}» (caso {reference}). Lo hemos investigado y hemos adoptado medidas sobre la cuenta del vendedor conforme a nuestras condiciones de uso. Por motivos de privacidad no podemos darle más detalles.',
    it: 'grazie per averci segnalato il problema con «{lotTitle}» (caso {reference}). Lo abbiamo esaminato e abbiamo adottato provvedimenti sull’account del venditore in base alle nostre condizioni d’uso. Per motivi di riservatezza non possiamo fornirLe dettagli.',
    fr: 'Merci de nous avoir signalé le problème concernant « {lotTitle} » (dossier {reference}). Nous l’avons examiné et avons pris des mesures concernant le compte du vendeur conformément à nos conditions d’utilisation. Pour des raisons de confidentialité, nous ne pouvons pas vous en communiquer le détail.',
    nl: 'Dank u voor uw melding over het probleem met "{lotTitle}" (zaak {reference}). We hebben het onderzocht en maatregelen genomen ten aanzien van het account van de verkoper, op grond van onze gebruiksvoorwaarden. Om privacyredenen kunnen we geen details delen.',
    de: 'vielen Dank für Ihren Hinweis auf das Problem mit „{lotTitle}“ (Fall {reference}). Wir haben es geprüft und gemäß unseren Nutzungsbedingungen Maßnahmen zum Konto des Verkäufers ergriffen. Aus Datenschutzgründen können wir keine Einzelheiten nennen.',
    zh: '感谢您告知我们「{lotTitle}」的问题（案例 {reference}）。我们已进行调查，并根据使用条款对卖家账户采取了措施。出于隐私原因，我们无法透露具体细节。',
    pt: 'Obrigado por nos ter informado do problema com «{lotTitle}» (caso {reference}). Analisámos a situação e tomámos medidas relativamente à conta do vendedor, ao abrigo dos nossos termos de utilização. Por motivos de privacidade, não podemos partilhar os detalhes.',
    pl: 'dziękujemy za zgłoszenie problemu z „{lotTitle}” (sprawa {reference}). Zbadaliśmy sprawę i podjęliśmy działania wobec konta sprzedawcy zgodnie z naszym regulaminem. Ze względu na ochronę prywatności nie możemy podać szczegółów.',
  },
} as const satisfies Record<string, Localized>;

export type NoticeKind = keyof typeof NOTICE_TEXTS;

/** A restriction as the restricted person reads it. */
export const MEASURE_NAMES: Readonly<
  Record<keyof Localized, Readonly<Record<Restriction, string>>>
> = {
  en: {
    suspend: 'the account is suspended',
    block_bidding: 'bidding is blocked',
    block_selling: 'selling is blocked',
    block_payouts: 'payouts are on hold',
  },
  es: {
    suspend: 'la cuenta queda suspendida',
    block_bidding: 'no puede pujar',
    block_selling: 'no puede vender',
    block_payouts: 'los pagos a su favor quedan retenidos',
  },
  it: {
    suspend: "l'account è sospeso",
    block_bidding: 'le offerte sono bloccate',
    block_selling: 'la vendita è bloccata',
    block_payouts: 'i pagamenti a Suo favore sono sospesi',
  },
  fr: {
    suspend: 'le compte est suspendu',
    block_bidding: 'les enchères sont bloquées',
    block_selling: 'la vente est bloquée',
    block_payouts: 'les versements sont suspendus',
  },
  nl: {
    suspend: 'het account is opgeschort',
    block_bidding: 'bieden is geblokkeerd',
    block_selling: 'verkopen is geblokkeerd',
    block_payouts: 'uitbetalingen zijn opgeschort',
  },
  de: {
    suspend: 'das Konto ist gesperrt',
    block_bidding: 'Bieten ist gesperrt',
    block_selling: 'Verkaufen ist gesperrt',
    block_payouts: 'Auszahlungen sind angehalten',
  },
  zh: {
    suspend: '账户已被暂停',
    block_bidding: '出价功能已被禁用',
    block_selling: '销售功能已被禁用',
    block_payouts: '结算付款已被暂停',
  },
  pt: {
    suspend: 'a conta está suspensa',
    block_bidding: 'as licitações estão bloqueadas',
    block_selling: 'as vendas estão bloqueadas',
    block_payouts: 'os pagamentos estão retidos',
  },
  pl: {
    suspend: 'konto jest zawieszone',
    block_bidding: 'licytowanie jest zablokowane',
    block_selling: 'sprzedaż jest zablokowana',
    block_payouts: 'wypłaty są wstrzymane',
  },
};

/** How long a restriction lasts; {date} is a long date in the reader's language. */
export const UNTIL_TEXTS: Readonly<Record<keyof Localized, { until: string; indefinite: string }>> =
  {
    en: { until: 'until {date}', indefinite: 'until further notice' },
    es: { until: 'hasta el {date}', indefinite: 'hasta nuevo aviso' },
    it: { until: 'fino al {date}', indefinite: 'fino a nuovo avviso' },
    fr: { until: 'jusqu’au {date}', indefinite: 'jusqu’à nouvel ordre' },
    nl: { until: 'tot {date}', indefinite: 'tot nader bericht' },
    de: { until: 'bis zum {date}', indefinite: 'bis auf Weiteres' },
    zh: { until: '至 {date}', indefinite: '直至另行通知' },
    pt: { until: 'até {date}', indefinite: 'até nova indicação' },
    pl: { until: 'do {date}', indefinite: 'do odwołania' },
  };
