import type { TopicTexts } from './types';

export const GENERAL_QUESTION: TopicTexts = {
  buyer: [
    {
      slug: 'forwarded-to-seller',
      title: 'Question forwarded to the seller',
      body: {
        en: 'Thank you for your question about "{lotTitle}". The seller knows the object best, so we have forwarded your question to them and asked them to reply within 3 business days.\n\nWe will pass on their answer as soon as we receive it. You can also message the seller directly from the object page.',
        es: 'Gracias por su pregunta sobre «{lotTitle}». El vendedor es quien mejor conoce el objeto, por lo que le hemos trasladado su pregunta y le hemos pedido que responda en un plazo de 3 días hábiles.\n\nLe haremos llegar su respuesta en cuanto la recibamos. También puede escribir directamente al vendedor desde la página del objeto.',
        it: "grazie per la Sua domanda su «{lotTitle}». Il venditore è la persona che conosce meglio l'oggetto, perciò gli abbiamo inoltrato la Sua domanda chiedendogli di rispondere entro 3 giorni lavorativi.\n\nLe inoltreremo la sua risposta non appena la riceveremo. Può anche scrivere direttamente al venditore dalla pagina dell'oggetto.",
        fr: "Merci pour votre question concernant « {lotTitle} ». Le vendeur étant le mieux placé pour vous renseigner sur l'objet, nous lui avons transmis votre question en lui demandant de répondre sous 3 jours ouvrés.\n\nNous vous transmettrons sa réponse dès réception. Vous pouvez aussi écrire directement au vendeur depuis la page de l'objet.",
        nl: 'Dank u voor uw vraag over "{lotTitle}". De verkoper kent het object het best; daarom hebben we uw vraag aan hem doorgestuurd en hem gevraagd binnen 3 werkdagen te antwoorden.\n\nWe sturen zijn antwoord door zodra we het ontvangen. U kunt de verkoper ook rechtstreeks een bericht sturen via de objectpagina.',
        de: 'vielen Dank für Ihre Frage zu „{lotTitle}“. Der Verkäufer kennt das Objekt am besten; wir haben Ihre Frage daher an ihn weitergeleitet und ihn gebeten, innerhalb von 3 Werktagen zu antworten.\n\nSeine Antwort leiten wir Ihnen weiter, sobald sie vorliegt. Sie können dem Verkäufer auch direkt über die Objektseite schreiben.',
        zh: '感谢您就「{lotTitle}」提出的问题。卖家最了解该物品，因此我们已将您的问题转交给卖家，并请其在3个工作日内答复。\n\n收到卖家的答复后，我们会立即转告您。您也可以通过物品页面直接向卖家发送消息。',
        pt: 'Obrigado pela sua pergunta sobre «{lotTitle}». O vendedor é quem melhor conhece o objeto, por isso reencaminhámos-lhe a sua pergunta e pedimos que responda no prazo de 3 dias úteis.\n\nTransmitiremos a resposta dele assim que a recebermos. Também pode enviar uma mensagem diretamente ao vendedor a partir da página do objeto.',
        pl: 'dziękujemy za pytanie dotyczące przedmiotu „{lotTitle}”. Sprzedający zna przedmiot najlepiej, dlatego przekazaliśmy mu pytanie z prośbą o odpowiedź w ciągu 3 dni roboczych.\n\nPrzekażemy odpowiedź, gdy tylko ją otrzymamy. Można również napisać do sprzedającego bezpośrednio ze strony przedmiotu.',
      },
    },
    {
      // Phone support exists only in en, es, it, fr, nl and de (help center), so the
      // zh, pt and pl texts mention email and chat only.
      slug: 'help-center',
      title: 'Help center and contact options',
      body: {
        en: 'Thank you for your question. You will find many answers in our Help Center, where our AI assistant answers questions straight away. If you still need help, choose "Talk to customer support" below the answer and your request will reach our team.\n\nEmail is always available; live chat and phone depend on whether a colleague who speaks your language is available at the time. Please note that we do not offer a direct support email address.',
        es: 'Gracias por su pregunta. Encontrará muchas respuestas en nuestro Centro de ayuda, donde nuestro asistente de IA responde al instante. Si sigue necesitando ayuda, elija «Hablar con atención al cliente» debajo de la respuesta y su solicitud llegará a nuestro equipo.\n\nEl correo electrónico está siempre disponible; el chat en directo y el teléfono dependen de que en ese momento haya disponible un compañero que hable su idioma. Tenga en cuenta que no ofrecemos una dirección de correo electrónico directa de atención al cliente.',
        it: "grazie per la Sua domanda. Molte risposte si trovano nel nostro Centro assistenza, dove il nostro assistente IA risponde subito alle domande. Se ha ancora bisogno di aiuto, scelga «Parla con l'assistenza clienti» sotto la risposta: la Sua richiesta arriverà al nostro team.\n\nL'e-mail è sempre disponibile; chat dal vivo e telefono dipendono dalla disponibilità, in quel momento, di un collega che parli la Sua lingua. Tenga presente che non offriamo un indirizzo e-mail diretto per l'assistenza.",
        fr: "Merci pour votre question. Vous trouverez de nombreuses réponses dans notre Centre d'aide, où notre assistant IA répond immédiatement aux questions. Si vous avez encore besoin d'aide, choisissez « Parler au service client » sous la réponse : votre demande sera alors transmise à notre équipe.\n\nL'e-mail est toujours disponible ; le chat en direct et le téléphone dépendent de la disponibilité d'un collègue parlant votre langue. Veuillez noter que nous ne proposons pas d'adresse e-mail directe pour le support.",
        nl: 'Dank u voor uw vraag. Veel antwoorden vindt u in ons Helpcentrum, waar onze AI-assistent vragen direct beantwoordt. Hebt u daarna nog hulp nodig, kies dan onder het antwoord "Praat met de klantenservice"; uw verzoek komt dan bij ons team terecht.\n\nE-mail is altijd beschikbaar; livechat en telefoon zijn afhankelijk van of er op dat moment een collega beschikbaar is die uw taal spreekt. Houd er rekening mee dat we geen direct e-mailadres voor de klantenservice hebben.',
        de: 'vielen Dank für Ihre Frage. Viele Antworten finden Sie in unserem Hilfecenter, wo unser KI-Assistent Fragen sofort beantwortet. Wenn Sie weiterhin Hilfe benötigen, wählen Sie unter der Antwort „Mit dem Kundensupport sprechen“; Ihre Anfrage wird dann von unserem Team bearbeitet.\n\nE-Mail ist immer verfügbar; Live-Chat und Telefon hängen davon ab, ob gerade ein Teammitglied verfügbar ist, das Ihre Sprache spricht. Bitte beachten Sie, dass wir keine direkte Support-E-Mail-Adresse anbieten.',
        zh: '感谢您的提问。您可以在我们的帮助中心找到许多问题的答案，我们的 AI 助手会即时解答。如果仍需帮助，请在答案下方选择「联系客服」，您的请求将转交给我们的团队处理。\n\n电子邮件支持随时可用；在线聊天则取决于当时是否有会说中文的客服人员在线。请注意，我们不提供直接的客服电子邮箱地址。',
        pt: 'Obrigado pela sua pergunta. Encontrará muitas respostas no nosso Centro de Ajuda, onde o nosso assistente de IA responde de imediato. Se continuar a precisar de ajuda, escolha «Falar com o apoio ao cliente» por baixo da resposta e o seu pedido chegará à nossa equipa.\n\nO e-mail está sempre disponível; o chat ao vivo depende de haver, nesse momento, um colega disponível que fale português. Tenha em atenção que não disponibilizamos um endereço de e-mail direto para o apoio ao cliente.',
        pl: 'dziękujemy za pytanie. Wiele odpowiedzi można znaleźć w naszym Centrum pomocy, gdzie asystent AI odpowiada na pytania od razu. Jeśli pomoc jest nadal potrzebna, prosimy wybrać „Porozmawiaj z obsługą klienta” pod odpowiedzią – zgłoszenie trafi wtedy do naszego zespołu.\n\nKontakt e-mailowy jest zawsze dostępny; czat na żywo zależy od tego, czy w danej chwili dostępny jest konsultant mówiący po polsku. Prosimy pamiętać, że nie udostępniamy bezpośredniego adresu e-mail działu obsługi klienta.',
      },
    },
    {
      slug: 'anything-else',
      title: 'Anything else? Closing the case',
      body: {
        en: 'We hope our reply has answered your question about "{lotTitle}". If there is anything else we can do for you in case {reference}, simply reply to this message.\n\nIf we do not hear from you within 3 business days, we will close the case. You can contact us again at any time.',
        es: 'Esperamos haber respondido a su pregunta sobre «{lotTitle}». Si podemos ayudarle en algo más en relación con el caso {reference}, basta con que responda a este mensaje.\n\nSi no tenemos noticias suyas en un plazo de 3 días hábiles, cerraremos el caso. Puede volver a contactarnos en cualquier momento.',
        it: 'speriamo di aver risposto alla Sua domanda su «{lotTitle}». Se possiamo fare ancora qualcosa per Lei nel caso {reference}, è sufficiente rispondere a questo messaggio.\n\nSe non riceveremo Sue notizie entro 3 giorni lavorativi, chiuderemo il caso. Può contattarci di nuovo in qualsiasi momento.',
        fr: 'Nous espérons avoir répondu à votre question concernant « {lotTitle} ». Si nous pouvons faire autre chose pour vous dans le dossier {reference}, il vous suffit de répondre à ce message.\n\nSans nouvelles de votre part sous 3 jours ouvrés, nous clôturerons le dossier. Vous pouvez nous recontacter à tout moment.',
        nl: 'We hopen dat we uw vraag over "{lotTitle}" hebben beantwoord. Kunnen we in zaak {reference} nog iets voor u doen? Reageer dan gewoon op dit bericht.\n\nAls we binnen 3 werkdagen niets van u horen, sluiten we de zaak. U kunt altijd opnieuw contact met ons opnemen.',
        de: 'wir hoffen, dass wir Ihre Frage zu „{lotTitle}“ beantworten konnten. Wenn wir im Fall {reference} noch etwas für Sie tun können, antworten Sie einfach auf diese Nachricht.\n\nWenn wir innerhalb von 3 Werktagen nichts von Ihnen hören, schließen wir den Fall. Sie können sich jederzeit wieder an uns wenden.',
        zh: '希望我们已解答了您关于「{lotTitle}」的问题。如果在案例 {reference} 中还有其他需要我们协助的地方，请直接回复此消息。\n\n如果3个工作日内未收到您的回复，我们将关闭此案例。您可以随时再次联系我们。',
        pt: 'Esperamos ter respondido à sua pergunta sobre «{lotTitle}». Se pudermos ajudar em mais alguma coisa no caso {reference}, basta responder a esta mensagem.\n\nSe não recebermos notícias suas no prazo de 3 dias úteis, encerraremos o caso. Pode voltar a contactar-nos a qualquer momento.',
        pl: 'mamy nadzieję, że udało nam się odpowiedzieć na pytanie dotyczące przedmiotu „{lotTitle}”. Jeśli możemy jeszcze w czymś pomóc w sprawie {reference}, wystarczy odpowiedzieć na tę wiadomość.\n\nJeśli w ciągu 3 dni roboczych nie otrzymamy odpowiedzi, zamkniemy sprawę. W każdej chwili można skontaktować się z nami ponownie.',
      },
    },
  ],
  seller: [
    {
      slug: 'answer-buyer-question',
      title: "Reminder: answer the buyer's question",
      body: {
        en: 'A buyer asked you a question about "{lotTitle}" through the platform and has not received an answer yet (case {reference}). Could you please reply to them in your messages within 3 business days?\n\nPlease keep the conversation on the platform and do not share contact details such as email addresses or phone numbers.',
        es: 'Un comprador le ha hecho una pregunta sobre «{lotTitle}» a través de la plataforma y aún no ha recibido respuesta (caso {reference}). Le rogamos que le responda desde sus mensajes en un plazo de 3 días hábiles.\n\nMantenga la conversación en la plataforma y no comparta datos de contacto como direcciones de correo electrónico o números de teléfono.',
        it: 'un acquirente Le ha posto una domanda su «{lotTitle}» tramite la piattaforma e non ha ancora ricevuto risposta (caso {reference}). La preghiamo di rispondergli nei Suoi messaggi entro 3 giorni lavorativi.\n\nLa preghiamo di mantenere la conversazione sulla piattaforma e di non condividere recapiti come indirizzi e-mail o numeri di telefono.',
        fr: "Un acheteur vous a posé une question sur « {lotTitle} » via la plateforme et n'a pas encore reçu de réponse (dossier {reference}). Pourriez-vous lui répondre dans votre messagerie sous 3 jours ouvrés ?\n\nMerci de garder l'échange sur la plateforme et de ne pas communiquer de coordonnées telles qu'adresses e-mail ou numéros de téléphone.",
        nl: 'Een koper heeft u via het platform een vraag gesteld over "{lotTitle}" en nog geen antwoord ontvangen (zaak {reference}). Wilt u binnen 3 werkdagen via uw berichten reageren?\n\nHoud het gesprek alstublieft op het platform en deel geen contactgegevens zoals e-mailadressen of telefoonnummers.',
        de: 'ein Käufer hat Ihnen über die Plattform eine Frage zu „{lotTitle}“ gestellt und noch keine Antwort erhalten (Fall {reference}). Bitte antworten Sie ihm innerhalb von 3 Werktagen in Ihren Nachrichten.\n\nBitte führen Sie die Unterhaltung auf der Plattform und geben Sie keine Kontaktdaten wie E-Mail-Adressen oder Telefonnummern weiter.',
        zh: '一位买家已通过平台就「{lotTitle}」向您提问，但尚未收到答复（案例 {reference}）。请在3个工作日内通过站内消息回复买家。\n\n请在平台内进行沟通，不要分享电子邮箱地址或电话号码等联系方式。',
        pt: 'Um comprador fez-lhe uma pergunta sobre «{lotTitle}» através da plataforma e ainda não recebeu resposta (caso {reference}). Pedimos que lhe responda nas suas mensagens no prazo de 3 dias úteis.\n\nMantenha a conversa na plataforma e não partilhe dados de contacto, como endereços de e-mail ou números de telefone.',
        pl: 'kupujący zadał Państwu przez platformę pytanie dotyczące przedmiotu „{lotTitle}” i nie otrzymał jeszcze odpowiedzi (sprawa {reference}). Prosimy o odpowiedź w wiadomościach w ciągu 3 dni roboczych.\n\nProsimy prowadzić rozmowę na platformie i nie udostępniać danych kontaktowych, takich jak adresy e-mail czy numery telefonów.',
      },
    },
  ],
};
