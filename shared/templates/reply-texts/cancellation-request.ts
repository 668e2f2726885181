import type { TopicTexts } from './types';

export const CANCELLATION_REQUEST: TopicTexts = {
  buyer: [
    {
      slug: 'asked-seller',
      title: 'Cancellation requested from seller',
      body: {
        en: 'Thank you for your request to cancel the order for "{lotTitle}". As a purchase on the platform is binding, the order can only be cancelled with the seller\'s agreement. We have asked the seller and have given them 3 business days to reply.\n\nWe will let you know as soon as we have their answer.',
        es: 'Gracias por su solicitud de cancelación del pedido de «{lotTitle}». Dado que una compra en la plataforma es vinculante, el pedido solo puede cancelarse con el consentimiento del vendedor. Se lo hemos consultado y le hemos dado 3 días hábiles para responder.\n\nLe informaremos en cuanto tengamos su respuesta.',
        it: "grazie per la Sua richiesta di annullare l'ordine di «{lotTitle}». Poiché un acquisto sulla piattaforma è vincolante, l'ordine può essere annullato solo con il consenso del venditore. Lo abbiamo contattato e gli abbiamo concesso 3 giorni lavorativi per rispondere.\n\nLa informeremo non appena avremo la sua risposta.",
        fr: "Merci pour votre demande d'annulation de la commande de « {lotTitle} ». Un achat sur la plateforme étant ferme, la commande ne peut être annulée qu'avec l'accord du vendeur. Nous avons sollicité le vendeur, qui dispose de 3 jours ouvrés pour nous répondre.\n\nNous reviendrons vers vous dès que nous aurons sa réponse.",
        nl: 'Dank u voor uw verzoek om de bestelling van "{lotTitle}" te annuleren. Omdat een aankoop op het platform bindend is, kan de bestelling alleen met instemming van de verkoper worden geannuleerd. We hebben het de verkoper gevraagd en hem 3 werkdagen de tijd gegeven om te reageren.\n\nWe laten het u weten zodra we zijn antwoord hebben.',
        de: 'vielen Dank für Ihre Anfrage, die Bestellung von „{lotTitle}“ zu stornieren. Da ein Kauf auf der Plattform verbindlich ist, kann die Bestellung nur mit Zustimmung des Verkäufers storniert werden. Wir haben den Verkäufer gefragt; er hat 3 Werktage Zeit für seine Antwort.\n\nSobald uns seine Antwort vorliegt, melden wir uns bei Ihnen.',
        zh: '感谢您提出取消「{lotTitle}」订单的申请。由于平台上的购买具有约束力，订单只有在卖家同意的情况下才能取消。我们已征询卖家意见，并给予其3个工作日的答复时间。\n\n一旦收到卖家的答复，我们会立即通知您。',
        pt: 'Obrigado pelo seu pedido de cancelamento da encomenda de «{lotTitle}». Como uma compra na plataforma é vinculativa, a encomenda só pode ser cancelada com o acordo do vendedor. Já o contactámos e demos-lhe 3 dias úteis para responder.\n\nInformaremos assim que tivermos a resposta dele.',
        pl: 'dziękujemy za prośbę o anulowanie zamówienia przedmiotu „{lotTitle}”. Ponieważ zakup na platformie jest wiążący, zamówienie można anulować wyłącznie za zgodą sprzedającego. Zwróciliśmy się do sprzedającego i daliśmy mu 3 dni robocze na odpowiedź.\n\nPoinformujemy o jego decyzji, gdy tylko ją otrzymamy.',
      },
    },
    {
      slug: 'cancelled-refunded',
      title: 'Order cancelled and refunded',
      body: {
        en: 'The seller has agreed to cancel the order for "{lotTitle}". We have cancelled it and refunded {amount} to your original payment method.\n\nDepending on your bank, it may take 5–10 business days for the amount to appear on your statement.',
        es: 'El vendedor ha aceptado cancelar el pedido de «{lotTitle}». Lo hemos cancelado y le hemos reembolsado {amount} en su método de pago original.\n\nSegún su banco, el importe puede tardar entre 5 y 10 días hábiles en aparecer en su cuenta.',
        it: "il venditore ha accettato di annullare l'ordine di «{lotTitle}». Abbiamo annullato l'ordine e Le abbiamo rimborsato {amount} sul metodo di pagamento originale.\n\nA seconda della Sua banca, l'importo può impiegare 5-10 giorni lavorativi per comparire sul Suo conto.",
        fr: "Le vendeur a accepté l'annulation de la commande de « {lotTitle} ». Nous l'avons annulée et vous avons remboursé {amount} sur votre moyen de paiement d'origine.\n\nSelon votre banque, le montant peut mettre 5 à 10 jours ouvrés à apparaître sur votre compte.",
        nl: 'De verkoper heeft ingestemd met het annuleren van de bestelling van "{lotTitle}". We hebben de bestelling geannuleerd en {amount} teruggestort via uw oorspronkelijke betaalmethode.\n\nAfhankelijk van uw bank kan het 5–10 werkdagen duren voordat het bedrag op uw rekening staat.',
        de: 'der Verkäufer hat der Stornierung der Bestellung von „{lotTitle}“ zugestimmt. Wir haben die Bestellung storniert und Ihnen {amount} auf die ursprüngliche Zahlungsmethode erstattet.\n\nJe nach Bank kann es 5–10 Werktage dauern, bis der Betrag auf Ihrem Konto erscheint.',
        zh: '卖家已同意取消「{lotTitle}」的订单。我们已取消该订单，并将 {amount} 退还至您的原支付方式。\n\n根据您的银行处理时间，款项通常会在5至10个工作日内到账。',
        pt: 'O vendedor aceitou cancelar a encomenda de «{lotTitle}». Cancelámos a encomenda e reembolsámos {amount} para o seu método de pagamento original.\n\nDependendo do seu banco, o montante pode demorar 5 a 10 dias úteis a aparecer na sua conta.',
        pl: 'sprzedający zgodził się na anulowanie zamówienia przedmiotu „{lotTitle}”. Anulowaliśmy zamówienie i zwróciliśmy kwotę {amount} na pierwotną metodę płatności.\n\nW zależności od banku środki mogą pojawić się na koncie w ciągu 5–10 dni roboczych.',
      },
    },
    {
      slug: 'declined',
      title: 'Cancellation not possible',
      body: {
        en: 'Unfortunately, we cannot cancel the order for "{lotTitle}": the seller has already shipped the object or has not agreed to the cancellation, so the purchase remains binding.\n\nIf the object arrives damaged or does not match its description, please contact us again and we will be glad to help.',
        es: 'Lamentablemente, no podemos cancelar el pedido de «{lotTitle}»: el vendedor ya ha enviado el objeto o no ha aceptado la cancelación, por lo que la compra sigue siendo vinculante.\n\nSi el objeto llega dañado o no se corresponde con su descripción, no dude en volver a contactarnos; estaremos encantados de ayudarle.',
        it: "purtroppo non possiamo annullare l'ordine di «{lotTitle}»: il venditore ha già spedito l'oggetto oppure non ha accettato l'annullamento, quindi l'acquisto resta vincolante.\n\nSe l'oggetto dovesse arrivare danneggiato o non corrispondere alla descrizione, non esiti a contattarci di nuovo: saremo lieti di aiutarLa.",
        fr: "Malheureusement, nous ne pouvons pas annuler la commande de « {lotTitle} » : le vendeur a déjà expédié l'objet ou n'a pas accepté l'annulation, et l'achat reste donc ferme.\n\nSi l'objet arrive endommagé ou ne correspond pas à sa description, n'hésitez pas à nous recontacter : nous vous aiderons volontiers.",
        nl: 'Helaas kunnen we de bestelling van "{lotTitle}" niet annuleren: de verkoper heeft het object al verzonden of heeft niet ingestemd met de annulering, dus de aankoop blijft bindend.\n\nMocht het object beschadigd aankomen of niet overeenkomen met de beschrijving, neem dan gerust opnieuw contact met ons op; we helpen u graag verder.',
        de: 'leider können wir die Bestellung von „{lotTitle}“ nicht stornieren: Der Verkäufer hat das Objekt bereits versendet oder der Stornierung nicht zugestimmt, daher bleibt der Kauf verbindlich.\n\nSollte das Objekt beschädigt ankommen oder nicht der Beschreibung entsprechen, wenden Sie sich bitte erneut an uns – wir helfen Ihnen gerne weiter.',
        zh: '很遗憾，我们无法取消「{lotTitle}」的订单：卖家已发货或未同意取消，因此该购买仍然有效。\n\n如果物品到货时有损坏或与描述不符，欢迎再次联系我们，我们很乐意为您提供帮助。',
        pt: 'Infelizmente, não podemos cancelar a encomenda de «{lotTitle}»: o vendedor já enviou o objeto ou não aceitou o cancelamento, pelo que a compra se mantém vinculativa.\n\nSe o objeto chegar danificado ou não corresponder à descrição, não hesite em contactar-nos novamente; teremos todo o gosto em ajudar.',
        pl: 'niestety nie możemy anulować zamówienia przedmiotu „{lotTitle}”: sprzedający już wysłał przedmiot lub nie wyraził zgody na anulowanie, dlatego zakup pozostaje wiążący.\n\nJeśli przedmiot dotrze uszkodzony lub nie będzie zgodny z opisem, prosimy o ponowny kontakt – chętnie pomożemy.',
      },
    },
  ],
  seller: [
    {
      slug: 'agree-to-cancel',
      title: 'Buyer asks to cancel: do you agree?',
      body: {
        en: 'The buyer of "{lotTitle}" has asked to cancel the order (case {reference}). Could you please let us know within 3 business days whether you agree to the cancellation?\n\nIf you agree, please do not ship the object; we will cancel the order and refund the buyer. If you have already shipped it, please send us the tracking number instead.',
        es: 'El comprador de «{lotTitle}» ha solicitado cancelar el pedido (caso {reference}). Le rogamos que nos indique, en un plazo de 3 días hábiles, si acepta la cancelación.\n\nSi la acepta, no envíe el objeto: cancelaremos el pedido y reembolsaremos al comprador. Si ya lo ha enviado, le rogamos que nos facilite en su lugar el número de seguimiento.',
        it: "l'acquirente di «{lotTitle}» ha chiesto di annullare l'ordine (caso {reference}). La preghiamo di comunicarci entro 3 giorni lavorativi se accetta l'annullamento.\n\nIn caso affermativo, non spedisca l'oggetto: annulleremo l'ordine e rimborseremo l'acquirente. Se lo ha già spedito, La preghiamo di inviarci invece il numero di tracciamento.",
        fr: "L'acheteur de « {lotTitle} » a demandé l'annulation de la commande (dossier {reference}). Pourriez-vous nous indiquer sous 3 jours ouvrés si vous acceptez cette annulation ?\n\nSi vous l'acceptez, merci de ne pas expédier l'objet : nous annulerons la commande et rembourserons l'acheteur. Si vous l'avez déjà expédié, merci de nous communiquer plutôt le numéro de suivi.",
        nl: 'De koper van "{lotTitle}" heeft gevraagd de bestelling te annuleren (zaak {reference}). Wilt u ons binnen 3 werkdagen laten weten of u met de annulering instemt?\n\nGaat u akkoord, verzend het object dan niet; wij annuleren de bestelling en betalen de koper terug. Hebt u het object al verzonden, stuur ons dan in plaats daarvan de track-and-tracecode.',
        de: 'der Käufer von „{lotTitle}“ möchte die Bestellung stornieren (Fall {reference}). Bitte teilen Sie uns innerhalb von 3 Werktagen mit, ob Sie der Stornierung zustimmen.\n\nWenn Sie zustimmen, versenden Sie das Objekt bitte nicht; wir stornieren dann die Bestellung und erstatten dem Käufer den Betrag. Haben Sie das Objekt bereits versendet, senden Sie uns bitte stattdessen die Sendungsnummer.',
        zh: '「{lotTitle}」的买家申请取消订单（案例 {reference}）。请在3个工作日内告知我们您是否同意取消。\n\n如果您同意，请不要发货，我们将取消订单并向买家退款。如果您已经发货，请将物流单号发送给我们。',
        pt: 'O comprador de «{lotTitle}» pediu o cancelamento da encomenda (caso {reference}). Pedimos que nos indique, no prazo de 3 dias úteis, se aceita o cancelamento.\n\nSe aceitar, não envie o objeto: cancelaremos a encomenda e reembolsaremos o comprador. Se já o enviou, pedimos que nos envie, em vez disso, o número de seguimento.',
        pl: 'kupujący poprosił o anulowanie zamówienia przedmiotu „{lotTitle}” (sprawa {reference}). Prosimy o informację w ciągu 3 dni roboczych, czy zgadzają się Państwo na anulowanie.\n\nW przypadku zgody prosimy nie wysyłać przedmiotu – anulujemy zamówienie i zwrócimy kupującemu należność. Jeśli przedmiot został już wysłany, prosimy zamiast tego o przesłanie numeru przesyłki.',
      },
    },
  ],
};
