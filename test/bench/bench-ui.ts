/**
 * `npm run bench:ui`: the workspace in headless Chromium over a local replica of
 * BENCH_UI_SIZE cases (default 100,000), in a persistent browser profile on disk — as the
 * desktop app keeps it (an off-the-record profile keeps IndexedDB in memory, where counting
 * 40,000 keys takes 2 ms instead of hundreds). For each step a person takes it prints the
 * median and p95 of BENCH_UI_REPS repetitions (default 9), timed in the page (from the act
 * to the frame that shows its effect) and through Playwright (from the driver's action to
 * the same frame), then the top CPU costs of one more repetition from a Chrome DevTools
 * Protocol profile. A benchmark, not a test: read the figures with the machine's noise in
 * mind, and compare only figures from the same run.
 */
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { buildApp } from '../../server/app';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite-database';
import { seedDemoIfEmpty } from '../../server/seed/demo';
import { browserExecutable } from '../browser/provide-browser';
import { fillBenchService } from '../../server/bench/case-copies';
import { topCosts, type CpuProfile } from './cpu-profile';
import { UI_PROBE } from './ui-probe';

const SIZE = Number(process.env.BENCH_UI_SIZE ?? process.env.BENCH_UI_CASES ?? 100_000);
const REPS = Number(process.env.BENCH_UI_REPS ?? 9);
const PROFILE = process.env.BENCH_UI_PROFILE !== '0';
// BENCH_UI_ONLY=glide runs the team queue's steady scrolling alone (the queue's windowing).
const ONLY_GLIDE = process.env.BENCH_UI_ONLY === 'glide';
// BENCH_UI_STEPS=cold,team queue runs only the steps whose names contain one of these (cold
// start and the glides included); BENCH_UI_AGENT=0 leaves out the agent's replica (a second
// fill). For looking into one step at a time.
const STEPS = process.env.BENCH_UI_STEPS?.split(',').map((x) => x.trim().toLowerCase());
const chosen = (name: string) => !STEPS || STEPS.some((x) => name.toLowerCase().includes(x));
const WITH_AGENT = process.env.BENCH_UI_AGENT !== '0';
// BENCH_UI_FILL=sync fills the case service by SQL with BENCH_UI_SIZE cases (copies of 300
// intake-made demo cases with their messages and events, server/bench/case-copies.ts) and
// the replica by a real first sync of them: the cases open online as on a real service, at
// the cost of a first sync per agent. The default (raw) syncs 40 demo cases and copies them
// into the replica by raw IndexedDB puts (about two minutes for 100,000).
const BY_SYNC = process.env.BENCH_UI_FILL === 'sync';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Words planted in the lot titles, so that searches hit known shares of the cases.
const RARE = 'zeppelin'; // 1 in 1,000
const TENTH = 'brass'; // 1 in 10
const MOST = 'vintage'; // 49 in 50

type Kind = 'queue' | 'row' | 'caseShown' | 'caseFilled' | 'closed' | 'dashboard';
type Act =
  | { action: 'view'; arg: string }
  | { action: 'select'; arg: [string, string] }
  | { action: 'search'; arg: string }
  | { action: 'scroll'; arg: number }
  | { action: 'open'; arg: number }
  | { action: 'close'; arg: null }
  | { action: 'bar'; arg: [string, number] }
  | { action: 'unchip'; arg: null };

interface Step {
  name: string;
  /** Before each repetition, untimed: puts the workspace where the step starts. */
  setup?: (rep: number) => Act[];
  act: (rep: number) => Act;
  kind: Kind;
  /** After each repetition, untimed. */
  undo?: Act;
  undoKind?: Kind;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (xs: number[]) =>
  xs.length
    ? `${pct(xs, 50).toFixed(0).padStart(6)} ${pct(xs, 95).toFixed(0).padStart(6)}`
    : '     —      —';

/** What a step waits for after an act. */
function expectFor(kind: Kind, act: Act, ref: string | null): unknown {
  if (kind === 'row') return act.arg;
  if (kind === 'caseShown' || kind === 'caseFilled') return ref;
  return null;
}

async function settle(page: Page, act: Act, kind: Kind): Promise<void> {
  const ref =
    act.action === 'open'
      ? ((await page.evaluate(`__bench.rowRef(${act.arg})`)) as string | null)
      : null;
  await page.evaluate(([a, arg, k, e]) => window.__bench.time(a, arg, k, e), [
    act.action,
    act.arg,
    kind,
    expectFor(kind, act, ref),
  ] as const);
}

/** Settles a change that may be a no-op (the view is already there): no busy flag then. */
async function goTo(page: Page, acts: Act[]): Promise<void> {
  for (const a of acts) {
    const already =
      a.action === 'view' &&
      (await page.evaluate(
        (name) =>
          document.querySelector('nav[aria-label="Views"] a[aria-current="page"]')?.textContent ===
          name,
        a.arg,
      ));
    if (!already)
      await settle(
        page,
        a,
        a.action === 'open'
          ? 'caseShown'
          : a.action === 'view' && a.arg === 'Dashboard'
            ? 'dashboard'
            : 'queue',
      );
  }
}

/** The same act through Playwright's own API, as a test would drive it. */
async function drive(page: Page, act: Act): Promise<void> {
  switch (act.action) {
    case 'view':
      return page.getByRole('link', { name: act.arg, exact: true }).click();
    case 'select':
      await page.getByLabel(act.arg[0], { exact: true }).selectOption(act.arg[1]);
      return;
    case 'search':
      return page.getByRole('searchbox', { name: 'Search cases' }).fill(act.arg);
    case 'scroll':
      return page.locator('.queue-scroll').evaluate((el, i) => {
        el.scrollTop = i * 36;
      }, act.arg);
    case 'open':
      return page.locator('table[aria-label="Cases"] tbody tr[aria-rowindex]').nth(act.arg).click();
    case 'close':
      return page.getByRole('button', { name: 'Close case' }).click();
    case 'bar': {
      const [series, k] = act.arg;
      const n = (await page.evaluate(`__bench.barCount(${JSON.stringify(series)})`)) as number;
      return page
        .locator(`main[aria-label="Dashboard"] .chart-bar.clickable[aria-label*=", ${series}:"]`)
        .nth(n - 1 - (k % n))
        .click();
    }
    case 'unchip':
      return page.locator('ul.filter-chips button').first().click();
  }
}

async function runStep(page: Page, cdp: CDPSession, step: Step): Promise<void> {
  if (!chosen(step.name)) return;
  const inPage: number[] = [];
  const driven: number[] = [];
  const once = async (rep: number, how: 'page' | 'driver' | 'profile') => {
    await goTo(page, step.setup?.(rep) ?? []);
    const act = step.act(rep);
    const ref =
      act.action === 'open'
        ? ((await page.evaluate(`__bench.rowRef(${act.arg})`)) as string | null)
        : null;
    const expect = expectFor(step.kind, act, ref);
    if (how === 'driver') {
      await page.evaluate(([k, e]) => window.__bench.arm(k, e), [step.kind, expect] as const);
      const t0 = Date.now();
      await drive(page, act);
      await page.evaluate(() => window.__benchDone);
      driven.push(Date.now() - t0);
    } else {
      if (how === 'profile') await cdp.send('Profiler.start');
      const ms = await page.evaluate(([a, arg, k, e]) => window.__bench.time(a, arg, k, e), [
        act.action,
        act.arg,
        step.kind,
        expect,
      ] as const);
      if (how === 'page') inPage.push(ms);
      else {
        const { profile } = await cdp.send('Profiler.stop');
        const costs = topCosts(profile as CpuProfile, 5)
          .map((c) => `${c.what} ${c.ms.toFixed(0)}`)
          .join(' · ');
        profiles.push(`  ${step.name} (${ms.toFixed(0)} ms): ${costs}`);
      }
    }
    if (step.undo) await settle(page, step.undo, step.undoKind ?? 'queue');
    if (act.action === 'open') await settle(page, { action: 'close', arg: null }, 'closed');
  };
  try {
    // Alternate the two ways, so that the machine's noise falls on both alike.
    for (let rep = 0; rep < REPS; rep++) {
      await once(rep, 'page');
      await once(rep, 'driver');
    }
    if (PROFILE) await once(REPS, 'profile');
    console.log(`  ${step.name.padEnd(46)} ${fmt(inPage)}   ${fmt(driven)}`);
  } catch (err) {
    console.log(`  ${step.name.padEnd(46)} failed: ${(err as Error).message.split('\n')[0]}`);
  }
}
const profiles: string[] = [];

declare global {
  interface Window {
    __bench: {
      arm: (kind: Kind, expect: unknown) => number;
      time: (action: string, arg: unknown, kind: Kind, expect: unknown) => Promise<number>;
      firstRowsAt: () => number | null;
      glide: (n: number, px: number) => Promise<{ ms: number; gaps: number[]; blank: number }>;
    };
    __benchDone: Promise<number>;
  }
}

/**
 * Fills the signed-in agent's replica with `n` copies of the synced demo cases, each with
 * its own id, reference, language, clocks and lot title (raw IndexedDB puts in the
 * replica's own record shape, so the replica's indexes take them as a sync would).
 */
async function fill(page: Page, n: number): Promise<number> {
  return (await page.evaluate(`(async (n) => {
    const names = (await indexedDB.databases()).map((d) => d.name).filter((x) => x.startsWith('casedesk:'));
    const idb = await new Promise((r) => { const q = indexedDB.open(names[0]); q.onsuccess = () => r(q.result); });
    const sample = await new Promise((r) => { const g = idb.transaction('cases').objectStore('cases').getAll(); g.onsuccess = () => r(g.result); });
    const langs = ['de', 'en', 'nl', 'fr', 'es', 'it', 'pt', 'pl', 'zh'];
    const words = (s) => s.toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter((w) => w.length >= 2);
    const t0 = performance.now();
    for (let start = 0; start < n; start += 5000) {
      await new Promise((done) => {
        const tx = idb.transaction('cases', 'readwrite');
        const store = tx.objectStore('cases');
        for (let i = start; i < Math.min(n, start + 5000); i++) {
          const base = sample[i % sample.length];
          const reference = 'CD-' + (900000 + i);
          const title = [i % 1000 === 7 ? '${RARE}' : '', i % 10 === 3 ? '${TENTH}' : '', i % 50 !== 0 ? '${MOST}' : '', 'lot', 'n' + i].filter(Boolean).join(' ');
          const open = base.open === 1;
          const due = open ? new Date(Date.now() + (i % 5000) * 60000 - 2000000000).toISOString() : base.slaDueAt;
          store.put({
            ...base,
            id: crypto.randomUUID(),
            reference,
            language: langs[i % 9],
            slaDueAt: due,
            createdAt: new Date(Date.now() - i * 60000).toISOString(),
            order: base.order ? { ...base.order, lotTitle: title } : base.order,
            searchTokens: [...new Set([reference.toLowerCase(), base.buyer.email.toLowerCase(), ...words(base.buyer.name), ...words(title)])],
          });
        }
        tx.oncomplete = () => done();
      });
    }
    // The replica keeps its queue counts as it writes (version 8 and up): these raw puts
    // went around that, so have it count afresh when it next opens.
    if (idb.objectStoreNames.contains('counts'))
      await new Promise((done) => { const tx = idb.transaction('counts', 'readwrite'); tx.objectStore('counts').clear(); tx.oncomplete = done; });
    idb.close();
    return performance.now() - t0;
  })(${n})`)) as number;
}

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('casedesk-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('status', { name: 'Sync status' })
    .filter({ hasText: 'Synced' })
    .waitFor({ timeout: BY_SYNC ? 3 * 3_600_000 : 30_000 });
}

const HEADER = `  ${'step'.padEnd(46)} ${'in the page'.padStart(13)}   ${'through Playwright'.padStart(13)}\n  ${''.padEnd(46)} ${'median'.padStart(6)} ${'p95'.padStart(6)}   ${'median'.padStart(6)} ${'p95'.padStart(6)}  (ms)`;

/**
 * Signs in on a fresh persistent profile, fills the replica once, then runs the steps for
 * each build of the workspace in turn on that same replica (oldest build first: a newer
 * one upgrades the replica, as an update of the app would).
 */
async function withProfile(
  url: string,
  email: string,
  run: (page: Page, cdp: CDPSession) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casedesk-bench-ui-'));
  let ctx: BrowserContext | null = null;
  try {
    ctx = await chromium.launchPersistentContext(dir, {
      executablePath: browserExecutable(),
      args: ARGS,
      viewport: { width: 1600, height: 950 },
    });
    await ctx.addInitScript(UI_PROBE);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await useBuild(ROOTS[0]!);
    const t0 = Date.now();
    await signIn(page, url, email);
    const filled = BY_SYNC ? Date.now() - t0 : await fill(page, SIZE);
    console.log(
      `\n${email}: ${SIZE.toLocaleString('en')} local cases, ${BY_SYNC ? 'first sync' : 'filled'} in ${(filled / 1000).toFixed(1)} s`,
    );
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    for (const root of ROOTS) {
      await useBuild(root);
      const t0 = Date.now();
      await reloadToRows(page, 1_800_000);
      console.log(
        `${ROOTS.length > 1 ? `build ${root}: ` : ''}first open after the fill ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      console.log(HEADER);
      await run(page, cdp);
      if (profiles.length) {
        console.log(
          '  Top CPU costs on the renderer main thread, one profiled repetition each (ms; (idle) is',
        );
        console.log('  mostly waiting for the browser process, where IndexedDB works):');
        for (const p of profiles) console.log(`  ${p}`);
        profiles.length = 0;
      }
    }
  } finally {
    await ctx?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Reloads the page and waits for the first rows of the queue. A lead lands on the
 * Dashboard (issue 18): then the Team queue is opened, so a lead's cold start counts that
 * click too.
 */
async function reloadToRows(page: Page, timeout: number): Promise<void> {
  await page.reload();
  const rows = page.waitForFunction(() => window.__bench.firstRowsAt() !== null, undefined, {
    timeout,
  });
  const dashboard = page.getByRole('main', { name: 'Dashboard' });
  const first = await Promise.race([
    rows.then(() => 'rows' as const),
    dashboard.waitFor({ timeout }).then(() => 'dashboard' as const),
  ]);
  if (first === 'dashboard') {
    await page.getByRole('link', { name: 'Team queue', exact: true }).click();
  }
  await rows;
}

/** Reloads the page and waits for the first rows of the queue. */
async function coldStart(page: Page, cdp: CDPSession): Promise<void> {
  if (!chosen('cold start')) return;
  const inPage: number[] = [];
  const driven: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const t0 = Date.now();
    await reloadToRows(page, 120_000);
    driven.push(Date.now() - t0);
    inPage.push((await page.evaluate(() => window.__bench.firstRowsAt()))!);
  }
  if (PROFILE) {
    // The renderer process outlives a reload of the same origin: one profile covers it.
    await cdp.send('Profiler.start');
    await reloadToRows(page, 120_000);
    const ms = (await page.evaluate(() => window.__bench.firstRowsAt()))!;
    const { profile } = await cdp.send('Profiler.stop');
    const costs = topCosts(profile as CpuProfile, 6)
      .map((c) => `${c.what} ${c.ms.toFixed(0)}`)
      .join(' · ');
    profiles.push(`  cold start (${ms.toFixed(0)} ms): ${costs}`);
  }
  const view = await page.evaluate(
    () => document.querySelector('nav[aria-label="Views"] a[aria-current="page"]')?.textContent,
  );
  console.log(`  ${`cold start, first rows (${view})`.padEnd(46)} ${fmt(inPage)}   ${fmt(driven)}`);
}

/**
 * Steady scrolling through the team queue: 120 frames at 3 rows a frame (a wheel) and at
 * 40 rows a frame (a flung trackpad), from the top each repetition. Per repetition: the
 * renderer's script, style and layout time (Chrome's Performance metrics, all of the
 * main thread's work for those frames), the frame intervals and the blank frames (no row
 * at the top of the view).
 */
async function glideQueue(page: Page, cdp: CDPSession): Promise<void> {
  await goTo(page, [view('Team queue')]);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const m = (await cdp.send('Performance.getMetrics')).metrics;
    const v = (name: string) => (m.find((x) => x.name === name)?.value ?? 0) * 1000;
    return {
      script: v('ScriptDuration'),
      layout: v('LayoutDuration') + v('RecalcStyleDuration'),
    };
  };
  for (const [label, px] of [
    ['wheel, 3 rows a frame', 108],
    ['fling, 40 rows a frame', 1440],
  ] as const) {
    const script: number[] = [];
    const layout: number[] = [];
    const gaps: number[] = [];
    let blank = 0;
    for (let rep = 0; rep < REPS; rep++) {
      await settle(page, { action: 'scroll', arg: 0 }, 'row');
      const before = await metric();
      const r = await page.evaluate(([n, p]) => window.__bench.glide(n, p), [120, px] as const);
      const after = await metric();
      script.push(after.script - before.script);
      layout.push(after.layout - before.layout);
      gaps.push(...r.gaps);
      blank += r.blank;
    }
    console.log(
      `  glide ${label.padEnd(40)} script ${fmt(script)} · style+layout ${fmt(layout)} (ms per 120 frames, median p95)`,
    );
    console.log(
      `  ${''.padEnd(46)} frame interval ${fmt(gaps)} (ms, median p95) · worst ${Math.max(...gaps).toFixed(0)} · blank frames ${blank} of ${REPS * 120}`,
    );
  }
}

const view = (arg: string): Act => ({ action: 'view', arg });
const search = (arg: string): Act => ({ action: 'search', arg });

const db = await openPglite();
await migrate(db);
if (BY_SYNC) {
  // The same words, planted in the same shares of the cases, as the raw fill plants.
  const filled = await fillBenchService(db, {
    size: SIZE,
    lotWords: (n) =>
      [n % 1000 === 7 ? RARE : '', n % 10 === 3 ? TENTH : '', n % 50 !== 0 ? MOST : ''].filter(
        Boolean,
      ),
  });
  console.log(
    `case service filled by SQL: ${filled.cases.toLocaleString('en')} cases, ${filled.events.toLocaleString('en')} copied events, in ${(filled.ms / 1000).toFixed(0)} s`,
  );
} else await seedDemoIfEmpty(db, { seedNumber: 1, cases: 40 });
console.log(
  `bench:ui  ${SIZE.toLocaleString('en')} local cases · ${REPS} repetitions · headless Chromium, persistent profile on disk · node ${process.version}`,
);
// Several builds of the workspace (BENCH_UI_WEB_ROOTS, comma-separated, oldest first;
// default the one `npm run bench:ui` just built), each over the same replica in one run:
// on a shared machine a before/after comparison means anything only from the same run.
// One origin serves them all (the replica belongs to the origin): every build's hashed
// assets side by side, and the index.html of the build under test.
const ROOTS = (process.env.BENCH_UI_WEB_ROOTS ?? 'out/renderer')
  .split(',')
  .map((r) => path.resolve(r));
const web = await mkdtemp(path.join(os.tmpdir(), 'casedesk-bench-web-'));
for (const root of ROOTS)
  await cp(path.join(root, 'assets'), path.join(web, 'assets'), { recursive: true });
async function useBuild(root: string): Promise<void> {
  await copyFile(path.join(root, 'index.html'), path.join(web, 'index.html'));
}
await useBuild(ROOTS[0]!);
const app = buildApp({ db, intakeKey: null, webRoot: web });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
try {
  await benchOne(url);
} finally {
  await app.close();
  await db.close();
  await rm(web, { recursive: true, force: true });
}

async function benchOne(url: string): Promise<void> {
  let bars = 0;
  await withProfile(url, 'lena@demo.casedesk', async (page, cdp) => {
    await goTo(page, [view('Team queue')]);
    if (!ONLY_GLIDE) await coldStart(page, cdp);
    const team = view('Team queue');
    const steps: Step[] = [
      {
        name: 'team queue, the largest view (lead)',
        setup: () => [view('My cases')],
        act: () => team,
        kind: 'queue',
      },
      { name: 'My cases', setup: () => [team], act: () => view('My cases'), kind: 'queue' },
      {
        name: 'Unassigned, filtered by priority',
        setup: () => [view('Unassigned')],
        act: () => ({ action: 'select', arg: ['Priority', 'urgent'] }),
        undo: { action: 'select', arg: ['Priority', ''] },
        kind: 'queue',
      },
      {
        name: 'team queue, filtered by status',
        setup: () => [team],
        act: () => ({ action: 'select', arg: ['Status', 'pending_seller'] }),
        undo: { action: 'select', arg: ['Status', ''] },
        kind: 'queue',
      },
      ...(
        [
          ['search a reference (1 case)', (rep: number) => `CD-${900000 + ((rep * 7919) % SIZE)}`],
          [`search a rare word "${RARE}" (0.1%)`, () => RARE],
          [`search a word in 10% "${TENTH}"`, () => TENTH],
          [`search a word in 98% "${MOST}"`, () => MOST],
        ] as const
      ).map(([name, text]): Step => ({
        name,
        setup: () => [team],
        act: (rep) => search(text(rep)),
        undo: search(''),
        kind: 'queue',
      })),
      {
        // A day filter reads every case (no index holds the days): a different day each
        // time, so that no repetition finds the day before's view kept.
        name: 'a Dashboard bar: cases created on a day',
        setup: () => [view('Dashboard')],
        act: () => ({ action: 'bar', arg: ['Incoming', bars++] }),
        kind: 'queue',
        undo: { action: 'unchip', arg: null },
      },
      {
        name: 'scroll the team queue',
        setup: () => [team],
        act: (rep) => ({ action: 'scroll', arg: Math.floor(((rep + 1) * SIZE) / 40) }),
        kind: 'row',
        undo: { action: 'scroll', arg: 0 },
        undoKind: 'row',
      },
      {
        name: 'open a case as a lead, case shown',
        setup: () => [team],
        act: (rep) => ({ action: 'open', arg: rep % 8 }),
        kind: 'caseShown',
      },
      {
        name: '… history and Assign to filled in',
        setup: () => [team],
        act: (rep) => ({ action: 'open', arg: (rep + 3) % 8 }),
        kind: 'caseFilled',
      },
    ];
    if (chosen('glide')) await glideQueue(page, cdp);
    if (ONLY_GLIDE) return;
    for (const step of steps) await runStep(page, cdp, step);
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    console.log(`  renderer JS heap ${(heap / 1024 / 1024).toFixed(0)} MB`);
  });
  if (ONLY_GLIDE || !WITH_AGENT) return;
  await withProfile(url, 'ana@demo.casedesk', async (page, cdp) => {
    const steps: Step[] = [
      {
        name: 'team queue of an agent (3 languages)',
        setup: () => [view('My cases')],
        act: () => view('Team queue'),
        kind: 'queue',
      },
      {
        name: 'open a case as an agent, case shown',
        setup: () => [view('Team queue')],
        act: (rep) => ({ action: 'open', arg: rep % 8 }),
        kind: 'caseShown',
      },
      {
        name: '… history filled in',
        setup: () => [view('Team queue')],
        act: (rep) => ({ action: 'open', arg: (rep + 3) % 8 }),
        kind: 'caseFilled',
      },
    ];
    for (const step of steps) await runStep(page, cdp, step);
  });
}
