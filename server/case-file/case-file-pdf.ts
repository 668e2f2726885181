import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import subsetFont from 'subset-font';
import type { CaseFile } from './case-file-data';

const FONT_DIR = new URL('./fonts/', import.meta.url);
const font = (file: string) => readFileSync(new URL(file, FONT_DIR));
// Read once: the files are the same for every export.
let fonts: Record<FontName, Buffer> | null = null;
type FontName = 'latin' | 'latin-ext' | 'sc';
const loadFonts = () =>
  (fonts ??= {
    latin: font('NotoSans-latin.woff'),
    'latin-ext': font('NotoSans-latin-ext.woff'),
    sc: font('NotoSansSC-chinese-simplified.woff'),
  });

/** Which of the shipped fonts draws a character (their Unicode ranges, see fonts/README.md). */
function fontFor(cp: number): FontName {
  if (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x2ffff)
  )
    return 'sc';
  if ((cp >= 0x0100 && cp <= 0x024f) || (cp >= 0x1e00 && cp <= 0x1eff)) return 'latin-ext';
  return 'latin';
}

/** Splits text into runs of one font each, so every language of the nine draws. */
export function fontRuns(text: string): { font: FontName; text: string }[] {
  const runs: { font: FontName; text: string }[] = [];
  for (const ch of text) {
    const f = fontFor(ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.font === f) last.text += ch;
    else runs.push({ font: f, text: ch });
  }
  return runs;
}

/** The Keywords entry of the PDF: the chain the file proves, for the verify command. */
export const chainKeywords = (chain: CaseFile['chain']) =>
  `casedesk-chain-head:${chain.head} casedesk-chain-length:${chain.length}`;

/**
 * The case file as a PDF: what a person reads. Fonts are embedded, and pdfkit keeps only
 * the glyphs used (fontkit subsetting), so Latin and Chinese both show on any reader.
 */
export async function caseFilePdf(file: CaseFile): Promise<Buffer> {
  const c = file.case;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Case file ${c.reference}`,
      Author: 'Casedesk',
      Subject: `Evidence case file of case ${c.reference}, exported ${file.exportedAt}`,
      Keywords: chainKeywords(file.chain),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Laid out in two steps: first the lines, then the fonts. The Chinese font is cut down
  // (harfbuzz, subset-font) to the characters this file uses before pdfkit sees it:
  // fontkit takes seconds to lay out and subset the whole font, milliseconds for this.
  const lines: { text: string; size: number; gap: number }[] = [];
  const write = (text: string, size = 9, gap = 0.2) =>
    lines.push({ text: text === '' ? ' ' : text, size, gap });
  const heading = (text: string) => write(text, 13, 0.3);
  const names = new Map(file.agents.map((a) => [a.id, a.name]));
  const who = (id: string | null | undefined) => (id ? (names.get(id) ?? id) : 'the service');

  write(`Case file ${c.reference}`, 18, 0.4);
  write(
    `Exported ${file.exportedAt} by ${file.exportedBy.name}. ${file.events.length} audit events; chain head ${file.chain.head}.`,
    8,
  );

  heading('Case');
  write(`Status ${c.status} · topic ${c.topic} · channel ${c.channel} · language ${c.language}`);
  write(`Opened ${c.createdAt} · buyer ${c.buyer.name} <${c.buyer.email}> (${c.buyer.country})`);
  if (c.order)
    write(
      `Order ${c.order.externalId}: "${c.order.lotTitle}", ${c.order.amountPaid.amount / 100} ${c.order.amountPaid.currency}, seller ${c.order.seller.name}`,
    );
  write(`Question: ${c.question}`);

  heading('Conversation');
  if (file.messages.length === 0) write('No messages.');
  for (const m of file.messages)
    write(`${m.createdAt} · ${'to' in m && m.to ? `to ${m.to}` : `from ${m.from}`}: ${m.body}`);

  heading('Internal notes');
  if (file.notes.length === 0) write('No notes.');
  for (const n of file.notes) write(`${n.createdAt} · ${who(n.authorId)}: ${n.body}`);

  heading('Actions');
  if (file.actions.length === 0) write('No actions.');
  for (const a of file.actions)
    write(
      `${a.createdAt} · ${a.type} · ${a.status} · proposed by ${who(a.proposedBy)}${a.approvedBy ? `, approved by ${who(a.approvedBy)}` : ''}`,
    );

  heading('Statements of reasons');
  if (file.statementsOfReasons.length === 0) write('No restrictions.');
  for (const s of file.statementsOfReasons) {
    write(`${s.restriction} of the ${s.subject} (${s.status}), until ${s.until ?? 'lifted'}`);
    write(JSON.stringify(s.statementOfReasons, null, 1), 8);
  }

  heading('External disputes');
  if (file.externalDisputes.length === 0) write('No external disputes.');
  for (const d of file.externalDisputes)
    write(`${d.body} · ${d.reference} · filed ${d.filedAt} · ${d.status}: ${d.notes}`);

  heading('Audit trail (hash-chained)');
  for (const e of file.events) {
    write(`#${e.chainIndex} ${e.hashedAt} · ${e.type} · ${who(e.actorId)}`, 9, 0);
    write(e.hashedData, 7, 0);
    write(`sha256 ${e.hash}`, 7, 0.3);
  }
  heading('Chain');
  write(`${file.chain.length} events; head ${file.chain.head}.`);
  write(
    'Check with the JSON twin: npm run verify-case-file -- <file.json> <file.pdf> (see the README).',
    8,
  );

  const sources = loadFonts();
  const chinese = lines
    .flatMap((l) => fontRuns(l.text))
    .filter((r) => r.font === 'sc')
    .map((r) => r.text)
    .join('');
  doc.registerFont('latin', sources.latin);
  doc.registerFont('latin-ext', sources['latin-ext']);
  if (chinese !== '')
    // One character the font surely has keeps a cmap in the subset: text of characters it
    // lacks (the fuzz suite sends such) would otherwise leave none, and fontkit throws.
    doc.registerFont(
      'sc',
      await subsetFont(sources.sc, `中${chinese}`, { targetFormat: 'truetype' }),
    );
  for (const l of lines) {
    if (l.size === 13) doc.moveDown(0.6);
    doc.fontSize(l.size);
    const runs = fontRuns(l.text);
    runs.forEach((r, i) => doc.font(r.font).text(r.text, { continued: i < runs.length - 1 }));
    doc.moveDown(l.gap);
  }
  doc.end();
  return done;
}
