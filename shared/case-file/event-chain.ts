import type { ChainedEvent } from '../schemas/case-file';

/**
 * The hash chain of a case's audit events (migration 0056 computes it in the database at
 * insert time). Each event's hash is SHA-256 over, joined by '|': the previous event's
 * hash (64 zeros for the first), the event id, case id, type, actor id (empty when none),
 * the time as the database wrote it (UTC, microseconds) and the data as the database
 * rendered it. Pure: WebCrypto is there in Node and in browsers alike.
 */
export const GENESIS_HASH = '0'.repeat(64);

// shared/ knows neither the DOM nor Node: just the two Web APIs both provide.
const web = globalThis as unknown as {
  crypto: { subtle: { digest(alg: string, data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
};

export async function sha256Hex(text: string): Promise<string> {
  const digest = await web.crypto.subtle.digest('SHA-256', new web.TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const eventHashInput = (e: ChainedEvent, prev: string): string =>
  [prev, e.id, e.caseId, e.type, e.actorId ?? '', e.hashedAt, e.hashedData].join('|');

/** The same JSON value, whatever the key order (jsonb sorts keys its own way). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => k in b && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

export type ChainVerdict =
  { ok: true; length: number; head: string } | { ok: false; index: number; problem: string };

/**
 * Whether the events form one unbroken chain from the first event: positions 1, 2, 3…
 * with none missing, each linked to the one before, each hash right, and the readable
 * `at` and `data` the same as what was hashed. An event removed, inserted, reordered or
 * altered breaks it. (Events cut off at the end leave a shorter valid chain: compare the
 * head with the one the PDF shows, or ask the service.)
 */
export async function verifyEventChain(
  events: readonly ChainedEvent[],
  caseId: string,
): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const fail = (problem: string): ChainVerdict => ({ ok: false, index: i, problem });
    if (e.caseId !== caseId) return fail(`event ${e.id} belongs to another case`);
    if (e.chainIndex !== i + 1)
      return fail(
        `event ${e.id} is at position ${e.chainIndex}, expected ${i + 1}: an event is missing or out of order`,
      );
    if (e.prevHash !== prev) return fail(`event ${e.id} does not follow the event before it`);
    if (Date.parse(e.hashedAt) !== Date.parse(e.at))
      return fail(`event ${e.id}: its time differs from the time hashed`);
    let hashed: unknown;
    try {
      hashed = JSON.parse(e.hashedData);
    } catch {
      return fail(`event ${e.id}: the hashed data is not JSON`);
    }
    if (!sameJson(hashed, e.data))
      return fail(`event ${e.id}: its data differs from the data hashed`);
    if ((await sha256Hex(eventHashInput(e, prev))) !== e.hash)
      return fail(`event ${e.id}: its hash does not match its content`);
    prev = e.hash;
  }
  return { ok: true, length: events.length, head: prev };
}
