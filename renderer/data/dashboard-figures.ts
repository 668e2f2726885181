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
 *
 * Those cases are read CHUNK at a time, each chunk its own request: IndexedDB serves one
 * request at a time, and a backlog of 40,000 overdue cases read at once held every other
 * read for seconds — a lead, who lands on the dashboard, waited 8 s for the team queue's
 * rows after clicking it (bench:ui at 100,000 cases). Between chunks, other reads go first.
 */
export function liveQueue(
  db: ReplicaDb,
  languages: readonly Language[],
  now: Date,
  chunk = CHUNK,
): Promise<LiveQueue> {
  // Every step a Dexie promise (no plain async): this runs inside a live query.
  const keys = languages.flatMap((l) => OPEN_STATUSES.map((s) => bucket.facet('status', s, l)));
  // Keys are strings here: '' is below every one, U+FFFF above every language and time.
  const soon = new Date(now.getTime() + HOUR_MS).toISOString();
  return db.counts.bulkGet(keys).then((rows) => {
    const open = rows
      .map((r: CountRow | undefined, i) => ({ r, key: keys[i]! }))
      .filter(({ r }) => r && r.n > 0)
      .map(({ r, key }) => {
        const [, , status, language] = key.split(':') as [string, string, CaseStatus, Language];
        return { status, language, count: r!.n };
      });
    const byId = new Map<string, LocalCase>();
    const waiting = languages.map(
      (l) => () =>
        inChunks(
          db,
          '[open+status+language+slaDueAt]',
          [1, 'pending_seller', l],
          '',
          '\uffff',
          chunk,
          byId,
        ),
    );
    return waiting
      .reduce(
        (done, next) => done.then(next),
        inChunks(db, '[open+slaDueAt]', [1], '', soon, chunk, byId),
      )
      .then(() => ({ open, clocks: countClocks(byId.values(), languages, now) }));
  });
}

const CHUNK = 1_000;

/**
 * The cases of an index range `[...prefix, lo]` … `[...prefix, hi]` (its last part the SLA due),
 * into `into` by id, at most `chunk` per request. Each next request starts at the last key
 * read (inclusive: equal keys are ordered by id, so those already read are skipped); where
 * a whole chunk shares one key, that key's cases are read at once and the next request
 * starts after it.
 */
function inChunks(
  db: ReplicaDb,
  index: string,
  prefix: (string | number)[],
  lo: string,
  hi: string,
  chunk: number,
  into: Map<string, LocalCase>,
  afterId = '',
  loOpen = false,
): Promise<void> {
  return db.cases
    .where(index)
    .between([...prefix, lo], [...prefix, hi], !loOpen, true)
    .limit(chunk)
    .toArray()
    .then((rows): Promise<void> | void => {
      const fresh = rows.filter((c) => loOpen || c.slaDueAt !== lo || c.id > afterId);
      for (const c of fresh) into.set(c.id, c);
      if (rows.length < chunk) return;
      const last = rows[rows.length - 1]!;
      const key = last.slaDueAt;
      if (fresh.length) return inChunks(db, index, prefix, key, hi, chunk, into, last.id);
      // A whole chunk of one key, all read before: that key's cases at once, then past it.
      return db.cases
        .where(index)
        .equals([...prefix, key])
        .toArray()
        .then((same) => {
          for (const c of same) into.set(c.id, c);
          return inChunks(db, index, prefix, key, hi, chunk, into, '', true);
        });
    });
}
