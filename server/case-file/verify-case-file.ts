import { getDocumentProxy, getMeta } from 'unpdf';
import { z } from 'zod';
import { CaseFile, verifyEventChain } from '../../shared';
import { chainKeywords } from './case-file-pdf';

const VerifiedPart = CaseFile.pick({ events: true, chain: true }).extend({
  case: z.object({ id: CaseFile.shape.case.shape.id }),
});

export type Verdict = { ok: true; lines: string[] } | { ok: false; lines: string[] };

/**
 * Checks a case file's JSON twin: its events form one unbroken hash chain, and the chain
 * it states (length, head) is the one they form. Given the PDF too, checks that the PDF
 * embeds that same chain (its Keywords), so the two files belong together. What it cannot
 * tell alone: events cut off at the end of both files alike — compare the head with the
 * service's (GET the case file again) when that matters.
 */
export async function verifyCaseFile(json: string, pdf?: Uint8Array): Promise<Verdict> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, lines: ['The case file is not JSON.'] };
  }
  // Only what the chain needs is checked here: a file of an older shape stays verifiable.
  const parsed = VerifiedPart.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      lines: [
        `This is not a Casedesk case file: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || 'file'}: ${i.message}`)
          .join('; ')}.`,
      ],
    };
  const file = parsed.data;
  const verdict = await verifyEventChain(file.events, file.case.id);
  if (!verdict.ok)
    return {
      ok: false,
      lines: [`Chain broken at event ${verdict.index + 1}: ${verdict.problem}.`],
    };
  if (verdict.length !== file.chain.length || verdict.head !== file.chain.head)
    return {
      ok: false,
      lines: [
        `The file states a chain of ${file.chain.length} ending ${file.chain.head}; its events form ${verdict.length} ending ${verdict.head}.`,
      ],
    };
  const lines = [`Chain intact: ${verdict.length} events, head ${verdict.head}.`];
  if (pdf) {
    let keywords: unknown;
    try {
      const info = (await getMeta(await getDocumentProxy(pdf))).info as Record<string, unknown>;
      keywords = info.Keywords;
    } catch {
      return { ok: false, lines: [...lines, 'The PDF cannot be read.'] };
    }
    if (keywords !== chainKeywords(file.chain))
      return { ok: false, lines: [...lines, `The PDF embeds another chain: ${String(keywords)}.`] };
    lines.push('The PDF embeds the same chain head.');
  }
  return { ok: true, lines };
}
