/**
 * The new words of a mailed reply, without the quoted earlier mail and the signature that
 * mail clients append. The full text is kept elsewhere; this is what the agent reads first.
 */

// "On Tue, 1 Dec 2026 at 10:00, Casedesk <support@…> wrote:" in the nine languages. Gmail
// wraps long ones over two lines, so the pattern is tried on a line and on two joined.
const ATTRIBUTION = [
  /^On\b.{0,200}\bwrote:\s*$/i,
  /^Am\b.{0,200}\bschrieb\b.{0,200}:\s*$/i,
  /^Le\b.{0,200}\ba écrit\s*:\s*$/i,
  /^Op\b.{0,200}\bschreef\b.{0,200}:\s*$/i,
  /^El\b.{0,200}\bescribió:\s*$/i,
  /^Il giorno\b.{0,200}\bha scritto:\s*$/i,
  /^Il\b.{0,200}\bha scritto:\s*$/i,
  /^Em\b.{0,200}\bescreveu:\s*$/i,
  /^W dniu\b.{0,200}\bpisze:\s*$/i,
  /^.{0,200}\d{4}.{0,100}写道[:：]\s*$/,
];

// Outlook quotes nothing with ">": it appends the earlier mail under a separator or a
// header block ("From: … Sent: …", "Von: … Gesendet: …").
const SEPARATOR = [
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Oorspronkelijk bericht|Mensaje original|Messaggio originale|Mensagem original|Wiadomość oryginalna)\s*-{2,}\s*$/i,
  /^_{20,}\s*$/,
];
const HEADER_FROM = /^\*?(From|Von|De|Van|Da|Od|发件人)\s*:\*?\s+\S/i;
const HEADER_NEXT =
  /^\*?(Sent|Date|Gesendet|Datum|Envoyé|Date|Verzonden|Enviado|Inviato|Wysłano|Data|发送时间|To|An|À|Aan|Para|A|Do|Subject|Betreff|Objet|Onderwerp|Asunto|Oggetto|Assunto|Temat)\s*:/i;

// "-- " is the standard signature separator; phones add their own line.
const SIGNATURE = [
  /^--\s?$/,
  /^(Sent from my|Von meinem|Envoyé de mon|Verzonden vanaf mijn|Enviado desde mi|Inviato da|Enviado do meu|Wysłane z mojego)\b.*$/i,
];

function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const joined = i + 1 < lines.length ? `${line} ${lines[i + 1]!.trim()}` : line;
    if (ATTRIBUTION.some((re) => re.test(line))) return i;
    if (!ATTRIBUTION.some((re) => re.test(line)) && ATTRIBUTION.some((re) => re.test(joined))) {
      // Only if the pair really opens a quote: the next lines are quoted or the mail ends.
      const after = lines.slice(i + 2).find((l) => l.trim() !== '');
      if (after === undefined || after.trimStart().startsWith('>')) return i;
    }
    if (SEPARATOR.some((re) => re.test(line))) return i;
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => HEADER_NEXT.test(l.trim())))
      return i;
    // A block quoted with ">" that runs to the end (inline answers between quotes are kept).
    if (
      line.startsWith('>') &&
      lines.slice(i).every((l) => l.trim() === '' || l.trimStart().startsWith('>'))
    )
      return i;
  }
  return lines.length;
}

function signatureStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (SIGNATURE.some((re) => re.test(lines[i]!.trimEnd()))) return i;
  }
  return lines.length;
}

export function cutQuotedReply(text: string): string {
  let lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines = lines.slice(0, quoteStart(lines));
  lines = lines.slice(0, signatureStart(lines));
  const cut = lines.join('\n').trim();
  // A mail that is all quote (a bare forward) keeps its text rather than arriving empty.
  return cut === '' ? text.trim() : cut;
}
