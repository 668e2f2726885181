import { z } from 'zod';
import type { Case } from '../../shared';

/**
 * A buyer's or seller's standing as the service counts it — every case of theirs, not only
 * those this device holds — kept on the device with the time it was read, so it still
 * shows (with its age) offline. Kept for the whole party, this case included, so that any
 * of their cases can show it: the case being looked at is taken out when it is shown.
 */
export interface PartyFiguresRow {
  key: string;
  total: number;
  open: number;
  byTopic: Record<string, number>;
  /** When the service answered (its clock as this device read it). */
  at: string;
}

export const partyKey = (party: 'buyer' | 'seller', id: string) => `${party}:${id}`;

const Totals = z.object({
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  byTopic: z.record(z.string(), z.number().int().nonnegative()),
});

/** The part of the service's case detail this reads; anything else it may carry is ignored. */
export const CaseContextRead = z.object({
  case: z.object({ id: z.string(), status: z.string(), topic: z.string() }),
  context: z.object({ buyerCases: Totals, sellerCases: Totals.nullable() }),
});
export type CaseContextRead = z.infer<typeof CaseContextRead>;

type Standing = Pick<Case, 'status' | 'topic'>;

/** The service counted the other cases of each party: add the case itself back. */
export function figuresFromService(
  detail: CaseContextRead,
  parties: { buyerId: string; sellerId?: string | undefined },
  at: Date,
): PartyFiguresRow[] {
  const c = detail.case;
  const whole = (t: z.infer<typeof Totals>, key: string): PartyFiguresRow => ({
    key,
    total: t.total + 1,
    open: t.open + (c.status !== 'resolved' ? 1 : 0),
    byTopic: { ...t.byTopic, [c.topic]: (t.byTopic[c.topic] ?? 0) + 1 },
    at: at.toISOString(),
  });
  const rows = [whole(detail.context.buyerCases, partyKey('buyer', parties.buyerId))];
  if (parties.sellerId && detail.context.sellerCases) {
    rows.push(whole(detail.context.sellerCases, partyKey('seller', parties.sellerId)));
  }
  return rows;
}

/** A party's other cases, as the case `c` shows them: the kept figures without `c`. */
export function othersThan(
  row: PartyFiguresRow,
  c: Standing,
): { total: number; open: number; topic: (t: string) => number; at: string } {
  return {
    total: Math.max(0, row.total - 1),
    open: Math.max(0, row.open - (c.status !== 'resolved' ? 1 : 0)),
    topic: (t) => Math.max(0, (row.byTopic[t] ?? 0) - (t === c.topic ? 1 : 0)),
    at: row.at,
  };
}
