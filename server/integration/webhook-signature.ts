import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of "<t>.<raw body>", hex: what each `v1=` entry carries. */
export function signatureOf(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

/**
 * The `Casedesk-Signature` header: `t=<unix seconds>,v1=<hex>`, with one `v1=` per
 * secret while a secret is being rotated, so receivers holding either one accept it.
 */
export function signatureHeader(secrets: readonly string[], t: number, body: string): string {
  return [`t=${t}`, ...secrets.map((s) => `v1=${signatureOf(s, t, body)}`)].join(',');
}

export type VerifyResult =
  { ok: true; t: number } | { ok: false; reason: 'malformed' | 'too_old' | 'mismatch' };

/**
 * Checks a `Casedesk-Signature` header against the raw body, as a receiver should:
 * any `v1=` entry made with any of our secrets, compared in constant time, and a
 * timestamp within `toleranceS` of now (so a captured request cannot be replayed later).
 */
export function verifySignature(
  header: string | undefined,
  body: string,
  secrets: readonly string[],
  opts: { toleranceS?: number; now?: number } = {},
): VerifyResult {
  const parts = (header ?? '').split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const given = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v!);
  if (!Number.isInteger(t) || given.length === 0) return { ok: false, reason: 'malformed' };
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceS ?? 300)) return { ok: false, reason: 'too_old' };
  for (const secret of secrets) {
    const expected = Buffer.from(signatureOf(secret, t, body), 'hex');
    for (const v of given) {
      const candidate = Buffer.from(v, 'hex');
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) {
        return { ok: true, t };
      }
    }
  }
  return { ok: false, reason: 'mismatch' };
}
