import type { Case, MutationOp } from '../../shared';
import { enqueueMutation } from '../../renderer/data/replica-writes';
import {
  startTestService,
  type Session,
  type TestService,
} from '../../server/testing/test-service';
import type { DatabaseKind } from '../../server/db/database';
import { ChaosDevice, type Fault, type PushLog } from './chaos-device';
import { CREATED_IN, EVENT_OF, planMutation } from './chaos-mutations';
import { countQueries } from './query-count';
import { replicaDifferences } from './replica-vs-server';
import { readCaseDetails, serverViewFromApi, viewOf, type ServerView } from './server-view';
import { seededRandom, type Random } from './seeded-random';

/**
 * One case service (PGlite, in-process) and the desktop apps of five agents, kept across
 * trials like a team's week: each trial starts from wherever the last one left them.
 */
export interface ChaosWorld {
  svc: TestService;
  devices: ChaosDevice[];
  sessions: Map<string, Session>;
  pushLog: PushLog;
  agentIds: string[];
  /** Every case the trials created, for the check across all replicas at the end. */
  caseIds: string[];
  /** Statements sent to the database so far, by the service and by the checks. */
  queries: { readonly n: number };
}

let worlds = 0;

/**
 * PGlite by default; with CASEDESK_TEST_DATABASE_URL set, `postgres` runs the service on a
 * scratch PostgreSQL database (the service stays in-process; PostgreSQL works on another core).
 */
export async function openChaosWorld(kind: DatabaseKind = 'pglite'): Promise<ChaosWorld> {
  const svc = await startTestService(kind);
  const queries = countQueries(svc.db);
  const names = ['ana', 'marco', 'tess', 'lena'] as const;
  const sessions = new Map<string, Session>();
  for (const n of names) sessions.set(n, await svc.login(n));
  const pushLog: PushLog = new Map();
  const world = ++worlds;
  // Ana works on two computers: two replicas of one agent.
  const owners = ['ana', 'ana', 'marco', 'tess', 'lena'];
  const devices = owners.map((owner, i) => {
    const s = sessions.get(owner)!;
    return new ChaosDevice(
      `chaos-${process.pid}-${world}-${i}-${owner}`,
      s.agent,
      s.token,
      svc.app,
      pushLog,
    );
  });
  for (const d of devices) await d.sync();
  return {
    svc,
    devices,
    sessions,
    pushLog,
    agentIds: [...svc.agentIds.values()],
    caseIds: [],
    queries,
  };
}

export async function closeChaosWorld(w: ChaosWorld): Promise<void> {
  for (const d of w.devices) await d.db.delete();
  await w.svc.close();
}

export interface TrialFigures {
  seed: number;
  mutations: number;
  accepted: number;
  rejected: number;
  lost: number;
  doubled: number;
  mismatches: number;
  faults: number;
  /**
   * Statements the trial sent to the database, how long it took, and the processor time it
   * used (the service, its PGlite and the replicas all run in this process; on a shared
   * machine the processor time says more than the clock).
   */
  queries: number;
  ms: number;
  cpuMs: number;
  /** What went wrong, in words: empty for a good trial. */
  problems: string[];
  /** What the trial did, step by step: printed with a failing seed. */
  trace: string[];
}

interface Queued {
  device: ChaosDevice;
  id: string;
  op: MutationOp;
  args: Record<string, unknown>;
}

const FAULTS: Fault[] = ['lose-push-answer', 'die-after-push', 'lose-pull'];
const LANGUAGES = ['de', 'en', 'fr', 'de', 'en'] as const;

function shuffled<T>(r: Random, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * One randomized trial: new cases arrive; a few of the apps go offline, write, die
 * mid-push, lose answers, come back and retry, while the others write the same cases;
 * then everyone reconnects. Every accepted mutation must be on the server exactly once,
 * and every replica must equal what the server shows its agent.
 */
export async function runTrial(w: ChaosWorld, seed: number): Promise<TrialFigures> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const queriesBefore = w.queries.n;
  const r = seededRandom(seed);
  const cases: Case[] = [];
  for (let i = r.chance(0.3) ? 2 : 1; i > 0; i--)
    cases.push(await w.svc.intake({ language: r.pick(LANGUAGES) }));
  const caseIds = cases.map((c) => c.id);
  w.caseIds.push(...caseIds);
  const players = shuffled(r, w.devices).slice(0, r.int(2, 4));
  for (const d of players) if (r.chance(0.7)) await d.sync();

  const queued: Queued[] = [];
  const trace: string[] = [
    `cases ${caseIds.join(', ')}`,
    `players ${players.map((d) => d.name).join(', ')}`,
  ];
  let faults = 0;
  const write = async (d: ChaosDevice) => {
    const local = (await d.db.cases.bulkGet(caseIds)).filter((c) => !!c);
    if (!local.length) return;
    const c = r.pick(local);
    const m = planMutation(r, d.agent, c, w.agentIds);
    const id = await enqueueMutation(d.db, d.agent, m.op, m.args);
    queued.push({ device: d, id, ...m });
    trace.push(`${d.name} queues ${m.op} ${JSON.stringify(m.args)} as ${id}`);
  };

  for (let step = r.int(6, 12); step > 0; step--) {
    const d = r.pick(players);
    const roll = r();
    if (roll < 0.4) await write(d);
    else if (roll < 0.6) {
      trace.push(`${d.name} syncs${d.offline ? ' (offline)' : ''}`);
      await d.sync();
    } else if (roll < 0.7) {
      d.offline = !d.offline;
      trace.push(`${d.name} goes ${d.offline ? 'offline' : 'online'}`);
    } else if (roll < 0.85) {
      d.fault = r.pick(FAULTS);
      faults++;
      trace.push(`${d.name} syncs with ${d.fault}${d.offline ? ' (offline)' : ''}`);
      await d.sync();
    } else if (roll < 0.9) {
      trace.push(`${d.name} dies and starts again`);
      await d.restart();
    } else {
      // Two apps sync at the same moment.
      const other = r.pick(players);
      trace.push(`${d.name} and ${other.name} sync at once`);
      await Promise.all([d.sync(), other === d ? undefined : other.sync()]);
    }
  }

  // The players back online, nothing failing: each syncs until everything is sent and it
  // has what the others sent last. (The others catch up when they next play.)
  await settle(players);
  const verdict = await judge(w, players, caseIds, queued);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { ...verdict, seed, faults, trace, queries: w.queries.n - queriesBefore, ms, cpuMs };
}

/**
 * Online, no faults: every outbox sent, then every app pulls once, so each has what all the
 * others sent (pushing all before pulling any spares the second pull a push-then-pull round
 * would need for the apps that synced before the last one pushed).
 */
async function settle(devices: readonly ChaosDevice[]): Promise<void> {
  for (const d of devices) {
    d.offline = false;
    d.fault = null;
  }
  for (let round = 0; round < 5; round++) {
    for (const d of devices) await d.push();
    const waiting = await Promise.all(devices.map((d) => d.pendingCount()));
    if (waiting.every((n) => n === 0)) break;
  }
  for (const d of devices) await d.pull();
}

/**
 * Where the replicas still differ from the server once they have had the chance to catch
 * up. A pull hands out only changes older than the oldest transaction running on the
 * database (see server/sync/pull-changes.ts): on a shared PostgreSQL cluster another
 * session's transaction can hold a change back for a moment, so a difference counts only
 * if it outlasts a few more syncs over ~5 s.
 */
async function convergedDifferences(
  w: ChaosWorld,
  devices: readonly ChaosDevice[],
  caseIds: readonly string[],
  source: 'database' | 'api' = 'database',
): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    const views = await serverViews(w, devices, caseIds, source);
    const diffs: string[] = [];
    for (const d of devices)
      diffs.push(...(await replicaDifferences(d, views.get(d.agent.id)!, caseIds)));
    if (diffs.length === 0 || attempt === 20) return diffs;
    await new Promise((resolve) => setTimeout(resolve, 250));
    await settle(devices);
  }
}

/**
 * What the service shows each of these devices' agents of the cases: after every trial
 * read from the database in two statements (the view `GET /cases/:id` gives, see
 * server-view.ts); at the end of a run asked of the API itself, case by case.
 */
async function serverViews(
  w: ChaosWorld,
  devices: readonly ChaosDevice[],
  caseIds: readonly string[],
  source: 'database' | 'api',
): Promise<Map<string, ServerView>> {
  const agents = new Map(devices.map((d) => [d.agent.id, d.agent]));
  const views = new Map<string, ServerView>();
  if (source === 'api') {
    for (const id of agents.keys())
      views.set(id, await serverViewFromApi(sessionOf(w, id).get, caseIds));
    return views;
  }
  const details = await readCaseDetails(w.svc.db, caseIds);
  for (const [id, agent] of agents) views.set(id, viewOf(agent, details, caseIds));
  return views;
}

/**
 * After a run: every app online and synced, each replica held against the API's answers
 * on a sample of the run's cases (or all of them).
 */
export async function checkAllReplicas(w: ChaosWorld, sample: number): Promise<string[]> {
  await settle(w.devices);
  const step = Math.max(1, Math.floor(w.caseIds.length / sample));
  return convergedDifferences(
    w,
    w.devices,
    w.caseIds.filter((_, i) => i % step === 0),
    'api',
  );
}

/**
 * Whether the trials' check sees what the API shows: the view read from the database
 * against `GET /cases/:id`, for every agent and every case of the run. Empty when equal.
 */
export async function checkServerViews(w: ChaosWorld): Promise<string[]> {
  const [fromDb, fromApi] = [
    await serverViews(w, w.devices, w.caseIds, 'database'),
    await serverViews(w, w.devices, w.caseIds, 'api'),
  ];
  const out: string[] = [];
  for (const [agent, view] of fromApi) {
    for (const [id, answer] of view) {
      const a = JSON.stringify(answer && { ...answer, context: undefined });
      const b = JSON.stringify(fromDb.get(agent)!.get(id));
      if (a !== b) out.push(`case ${id} for agent ${agent}:\n  api ${a}\n  db  ${b}`);
    }
  }
  return out;
}

const sessionOf = (w: ChaosWorld, agentId: string) =>
  [...w.sessions.values()].find((s) => s.agent.id === agentId)!;

/** Each queued mutation's outbox entry, read once per device. */
async function outboxEntries(queued: readonly Queued[]) {
  const byDevice = new Map<ChaosDevice, string[]>();
  for (const q of queued) byDevice.set(q.device, [...(byDevice.get(q.device) ?? []), q.id]);
  const entries = new Map<string, { state: string }>();
  for (const [d, ids] of byDevice)
    for (const e of await d.db.outbox.where('id').anyOf(ids).toArray()) entries.set(e.id, e);
  return entries;
}

/** Which of the rows the mutations meant to create are on the server ("table id"), in one statement. */
async function createdRows(w: ChaosWorld, queued: readonly Queued[]): Promise<Set<string>> {
  const ids = queued.filter((q) => CREATED_IN[q.op]).map((q) => String(q.args.id));
  if (!ids.length) return new Set();
  const res = await w.svc.db.query<{ t: string; id: string }>(
    (['notes', 'messages', 'actions'] as const)
      .map((t) => `SELECT '${t}' AS t, id::text AS id FROM ${t} WHERE id = ANY($1::uuid[])`)
      .join(' UNION ALL '),
    [ids],
  );
  return new Set(res.rows.map((r) => `${r.t} ${r.id}`));
}

async function judge(
  w: ChaosWorld,
  players: readonly ChaosDevice[],
  caseIds: string[],
  queued: Queued[],
): Promise<Omit<TrialFigures, 'trace' | 'seed' | 'faults' | 'queries' | 'ms' | 'cpuMs'>> {
  const problems: string[] = [];
  let accepted = 0;
  let rejected = 0;
  let lost = 0;
  let doubled = 0;
  // Accepted state changes per case and event type, to hold the audit trail against.
  const expected = new Map<string, number>();
  const [entries, created] = await Promise.all([outboxEntries(queued), createdRows(w, queued)]);
  for (const q of queued) {
    const answers = w.pushLog.get(q.id) ?? [];
    const applied = answers.filter((a) => a.status === 'applied').length;
    const entry = entries.get(q.id);
    if (entry?.state === 'pending' || answers.length === 0) {
      lost++;
      problems.push(`${q.op} ${q.id} from ${q.device.name} never reached the server`);
      continue;
    }
    if (applied > 1) {
      doubled++;
      problems.push(`${q.op} ${q.id} was applied ${applied} times`);
    }
    const ok = applied > 0;
    if (ok) accepted++;
    else rejected++;
    if (!ok && entry?.state !== 'rejected') {
      lost++;
      problems.push(`the refusal of ${q.op} ${q.id} is not shown on ${q.device.name}`);
    }
    const table = CREATED_IN[q.op];
    if (table) {
      const there = created.has(`${table} ${String(q.args.id)}`);
      if (ok && !there) {
        lost++;
        problems.push(`accepted ${q.op} ${String(q.args.id)} is not on the server`);
      } else if (!ok && there) {
        problems.push(`refused ${q.op} ${String(q.args.id)} is on the server anyway`);
      }
    }
    const type = EVENT_OF[q.op];
    if (ok && type) {
      const key = `${String(q.args.caseId)} ${type}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
  }
  // No accepted state change was written twice: at most one event each (none if it
  // changed nothing, e.g. a priority someone else had already set).
  const events = await w.svc.db.query<{ case_id: string; type: string; n: number }>(
    `SELECT case_id, type, count(*)::int AS n FROM events WHERE case_id = ANY($1) GROUP BY 1, 2`,
    [caseIds],
  );
  for (const e of events.rows) {
    const allowed = expected.get(`${e.case_id} ${e.type}`);
    if (allowed !== undefined && e.n > allowed) {
      doubled++;
      problems.push(`${e.type} on ${e.case_id}: ${e.n} events for ${allowed} accepted changes`);
    }
  }
  const diffs = await convergedDifferences(w, players, caseIds);
  problems.push(...diffs);
  const mismatches = diffs.length;
  return { mutations: queued.length, accepted, rejected, lost, doubled, mismatches, problems };
}
