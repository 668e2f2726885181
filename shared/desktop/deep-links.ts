import { z } from 'zod';

export const DEEP_LINK_SCHEME = 'casedesk';

export const CaseReference = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,5}-\d{1,12}$/, 'is not a case reference')
  .transform((r) => r.toUpperCase());

export type DeepLink = { kind: 'case'; reference: string };

/**
 * `casedesk://case/CD-100042` → the case to open. Anything else is ignored, not guessed
 * at: deep links arrive from other programs and web pages.
 */
export function parseDeepLink(raw: string): DeepLink | null {
  if (raw.length > 200) return null;
  // `casedesk://case/CD-1`, also as `casedesk:case/CD-1`, with at most a trailing slash.
  const m = /^casedesk:(?:\/\/)?case\/([^/?#]+)\/?$/i.exec(raw.trim());
  if (!m?.[1]) return null;
  let segment: string;
  try {
    segment = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  const reference = CaseReference.safeParse(segment);
  return reference.success ? { kind: 'case', reference: reference.data } : null;
}

/** The deep link among a command line's arguments (Windows and Linux pass it that way). */
export function deepLinkInArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (arg.startsWith(`${DEEP_LINK_SCHEME}:`)) {
      const link = parseDeepLink(arg);
      if (link) return link;
    }
  }
  return null;
}
