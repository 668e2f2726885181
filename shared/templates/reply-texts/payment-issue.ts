import type { TopicTexts } from './types';

export const PAYMENT_ISSUE: TopicTexts = {
  buyer: [
    {
      slug: 'proof-of-payment',
      title: 'Proof of payment requested',
      body: {
        en: 'Thank you for contacting us about the payment for "{lotTitle}". So that we can trace it, could you please send us a screenshot or statement from your bank or payment provider showing the amount, the date and the payment reference?\n\nPlease hide any information that is not related to this payment, such as other transactions or your full card number.',
        es: 'Gracias por ponerse en contacto con nosotros sobre el pago de «{lotTitle}». Para poder localizarlo, le rogamos que nos envíe una captura de pantalla o un extracto de su banco o proveedor de pago en el que figuren el importe, la fecha y la referencia del pago.\n\nLe rogamos que oculte cualquier información que no esté relacionada con este pago, como otros movimientos o el número completo de su tarjeta.',
        it: 'grazie per averci contattato in merito al pagamento di «{lotTitle}». Per poterlo rintracciare, La preghiamo di inviarci uno screenshot o un estratto conto della Sua banca o del Suo fornitore di pagamenti da cui risultino importo, data e causale del pagamento.\n\nLa preghiamo di oscurare tutte le informazioni non relative a questo pagamento, come altri movimenti o il numero completo della carta.',
        fr: "Merci de nous avoir contactés au sujet du paiement de « {lotTitle} ». Afin que nous puissions le retrouver, pourriez-vous nous envoyer une capture d'écran ou un relevé de votre banque ou prestataire de paiement indiquant le montant, la date et la référence du paiement ?\n\nMerci de masquer toute information sans rapport avec ce paiement, comme d'autres opérations ou votre numéro de carte complet.",
        nl: 'Dank u voor uw bericht over de betaling voor "{lotTitle}". Om de betaling te kunnen traceren, vragen we u ons een schermafbeelding of afschrift van uw bank of betaaldienst te sturen waarop het bedrag, de datum en het betalingskenmerk te zien zijn.\n\nMaak alstublieft alle gegevens onleesbaar die niet met deze betaling te maken hebben, zoals andere transacties of uw volledige kaartnummer.',
        de: 'vielen Dank für Ihre Nachricht zur Zahlung für „{lotTitle}“. Damit wir die Zahlung nachverfolgen können, senden Sie uns bitte einen Screenshot oder Kontoauszug Ihrer Bank bzw. Ihres Zahlungsdienstleisters, auf dem Betrag, Datum und Verwendungszweck zu sehen sind.\n\nBitte schwärzen Sie alle Angaben, die nicht zu dieser Zahlung gehören, etwa andere Umsätze oder Ihre vollständige Kartennummer.',
        zh: '感谢您就「{lotTitle}」的付款问题联系我们。为便于我们核查这笔付款，请提供银行或支付服务商的截图或对账单，需显示金额、日期和付款参考号。\n\n请遮盖与此笔付款无关的信息，例如其他交易记录或完整的银行卡号。',
        pt: 'Obrigado por nos contactar sobre o pagamento de «{lotTitle}». Para o podermos localizar, pedimos que nos envie uma captura de ecrã ou um extrato do seu banco ou prestador de pagamentos onde constem o montante, a data e a referência do pagamento.\n\nPedimos que oculte qualquer informação não relacionada com este pagamento, como outros movimentos ou o número completo do cartão.',
        pl: 'dziękujemy za kontakt w sprawie płatności za przedmiot „{lotTitle}”. Aby ją odnaleźć, prosimy o przesłanie zrzutu ekranu lub wyciągu z banku albo od dostawcy płatności, na którym widoczne są kwota, data i tytuł płatności.\n\nProsimy zasłonić wszystkie informacje niezwiązane z tą płatnością, np. inne transakcje lub pełny numer karty.',
      },
    },
    {
      slug: 'pending-authorisation',
      title: 'Duplicate charge is a pending authorisation',
      body: {
        en: 'We have checked the payment for "{lotTitle}": we received it only once. The second amount you see is a pending authorisation that was not collected. Your bank will release it automatically, usually within 5–10 business days.\n\nIf the amount is still shown after that time, please send us a current statement and we will look into it again.',
        es: 'Hemos comprobado el pago de «{lotTitle}»: solo lo hemos recibido una vez. El segundo importe que ve es una autorización pendiente que no se ha cobrado. Su banco la liberará automáticamente, normalmente en un plazo de 5 a 10 días hábiles.\n\nSi después de ese plazo el importe sigue apareciendo, le rogamos que nos envíe un extracto actualizado y volveremos a revisarlo.',
        it: "abbiamo verificato il pagamento di «{lotTitle}»: lo abbiamo ricevuto una sola volta. Il secondo importo che vede è un'autorizzazione in sospeso che non è stata addebitata. La Sua banca la sbloccherà automaticamente, di solito entro 5-10 giorni lavorativi.\n\nSe dopo questo periodo l'importo risultasse ancora visibile, La preghiamo di inviarci un estratto conto aggiornato e lo verificheremo di nuovo.",
        fr: "Nous avons vérifié le paiement de « {lotTitle} » : nous ne l'avons reçu qu'une seule fois. Le second montant que vous voyez est une autorisation en attente qui n'a pas été encaissée. Votre banque la libérera automatiquement, généralement sous 5 à 10 jours ouvrés.\n\nSi le montant apparaît toujours après ce délai, merci de nous envoyer un relevé récent et nous examinerons à nouveau la situation.",
        nl: 'We hebben de betaling voor "{lotTitle}" gecontroleerd: we hebben deze maar één keer ontvangen. Het tweede bedrag dat u ziet, is een voorlopige reservering (autorisatie) die niet is afgeschreven. Uw bank geeft deze automatisch weer vrij, meestal binnen 5–10 werkdagen.\n\nStaat het bedrag er daarna nog steeds? Stuur ons dan een recent afschrift, dan kijken we er opnieuw naar.',
        de: 'wir haben die Zahlung für „{lotTitle}“ geprüft: Sie ist bei uns nur einmal eingegangen. Bei dem zweiten Betrag, den Sie sehen, handelt es sich um eine vorgemerkte Autorisierung, die nicht eingezogen wurde. Ihre Bank gibt sie automatisch wieder frei, in der Regel innerhalb von 5–10 Werktagen.\n\nSollte der Betrag danach noch angezeigt werden, senden Sie uns bitte einen aktuellen Kontoauszug; wir prüfen es dann erneut.',
        zh: '我们已核查「{lotTitle}」的付款：我们只收到了一笔款项。您看到的第二笔金额是一笔未被扣款的预授权，您的银行会自动解除，通常在5至10个工作日内完成。\n\n如果超过该期限后仍显示此金额，请向我们发送最新的对账单，我们将再次核查。',
        pt: 'Verificámos o pagamento de «{lotTitle}»: recebemo-lo apenas uma vez. O segundo montante que vê é uma autorização pendente que não foi cobrada. O seu banco irá libertá-la automaticamente, normalmente no prazo de 5 a 10 dias úteis.\n\nSe, após esse prazo, o montante continuar a aparecer, agradecemos que nos envie um extrato atualizado e voltaremos a analisar a situação.',
        pl: 'sprawdziliśmy płatność za przedmiot „{lotTitle}”: otrzymaliśmy ją tylko raz. Druga widoczna kwota to blokada autoryzacyjna, która nie została pobrana. Bank zwolni ją automatycznie, zazwyczaj w ciągu 5–10 dni roboczych.\n\nJeśli po tym czasie kwota nadal będzie widoczna, prosimy o przesłanie aktualnego wyciągu – ponownie to sprawdzimy.',
      },
    },
    {
      slug: 'payment-confirmed',
      title: 'Payment received and confirmed',
      body: {
        en: 'We have received your payment for "{lotTitle}", and the order is now marked as paid. The seller has been notified and will ship the object; you will receive the tracking details as soon as it is on its way.\n\nThank you for your patience.',
        es: 'Hemos recibido su pago por «{lotTitle}» y el pedido ya figura como pagado. Hemos avisado al vendedor, que enviará el objeto; recibirá los datos de seguimiento en cuanto esté en camino.\n\nGracias por su paciencia.',
        it: "abbiamo ricevuto il Suo pagamento per «{lotTitle}» e l'ordine risulta ora pagato. Il venditore è stato informato e spedirà l'oggetto; riceverà i dati di tracciamento non appena sarà in viaggio.\n\nLa ringraziamo per la pazienza.",
        fr: "Nous avons bien reçu votre paiement pour « {lotTitle} » et la commande est désormais marquée comme payée. Le vendeur a été informé et va expédier l'objet ; vous recevrez les informations de suivi dès qu'il sera en route.\n\nMerci de votre patience.",
        nl: 'We hebben uw betaling voor "{lotTitle}" ontvangen en de bestelling staat nu als betaald gemarkeerd. De verkoper is op de hoogte gebracht en zal het object verzenden; u ontvangt de track-and-tracegegevens zodra het onderweg is.\n\nDank u voor uw geduld.',
        de: 'Ihre Zahlung für „{lotTitle}“ ist bei uns eingegangen, und die Bestellung ist nun als bezahlt markiert. Der Verkäufer wurde benachrichtigt und wird das Objekt versenden; die Sendungsdaten erhalten Sie, sobald es unterwegs ist.\n\nVielen Dank für Ihre Geduld.',
        zh: '我们已收到您为「{lotTitle}」支付的款项，订单现已标记为已付款。我们已通知卖家发货；物品寄出后，您将收到物流信息。\n\n感谢您的耐心等待。',
        pt: 'Recebemos o seu pagamento de «{lotTitle}» e a encomenda está agora marcada como paga. O vendedor foi notificado e irá enviar o objeto; receberá os dados de seguimento assim que estiver a caminho.\n\nObrigado pela sua paciência.',
        pl: 'otrzymaliśmy płatność za przedmiot „{lotTitle}”, a zamówienie jest teraz oznaczone jako opłacone. Sprzedający został powiadomiony i wyśle przedmiot; dane do śledzenia przesyłki przekażemy, gdy tylko zostanie nadana.\n\nDziękujemy za cierpliwość.',
      },
    },
  ],
  seller: [
    {
      slug: 'payment-check',
      title: 'Payment under review: do not ship yet',
      body: {
        en: 'We are checking the buyer\'s payment for "{lotTitle}" (case {reference}). Please do not ship the object until the order is shown as paid in your account; we will let you know as soon as the check is complete, usually within 3 business days.\n\nIf the buyer offers to pay in another way, please refer them to the platform.',
        es: 'Estamos comprobando el pago del comprador por «{lotTitle}» (caso {reference}). Le rogamos que no envíe el objeto hasta que el pedido figure como pagado en su cuenta; le avisaremos en cuanto finalice la comprobación, normalmente en un plazo de 3 días hábiles.\n\nSi el comprador le propone pagar de otra forma, le rogamos que le remita a la plataforma.',
        it: "stiamo verificando il pagamento dell'acquirente per «{lotTitle}» (caso {reference}). La preghiamo di non spedire l'oggetto finché l'ordine non risulterà pagato nel Suo account; La informeremo non appena la verifica sarà conclusa, di solito entro 3 giorni lavorativi.\n\nSe l'acquirente Le propone di pagare in altro modo, La preghiamo di indirizzarlo alla piattaforma.",
        fr: "Nous vérifions le paiement de l'acheteur pour « {lotTitle} » (dossier {reference}). Merci de ne pas expédier l'objet tant que la commande n'apparaît pas comme payée dans votre compte ; nous vous informerons dès que la vérification sera terminée, généralement sous 3 jours ouvrés.\n\nSi l'acheteur vous propose de payer autrement, merci de le renvoyer vers la plateforme.",
        nl: 'We controleren de betaling van de koper voor "{lotTitle}" (zaak {reference}). Wilt u het object pas verzenden wanneer de bestelling in uw account als betaald wordt weergegeven? We laten het u weten zodra de controle is afgerond, meestal binnen 3 werkdagen.\n\nStelt de koper voor om op een andere manier te betalen, verwijs hem of haar dan naar het platform.',
        de: 'wir prüfen derzeit die Zahlung des Käufers für „{lotTitle}“ (Fall {reference}). Bitte versenden Sie das Objekt erst, wenn die Bestellung in Ihrem Konto als bezahlt angezeigt wird; wir melden uns, sobald die Prüfung abgeschlossen ist, in der Regel innerhalb von 3 Werktagen.\n\nFalls der Käufer Ihnen eine andere Zahlungsweise vorschlägt, verweisen Sie ihn bitte auf die Plattform.',
        zh: '我们正在核查买家为「{lotTitle}」支付的款项（案例 {reference}）。在订单于您的账户中显示为已付款之前，请勿发货；核查完成后我们会立即通知您，通常在3个工作日内。\n\n如果买家提出以其他方式付款，请引导其通过平台支付。',
        pt: 'Estamos a verificar o pagamento do comprador de «{lotTitle}» (caso {reference}). Pedimos que não envie o objeto até a encomenda aparecer como paga na sua conta; informaremos assim que a verificação estiver concluída, normalmente no prazo de 3 dias úteis.\n\nSe o comprador propuser pagar de outra forma, pedimos que o remeta para a plataforma.',
        pl: 'weryfikujemy płatność kupującego za przedmiot „{lotTitle}” (sprawa {reference}). Prosimy nie wysyłać przedmiotu, dopóki zamówienie nie będzie widoczne na koncie jako opłacone; poinformujemy Państwa, gdy tylko weryfikacja się zakończy, zwykle w ciągu 3 dni roboczych.\n\nJeśli kupujący zaproponuje inną formę płatności, prosimy odesłać go do platformy.',
      },
    },
  ],
};
