import type { TopicTexts } from './types';

export const ITEM_NOT_RECEIVED: TopicTexts = {
  buyer: [
    {
      slug: 'tracking-requested',
      title: 'Tracking requested from seller',
      body: {
        en: 'Thank you for letting us know that "{lotTitle}" has not arrived yet. We have asked the seller for the tracking number and proof of shipment and have given them 3 business days to reply.\n\nWe will get back to you as soon as we hear from them. There is nothing you need to do in the meantime; please let us know if the parcel arrives.',
        es: 'Gracias por informarnos de que el objeto «{lotTitle}» aún no ha llegado. Hemos solicitado al vendedor el número de seguimiento y un comprobante de envío, y le hemos dado 3 días hábiles para responder.\n\nNos pondremos en contacto con usted en cuanto tengamos su respuesta. Mientras tanto, no necesita hacer nada; si el paquete llega, le rogamos que nos lo comunique.',
        it: "grazie per averci segnalato che l'oggetto «{lotTitle}» non è ancora arrivato. Abbiamo chiesto al venditore il numero di tracciamento e una prova di spedizione, concedendogli 3 giorni lavorativi per rispondere.\n\nLa ricontatteremo non appena avremo ricevuto la sua risposta. Nel frattempo non deve fare nulla; se il pacco dovesse arrivare, La preghiamo di farcelo sapere.",
        fr: "Merci de nous avoir signalé que l'objet « {lotTitle} » n'est pas encore arrivé. Nous avons demandé au vendeur le numéro de suivi et une preuve d'expédition ; il dispose de 3 jours ouvrés pour nous répondre.\n\nNous reviendrons vers vous dès que nous aurons sa réponse. Vous n'avez rien à faire d'ici là ; si le colis arrive entre-temps, merci de nous le faire savoir.",
        nl: 'Dank u voor uw bericht dat "{lotTitle}" nog niet is aangekomen. We hebben de verkoper gevraagd om de track-and-tracecode en een verzendbewijs, en hem daarvoor 3 werkdagen de tijd gegeven.\n\nZodra we iets van de verkoper horen, nemen we contact met u op. U hoeft in de tussentijd niets te doen. Laat u het ons weten als het pakket alsnog aankomt?',
        de: 'vielen Dank für Ihre Nachricht, dass „{lotTitle}“ noch nicht bei Ihnen angekommen ist. Wir haben den Verkäufer um die Sendungsnummer und einen Versandnachweis gebeten; er hat dafür 3 Werktage Zeit.\n\nSobald wir von ihm hören, melden wir uns bei Ihnen. In der Zwischenzeit müssen Sie nichts weiter tun. Bitte geben Sie uns Bescheid, falls das Paket ankommt.',
        zh: '感谢您告知我们「{lotTitle}」尚未送达。我们已要求卖家提供物流单号和发货凭证，并给予其3个工作日的答复时间。\n\n一旦收到卖家的回复，我们会立即与您联系。在此期间您无需进行任何操作；如果包裹送达，请告知我们。',
        pt: 'Obrigado por nos informar de que o objeto «{lotTitle}» ainda não chegou. Pedimos ao vendedor o número de seguimento e um comprovativo de envio, com um prazo de 3 dias úteis para responder.\n\nEntraremos em contacto consigo assim que tivermos a resposta dele. Entretanto, não precisa de fazer nada; caso a encomenda chegue, agradecemos que nos informe.',
        pl: 'dziękujemy za informację, że przedmiot „{lotTitle}” jeszcze nie dotarł. Poprosiliśmy sprzedającego o numer przesyłki i potwierdzenie nadania; ma on na odpowiedź 3 dni robocze.\n\nSkontaktujemy się ponownie, gdy tylko otrzymamy odpowiedź. W międzyczasie nie trzeba nic robić. Prosimy o wiadomość, jeśli przesyłka dotrze.',
      },
    },
    {
      slug: 'tracking-shows-delivered',
      title: 'Tracking shows delivered: please check',
      body: {
        en: 'The tracking for "{lotTitle}" shows the parcel as delivered. Before we take further steps, could you please check with your neighbours, your building\'s reception or mailroom and the local pick-up point, and look for a delivery notice from the carrier?\n\nIf you still cannot find the parcel, please reply within 3 business days and we will continue the investigation with the seller and the carrier.',
        es: 'Según el seguimiento, el paquete con «{lotTitle}» figura como entregado. Antes de continuar, ¿podría consultar con sus vecinos, con la recepción o la conserjería de su edificio y con el punto de recogida más cercano, y comprobar si el transportista ha dejado un aviso de entrega?\n\nSi sigue sin encontrar el paquete, le rogamos que nos responda en un plazo de 3 días hábiles y continuaremos la investigación con el vendedor y el transportista.',
        it: 'secondo il tracciamento, il pacco contenente «{lotTitle}» risulta consegnato. Prima di procedere, potrebbe verificare presso i vicini, la portineria o la reception del Suo edificio e il punto di ritiro più vicino, e controllare se il corriere ha lasciato un avviso di consegna?\n\nSe non dovesse trovare il pacco, La preghiamo di risponderci entro 3 giorni lavorativi: proseguiremo le verifiche con il venditore e il corriere.',
        fr: "Selon le suivi, le colis contenant « {lotTitle} » a été livré. Avant d'aller plus loin, pourriez-vous vérifier auprès de vos voisins, de l'accueil ou du local courrier de votre immeuble et du point relais le plus proche, et regarder si le transporteur a laissé un avis de passage ?\n\nSi vous ne trouvez toujours pas le colis, merci de nous répondre sous 3 jours ouvrés : nous poursuivrons l'enquête avec le vendeur et le transporteur.",
        nl: 'Volgens de track-and-trace is het pakket met "{lotTitle}" bezorgd. Voordat we verdere stappen zetten, willen we u vragen na te gaan of het bij de buren, bij de receptie of postkamer van uw gebouw of bij het dichtstbijzijnde afhaalpunt is afgegeven, en of de vervoerder een bezorgbericht heeft achtergelaten.\n\nKunt u het pakket niet vinden? Laat het ons dan binnen 3 werkdagen weten, dan zoeken we het verder uit met de verkoper en de vervoerder.',
        de: 'laut Sendungsverfolgung wurde das Paket mit „{lotTitle}“ zugestellt. Bevor wir weitere Schritte einleiten, bitten wir Sie, bei Ihren Nachbarn, am Empfang oder in der Poststelle Ihres Hauses und in der nächstgelegenen Filiale bzw. Paketstation nachzufragen und nach einer Benachrichtigungskarte des Zustellers zu sehen.\n\nSollten Sie das Paket nicht finden, antworten Sie uns bitte innerhalb von 3 Werktagen. Wir klären die Zustellung dann mit dem Verkäufer und dem Versanddienstleister.',
        zh: '物流信息显示，装有「{lotTitle}」的包裹已签收。在采取进一步措施之前，请您向邻居、所在楼宇的前台或收发室以及附近的自提点确认，并查看快递员是否留下了投递通知。\n\n如果仍未找到包裹，请在3个工作日内回复我们，我们将与卖家和承运商继续核查。',
        pt: 'De acordo com o seguimento, a encomenda com «{lotTitle}» consta como entregue. Antes de avançarmos, poderia verificar junto dos seus vizinhos, da receção ou portaria do seu prédio e do ponto de recolha mais próximo, e confirmar se a transportadora deixou algum aviso de entrega?\n\nSe continuar sem encontrar a encomenda, agradecemos que nos responda no prazo de 3 dias úteis; daremos seguimento à investigação com o vendedor e a transportadora.',
        pl: 'według informacji o śledzeniu przesyłka z przedmiotem „{lotTitle}” została doręczona. Zanim podejmiemy dalsze kroki, prosimy o sprawdzenie u sąsiadów, w recepcji lub skrzynce pocztowej budynku oraz w najbliższym punkcie odbioru, a także czy kurier zostawił awizo.\n\nJeśli przesyłki nadal nie udało się znaleźć, prosimy o odpowiedź w ciągu 3 dni roboczych – wyjaśnimy sprawę ze sprzedającym i przewoźnikiem.',
      },
    },
    {
      slug: 'refund-not-received',
      title: 'Refund after non-delivery',
      body: {
        en: 'We are sorry that "{lotTitle}" never reached you. As the seller could not show that the object was delivered, we have refunded {amount} to your original payment method.\n\nDepending on your bank, it may take 5–10 business days for the amount to appear on your statement. If the parcel arrives after all, please let us know.',
        es: 'Lamentamos que el objeto «{lotTitle}» no le haya llegado. Como el vendedor no ha podido acreditar la entrega, le hemos reembolsado {amount} en su método de pago original.\n\nSegún su banco, el importe puede tardar entre 5 y 10 días hábiles en aparecer en su cuenta. Si finalmente recibe el paquete, le rogamos que nos lo comunique.',
        it: "ci dispiace che l'oggetto «{lotTitle}» non Le sia mai arrivato. Poiché il venditore non ha potuto dimostrare la consegna, Le abbiamo rimborsato {amount} sul metodo di pagamento originale.\n\nA seconda della Sua banca, l'importo può impiegare 5-10 giorni lavorativi per comparire sul Suo conto. Se il pacco dovesse arrivare comunque, La preghiamo di informarci.",
        fr: "Nous sommes désolés que l'objet « {lotTitle} » ne vous soit jamais parvenu. Le vendeur n'ayant pas pu prouver la livraison, nous vous avons remboursé {amount} sur votre moyen de paiement d'origine.\n\nSelon votre banque, le montant peut mettre 5 à 10 jours ouvrés à apparaître sur votre compte. Si le colis devait finalement arriver, merci de nous en informer.",
        nl: 'Het spijt ons dat "{lotTitle}" u niet heeft bereikt. Omdat de verkoper niet kon aantonen dat het object is bezorgd, hebben we {amount} teruggestort via uw oorspronkelijke betaalmethode.\n\nAfhankelijk van uw bank kan het 5–10 werkdagen duren voordat het bedrag op uw rekening staat. Mocht het pakket toch nog aankomen, laat het ons dan weten.',
        de: 'es tut uns leid, dass „{lotTitle}“ Sie nicht erreicht hat. Da der Verkäufer die Zustellung nicht nachweisen konnte, haben wir Ihnen {amount} auf die ursprüngliche Zahlungsmethode erstattet.\n\nJe nach Bank kann es 5–10 Werktage dauern, bis der Betrag auf Ihrem Konto erscheint. Sollte das Paket doch noch ankommen, geben Sie uns bitte Bescheid.',
        zh: '很抱歉您一直未收到「{lotTitle}」。由于卖家无法证明物品已送达，我们已将 {amount} 退还至您的原支付方式。\n\n根据您的银行处理时间，款项通常会在5至10个工作日内到账。如果包裹最终送达，请告知我们。',
        pt: 'Lamentamos que o objeto «{lotTitle}» não lhe tenha chegado. Como o vendedor não conseguiu comprovar a entrega, reembolsámos {amount} para o seu método de pagamento original.\n\nDependendo do seu banco, o montante pode demorar 5 a 10 dias úteis a aparecer na sua conta. Se a encomenda acabar por chegar, agradecemos que nos informe.',
        pl: 'przykro nam, że przedmiot „{lotTitle}” nie dotarł. Ponieważ sprzedający nie wykazał doręczenia, zwróciliśmy kwotę {amount} na pierwotną metodę płatności.\n\nW zależności od banku środki mogą pojawić się na koncie w ciągu 5–10 dni roboczych. Jeśli przesyłka jednak dotrze, prosimy o informację.',
      },
    },
  ],
  seller: [
    {
      slug: 'proof-of-shipment',
      title: 'Request proof of shipment and tracking',
      body: {
        en: 'The buyer of "{lotTitle}" reports that the object has not arrived (case {reference}). Could you please send us, within 3 business days, the carrier, the tracking number and a proof of shipment such as the postage receipt?\n\nIf we do not receive proof of shipment in time, we may refund the buyer.',
        es: 'El comprador de «{lotTitle}» indica que el objeto no ha llegado (caso {reference}). Le rogamos que nos envíe, en un plazo de 3 días hábiles, el transportista, el número de seguimiento y un comprobante de envío, como el resguardo de la oficina de correos.\n\nSi no recibimos el comprobante de envío en ese plazo, podremos reembolsar el importe al comprador.',
        it: "l'acquirente di «{lotTitle}» segnala che l'oggetto non è arrivato (caso {reference}). La preghiamo di inviarci entro 3 giorni lavorativi il nome del corriere, il numero di tracciamento e una prova di spedizione, ad esempio la ricevuta di spedizione.\n\nIn assenza di una prova di spedizione entro tale termine, potremo rimborsare l'acquirente.",
        fr: "L'acheteur de « {lotTitle} » signale que l'objet n'est pas arrivé (dossier {reference}). Pourriez-vous nous envoyer sous 3 jours ouvrés le nom du transporteur, le numéro de suivi et une preuve d'expédition, par exemple le reçu de dépôt ?\n\nSans preuve d'expédition dans ce délai, nous pourrons être amenés à rembourser l'acheteur.",
        nl: 'De koper van "{lotTitle}" meldt dat het object niet is aangekomen (zaak {reference}). Wilt u ons binnen 3 werkdagen de vervoerder, de track-and-tracecode en een verzendbewijs, zoals het verzendbonnetje, sturen?\n\nAls we niet op tijd een verzendbewijs ontvangen, kunnen we het aankoopbedrag aan de koper terugbetalen.',
        de: 'der Käufer von „{lotTitle}“ meldet, dass das Objekt nicht angekommen ist (Fall {reference}). Bitte senden Sie uns innerhalb von 3 Werktagen den Versanddienstleister, die Sendungsnummer und einen Versandnachweis, z. B. den Einlieferungsbeleg.\n\nLiegt uns bis dahin kein Versandnachweis vor, können wir dem Käufer den Kaufpreis erstatten.',
        zh: '「{lotTitle}」的买家反映物品尚未送达（案例 {reference}）。请在3个工作日内向我们提供承运商名称、物流单号以及发货凭证（例如寄件收据）。\n\n如果我们未能在期限内收到发货凭证，可能会向买家退款。',
        pt: 'O comprador de «{lotTitle}» informa que o objeto não chegou (caso {reference}). Pedimos que nos envie, no prazo de 3 dias úteis, o nome da transportadora, o número de seguimento e um comprovativo de envio, como o talão dos correios.\n\nSe não recebermos o comprovativo de envio dentro deste prazo, poderemos reembolsar o comprador.',
        pl: 'kupujący zgłasza, że przedmiot „{lotTitle}” nie dotarł (sprawa {reference}). Prosimy o przesłanie w ciągu 3 dni roboczych nazwy przewoźnika, numeru przesyłki oraz dowodu nadania, np. potwierdzenia z placówki pocztowej.\n\nJeśli w tym terminie nie otrzymamy dowodu nadania, możemy zwrócić kupującemu należność.',
      },
    },
    {
      slug: 'ship-or-cancel',
      title: 'Not shipped yet: ship or cancel',
      body: {
        en: 'The order for "{lotTitle}" (case {reference}) has not been marked as shipped yet, and the buyer is waiting for it. Please ship the object within 2 business days and add the tracking number to the order.\n\nIf you cannot ship it, please let us know so that we can cancel the order and refund the buyer.',
        es: 'El pedido de «{lotTitle}» (caso {reference}) aún no figura como enviado y el comprador lo está esperando. Le rogamos que envíe el objeto en un plazo de 2 días hábiles y añada el número de seguimiento al pedido.\n\nSi no puede enviarlo, le rogamos que nos lo comunique para que podamos cancelar el pedido y reembolsar al comprador.',
        it: "l'ordine di «{lotTitle}» (caso {reference}) non risulta ancora spedito e l'acquirente lo sta aspettando. La preghiamo di spedire l'oggetto entro 2 giorni lavorativi e di aggiungere il numero di tracciamento all'ordine.\n\nSe non Le è possibile spedirlo, ce lo comunichi, così potremo annullare l'ordine e rimborsare l'acquirente.",
        fr: "La commande de « {lotTitle} » (dossier {reference}) n'est pas encore marquée comme expédiée et l'acheteur l'attend. Merci d'expédier l'objet sous 2 jours ouvrés et d'ajouter le numéro de suivi à la commande.\n\nSi vous ne pouvez pas l'expédier, merci de nous le faire savoir afin que nous puissions annuler la commande et rembourser l'acheteur.",
        nl: 'De bestelling van "{lotTitle}" (zaak {reference}) is nog niet als verzonden gemarkeerd en de koper wacht erop. Wilt u het object binnen 2 werkdagen verzenden en de track-and-tracecode aan de bestelling toevoegen?\n\nKunt u het niet verzenden? Laat het ons dan weten, zodat we de bestelling kunnen annuleren en de koper kunnen terugbetalen.',
        de: 'die Bestellung von „{lotTitle}“ (Fall {reference}) ist noch nicht als versendet markiert, und der Käufer wartet darauf. Bitte versenden Sie das Objekt innerhalb von 2 Werktagen und hinterlegen Sie die Sendungsnummer in der Bestellung.\n\nFalls Ihnen der Versand nicht möglich ist, teilen Sie uns das bitte mit, damit wir die Bestellung stornieren und dem Käufer den Betrag erstatten können.',
        zh: '「{lotTitle}」的订单（案例 {reference}）尚未标记为已发货，买家正在等待收货。请在2个工作日内发货，并将物流单号添加到订单中。\n\n如果您无法发货，请告知我们，以便我们取消订单并向买家退款。',
        pt: 'A encomenda de «{lotTitle}» (caso {reference}) ainda não está marcada como enviada e o comprador aguarda a sua receção. Pedimos que envie o objeto no prazo de 2 dias úteis e acrescente o número de seguimento à encomenda.\n\nSe não lhe for possível enviá-lo, agradecemos que nos informe, para que possamos cancelar a encomenda e reembolsar o comprador.',
        pl: 'zamówienie przedmiotu „{lotTitle}” (sprawa {reference}) nie zostało jeszcze oznaczone jako wysłane, a kupujący na nie czeka. Prosimy o wysłanie przedmiotu w ciągu 2 dni roboczych i dodanie numeru przesyłki do zamówienia.\n\nJeśli wysyłka nie jest możliwa, prosimy o informację – anulujemy wtedy zamówienie i zwrócimy kupującemu należność.',
      },
    },
  ],
};
