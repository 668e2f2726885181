import { createHash } from 'node:crypto';
import { DomainError } from '../../shared';
import type { Database, Queryable } from '../db/database';

export interface CommandResponse {
  status: number;
  body: unknown;
  /** `body` as sent, byte for byte: what a replay sends again. */
  text: string;
}

const serialise = (body: unknown): string => JSON.stringify(body ?? null);
const answer = (status: number, body: unknown): CommandResponse => ({
  status,
  body,
  text: serialise(body),
});

export interface IdempotencyScope {
  /** Who is asking: keys are scoped to the caller (`agent:<id>` or `intake`). */
  caller: string;
  key: string;
  /** Method, path and body: the same key with anything else is a reuse. */
  fingerprint: string;
  /**
   * How long the answer is kept: a sync mutation id must outlive any outbox a device may
   * hold offline (`SYNC_MUTATION_ID_DAYS`); a REST key only a client's retries.
   */
  keep: 'sync' | 'request';
}

/** Sync mutation ids are kept this long: a device offline longer may re-send a mutation twice. */
export const SYNC_MUTATION_ID_DAYS = 30;
/** REST Idempotency-Keys: the contract promises at least 24 hours. */
export const REQUEST_KEY_HOURS = 48;

/** JSON with sorted keys, so a retry that re-serialises its body still matches. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonical(body ?? null)}`)
    .digest('hex');
}

export function checkKey(key: string | string[] | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
    throw new DomainError('validation_failed', 'Idempotency-Key must be 1 to 255 characters.', {
      fields: [{ path: 'header.idempotency-key', message: 'must be 1 to 255 characters' }],
    });
  }
  return key;
}

/**
 * Runs a state-changing command in one transaction, exactly once per idempotency key.
 *
 * The key row is inserted first, in the same transaction as the change: a concurrent
 * request with the same key blocks on it until this one commits (then replays its answer)
 * or rolls back (then runs itself). A refusal (4xx) rolls back to a savepoint so that only
 * the recorded answer survives; a crash (5xx) rolls everything back, so a retry runs again.
 */
export async function runCommand(
  db: Database,
  scope: IdempotencyScope | null,
  successStatus: number,
  command: (tx: Queryable) => Promise<unknown>,
): Promise<CommandResponse & { replayed: boolean }> {
  if (!scope) {
    try {
      return { ...answer(successStatus, await db.transaction(command)), replayed: false };
    } catch (err) {
      if (err instanceof DomainError)
        return { ...answer(err.status, err.toBody()), replayed: false };
      throw err;
    }
  }
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys (caller, key, request_hash, created_at, kept_until)
       VALUES ($1, $2, $3, now(), now() + make_interval(hours => $4))
       ON CONFLICT (caller, key) DO NOTHING RETURNING key`,
      [
        scope.caller,
        scope.key,
        scope.fingerprint,
        scope.keep === 'sync' ? SYNC_MUTATION_ID_DAYS * 24 : REQUEST_KEY_HOURS,
      ],
    );
    if (claimed.rows.length === 0) {
      const prior = await tx.query<{
        request_hash: string;
        status: number;
        body: unknown;
        response: string | null;
      }>(
        'SELECT request_hash, status, body, response FROM idempotency_keys WHERE caller = $1 AND key = $2',
        [scope.caller, scope.key],
      );
      const p = prior.rows[0]!;
      if (p.request_hash !== scope.fingerprint) {
        throw new DomainError(
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request.',
        );
      }
      const text = p.response ?? serialise(p.body);
      return { status: p.status, body: JSON.parse(text) as unknown, text, replayed: true };
    }
    await tx.query('SAVEPOINT command');
    let out: CommandResponse;
    try {
      out = answer(successStatus, await command(tx));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await tx.query('ROLLBACK TO SAVEPOINT command');
      out = answer(err.status, err.toBody());
    }
    await tx.query(
      'UPDATE idempotency_keys SET status = $3, response = $4 WHERE caller = $1 AND key = $2',
      [scope.caller, scope.key, out.status, out.text],
    );
    return { ...out, replayed: false };
  });
}

/** Swept now and then: keys whose time is up (see `IdempotencyScope.keep`). */
export async function sweepIdempotencyKeys(db: Queryable): Promise<number> {
  const res = await db.query(`DELETE FROM idempotency_keys WHERE kept_until < now()`);
  return res.rowCount;
}
