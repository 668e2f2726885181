import { DomainError } from '../../shared';
import { isUuid } from '../repositories/timestamps';

/**
 * Where a client stands. A first sync walks a snapshot of every visible entity kind by
 * id (`snapshot`), remembering the log position at which it began (`since`); afterwards the
 * client follows the change log (`log`) from that position, so nothing written during the
 * snapshot is lost. Opaque to clients: base64url JSON.
 */
export type SyncCursor =
  | { kind: 'snapshot'; since: string; phase: number; after: string | null }
  | { kind: 'log'; txid: string; seq: number };

export function encodeCursor(c: SyncCursor): string {
  const raw = c.kind === 'snapshot' ? ['s', c.since, c.phase, c.after] : ['l', c.txid, c.seq];
  return Buffer.from(JSON.stringify(raw)).toString('base64url');
}

const invalid = () =>
  new DomainError('validation_failed', 'The cursor is not one this service gave out.', {
    fields: [{ path: 'query.cursor', message: 'unknown cursor' }],
  });

// xid8 is unsigned 64-bit; bigger digit strings would reach PostgreSQL and fail there.
const isXid = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{1,20}$/.test(v) && BigInt(v) < 2n ** 64n;
// Positions and phases the service hands out are small; JSON can say 2^63 or 1e300, which
// a bigint column refuses and Number.isInteger still accepts.
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** More than the snapshot has; a larger phase would only mean "snapshot done". */
const MAX_PHASE = 100;

export function decodeCursor(text: string): SyncCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(raw)) throw invalid();
  const [kind, a, b, c] = raw as unknown[];
  if (
    kind === 's' &&
    isXid(a) &&
    isCount(b) &&
    b <= MAX_PHASE &&
    (c === null || (typeof c === 'string' && isUuid(c)))
  ) {
    return { kind: 'snapshot', since: a, phase: b as number, after: c as string | null };
  }
  if (kind === 'l' && isXid(a) && isCount(b)) {
    return { kind: 'log', txid: a, seq: b as number };
  }
  throw invalid();
}
