/**
 * The transparency database is public: a statement must name nobody. Staff write the facts
 * and the ground by hand and the templates fill in the parties' names, so every free text
 * leaving in a statement passes through here. What is removed: the parties' known names,
 * emails and external ids (whole values, any case), and anything shaped like an email
 * address or an international phone number. It cannot recognise a name it was not told.
 */
const EMAIL = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z]{2,}/gi;
const PHONE = /\+\d[\d\s().-]{6,}\d/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function withoutPersonalData(text: string, known: readonly string[]): string {
  // Longest first, so "Jan de Vries" goes before a shorter value inside it.
  const values = [...new Set(known.map((k) => k.trim()).filter((k) => k.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const v of values) out = out.replace(new RegExp(escapeRegExp(v), 'gi'), '[redacted]');
  return out.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

/** Cut to the Commission's limit, saying so rather than ending mid-word silently. */
export function withinLength(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
