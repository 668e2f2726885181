import {
  CASE_STATUSES,
  QueueHealth,
  countClocks,
  type CaseStatus,
  type ClockCount,
  type Language,
} from '../../shared';
import type { LocalCase, ReplicaDb } from './replica-db';
import { bucket, type CountRow } from './view-counts';

/**
 * The dashboard's figures on the device. The service's answer (GET /reports/queue-health)
 * is kept in the `figures` key-value table with the time it was read, so the dashboard
 * shows offline with its age; what is open and due now is read from the replica itself and
 * so follows every change sync brings.
 */
export const QUEUE_HEALTH_KEY = 'queue-health';

export interface KeptQueueHealth {
  key: typeof QUEUE_HEALTH_KEY;
  /** When this device received it. */
  at: string;
  data: QueueHealth;
}

const kept = (db: ReplicaDb) => db.table<KeptQueueHealth, string>('figures');

/** The kept figures, or null when none were ever read (or they no longer parse). */
export async function keptQueueHealth(db: ReplicaDb): Promise<KeptQueueHealth | null> {
  const row = await kept(db).get(QUEUE_HEALTH_KEY);
  if (!row) return null;
  // Kept by an older build, maybe: only what this build reads is shown.
  const data = QueueHealth.safeParse(row.data);
  return data.success ? { ...row, data: data.data } : null;
}

export async function keepQueueHealth(db: ReplicaDb, data: QueueHealth, at: Date): Promise<void> {
  await kept(db).put({ key: QUEUE_HEALTH_KEY, at: at.toISOString(), data });
}

export interface LiveQueue {
  open: { status: CaseStatus; language: Language; count: number }[];
  clocks: ClockCount[];
}

const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'resolved');
const HOUR_MS = 3_600_000;

/**
 * Open cases per status and language from the kept view counts (a few rows, however many
 * cases), and the running clocks due within the hour or overdue from the cases whose
 * earliest team clock falls before an hour from now, plus those waiting on the seller.
 */
export async function liveQueue(
  db: ReplicaDb,
  languages: readonly Language[],
  now: Date,
): Promise<LiveQueue> {
  const keys = languages.flatMap((l) => OPEN_STATUSES.map((s) => bucket.facet('status', s, l)));
  const rows = await db.counts.bulkGet(keys);
  const open = rows
    .map((r: CountRow | undefined, i) => ({ r, key: keys[i]! }))
    .filter(({ r }) => r && r.n > 0)
    .map(({ r, key }) => {
      const [, , status, language] = key.split(':') as [string, string, CaseStatus, Language];
      return { status, language, count: r!.n };
    });
  // Keys are strings here: '' is below every one, U+FFFF above every language and time.
  const soon = new Date(now.getTime() + HOUR_MS).toISOString();
  const running = await db.cases
    .where('[open+slaDueAt]')
    .between([1, ''], [1, soon], true, true)
    .toArray();
  const waiting = await db.cases
    .where('[open+status+language+slaDueAt]')
    .between([1, 'pending_seller', '', ''], [1, 'pending_seller', '\uffff', '\uffff'])
    .toArray();
  const byId = new Map<string, LocalCase>([...running, ...waiting].map((c) => [c.id, c]));
  return { open, clocks: countClocks(byId.values(), languages, now) };
}
