import type { Case } from '../../shared';

/** Lower-cased words of at least two letters or digits: how both sides of search are split. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

/**
 * What a case can be found by: every word, plus the reference and the email whole, so
 * "cd-1000" and "ana@exa" find them as typed. Capped: a lot title is no essay.
 */
export function searchTokensOf(c: Pick<Case, 'reference' | 'buyer' | 'order'>): string[] {
  const whole = [c.reference.toLowerCase(), c.buyer.email.toLowerCase()];
  const words = searchWords(
    [c.reference, c.buyer.name, c.buyer.email, c.order?.lotTitle ?? ''].join(' '),
  );
  // A word that starts another token adds nothing to a prefix search ("cd" of "cd-1000",
  // "ana" of "ana@example.com"): left out, so each case costs fewer index entries.
  const tokens = [...new Set([...whole, ...words])];
  return tokens
    .filter((t) => !tokens.some((other) => other !== t && other.startsWith(t)))
    .slice(0, 40);
}

/** Whether every typed word starts one of the case's tokens. */
export function matchesSearch(tokens: readonly string[], words: readonly string[]): boolean {
  return words.every((w) => tokens.some((t) => t.startsWith(w)));
}
