import { DomainError } from '../../shared';
import type { Database, Queryable } from '../db/database';

export const LOGIN_LIMITS = {
  windowMinutes: 15,
  perAccount: 10,
  perAddress: 50,
} as const;

// Advisory lock namespaces (any constants, the same in every instance): one per email, one
// per address, so guesses at one account or from one address are counted one at a time.
const EMAIL_LOCK = 4870_0002;
const ADDRESS_LOCK = 4870_0003;

const windowStart = (now: Date) => new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);

const refused = () =>
  new DomainError('rate_limited', 'Too many failed sign-ins. Wait a few minutes and try again.', {
    retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60,
  });

/**
 * Counts recent failures and reserves this attempt, or refuses it with `rate_limited`.
 *
 * The reservation is a failure row written *before* the password is checked, in the same
 * transaction as the count and under advisory locks on the email and the address: two
 * simultaneous guesses are counted one after the other, so 200 guesses sent at once get
 * at most the limit checked. A correct password takes its reservation back
 * (`releaseLoginAttempt`); a wrong one, a crash or a timeout leaves it counted.
 *
 * The per-account limit must not let anyone who knows an email lock its owner out: once
 * the account is over its limit, a password is still checked when it comes from an
 * address with no recent failures (its first wrong guess then blocks that address too).
 * Returns the reservation's id.
 */
export async function reserveLoginAttempt(
  db: Database,
  email: string,
  address: string,
  now: Date,
): Promise<string> {
  const since = windowStart(now);
  return db.transaction(async (tx) => {
    // Always the email first, then the address: no two logins wait on each other in a circle.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EMAIL_LOCK, email]);
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK, address]);
    // Rows past the window no longer count; dropping this caller's here keeps the table small.
    await tx.query('DELETE FROM login_failures WHERE (email = $1 OR address = $2) AND at <= $3', [
      email,
      address,
      since,
    ]);
    const counted = await tx.query<{ by_email: number; by_address: number }>(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email,
              count(*) FILTER (WHERE address = $2)::int AS by_address
         FROM login_failures WHERE at > $3 AND (email = $1 OR address = $2)`,
      [email, address, since],
    );
    const { by_email: byEmail, by_address: byAddress } = counted.rows[0]!;
    if (byAddress >= LOGIN_LIMITS.perAddress) throw refused();
    if (byEmail >= LOGIN_LIMITS.perAccount && byAddress > 0) throw refused();
    const row = await tx.query<{ id: string }>(
      'INSERT INTO login_failures (email, address, at) VALUES ($1, $2, $3) RETURNING id::text',
      [email, address, now],
    );
    return row.rows[0]!.id;
  });
}

/**
 * After a correct password: the reservation and this address's earlier failures on the
 * account go (its owner's own typos). Failures from other addresses stay counted, so a
 * successful sign-in never hands someone guessing elsewhere a fresh allowance.
 */
export async function releaseLoginAttempt(
  tx: Queryable,
  reservationId: string,
  email: string,
  address: string,
): Promise<void> {
  await tx.query(
    'DELETE FROM login_failures WHERE id = $1::bigint OR (email = $2 AND address = $3)',
    [reservationId, email, address],
  );
}

/** Failures past the window count for nothing; swept now and then so the table stays small. */
export async function sweepLoginFailures(db: Queryable, now = new Date()): Promise<number> {
  const res = await db.query('DELETE FROM login_failures WHERE at <= $1', [windowStart(now)]);
  return res.rowCount;
}

/**
 * Before a second-factor code is checked: the reservation (already counted as a failure)
 * is marked as a code guess, unless this account has had its fill of wrong codes in the
 * window from all addresses together. Unlike passwords, codes are not let through from a
 * fresh address: whoever guesses codes already has the password, and a code has only a
 * million values. Under the email's lock, so codes sent at once are counted one by one.
 */
export async function reserveSecondFactorAttempt(
  db: Database,
  reservationId: string,
  email: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EMAIL_LOCK, email]);
    const counted = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM login_failures
        WHERE email = $1 AND second_factor AND at > $2 AND id <> $3::bigint`,
      [email, windowStart(now), reservationId],
    );
    if (counted.rows[0]!.n >= LOGIN_LIMITS.perAccount) throw refused();
    await tx.query('UPDATE login_failures SET second_factor = true WHERE id = $1::bigint', [
      reservationId,
    ]);
  });
}

/**
 * A correct password without a code is not a guess: its reservation alone goes. Earlier
 * failures stay, so leaving the code out cannot wipe the count of wrong ones.
 */
export async function dropLoginReservation(db: Queryable, reservationId: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE id = $1::bigint', [reservationId]);
}
