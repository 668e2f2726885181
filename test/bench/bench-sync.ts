/**
 * `npm run bench:sync`: the offline client in headless Chromium against a real case
 * service, in a persistent browser profile on disk (as the desktop app keeps its replica:
 * Playwright's default off-the-record context keeps IndexedDB in memory, many times
 * faster than on disk). For each size (BENCH_SYNC_SIZES, default "10000,100000") it prints
 * the first full sync — usable (the team queue's first rows on screen) and complete, cases/s,
 * the replica's size on disk, the renderer's peak JS heap, and the raw IndexedDB write rate
 * of the same records as the ceiling — then catch-up after 1,000 server changes made while
 * offline, pushing 500 queued mutations, and poke-to-visible latency. A benchmark, not a test.
 *
 * The service is filled by SQL (copies of 300 demo cases; BENCH_SYNC_FILL=intake makes each
 * case through intake instead, ~31 ms a case). BENCH_SYNC_KEEP=<dir> keeps each
 * size's filled database there as a tarball and loads it on the next run; BENCH_SYNC_WEB_ROOT
 * serves another build of the workspace (default out/renderer).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { browserExecutable } from '../browser/provide-browser';
import { buildApp } from '../../server/app';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite-database';
import { createDemoAccounts } from '../../server/seed/accounts';
import { openCaseFromIntake } from '../../server/services/intake';
import { addNote } from '../../server/services/case-commands';
import { findAgent } from '../../server/repositories/agents';
import { escalation } from '../../server/testing/test-service';
import { fillBenchService } from '../../server/bench/case-copies';
import path from 'node:path';

const SIZES = (process.env.BENCH_SYNC_SIZES ?? '10000,100000').split(',').map(Number);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const KEEP = process.env.BENCH_SYNC_KEEP;
const BY_INTAKE = process.env.BENCH_SYNC_FILL === 'intake';

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Bytes under a directory, as the disk holds them (`du`), or null where there is none. */
function diskBytes(dir: string): number | null {
  if (!existsSync(dir)) return null;
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

/**
 * The case service's database holding `size` cases, from the kept tarball when there is
 * one. By default filled by SQL (`server/bench/case-copies.ts`: copies of 300 demo cases
 * made through intake, with their messages and ~4 events each, over the last 180 days: a
 * minute or two for 100,000); BENCH_SYNC_FILL=intake makes every case through intake as an
 * escalation (one event, no messages; ~31 ms a case).
 */
async function filledDatabase(size: number) {
  const kept = KEEP
    ? path.join(KEEP, `bench-sync-${size}-${BY_INTAKE ? 'aged' : 'copies'}.tar`)
    : null;
  if (kept && existsSync(kept)) {
    const db = await openPglite(undefined, { loadDataDir: new Blob([await readFile(kept)]) });
    console.log(`\n${size.toLocaleString('en')} cases: server database loaded from ${kept}`);
    return db;
  }
  const db = await openPglite();
  await migrate(db);
  const t0 = Date.now();
  if (BY_INTAKE) {
    await db.transaction((tx) => createDemoAccounts(tx));
    // Cases arrive over the last 180 days, oldest first, as a real service's do: what a
    // first sync leaves out by age (the history of cases not yet opened) is then left out
    // here too.
    const spanMs = 180 * 86_400_000;
    for (let i = 0; i < size; i += 500) {
      await db.transaction(async (tx) => {
        for (let j = i; j < Math.min(size, i + 500); j++)
          await openCaseFromIntake(
            tx,
            escalation({ language: 'de' }),
            new Date(t0 - spanMs + (spanMs * j) / size),
          );
      });
    }
  } else {
    const filled = await fillBenchService(db, { size });
    console.log(
      `\n${filled.cases.toLocaleString('en')} cases with ${filled.messages.toLocaleString('en')} copied messages and ${filled.events.toLocaleString('en')} copied events`,
    );
  }
  console.log(`\n${size.toLocaleString('en')} cases: server filled in ${secs(Date.now() - t0)}`);
  if (kept) {
    await mkdir(KEEP!, { recursive: true });
    await writeFile(kept, Buffer.from(await (await db.dumpDataDir()).arrayBuffer()));
  }
  return db;
}

async function waitFor(page: Page, fn: string, timeoutMs = 600_000): Promise<number> {
  const t0 = Date.now();
  await page.waitForFunction(fn, undefined, { timeout: timeoutMs, polling: 20 });
  return Date.now() - t0;
}

async function run(size: number): Promise<void> {
  const db = await filledDatabase(size);
  const lenaId = (
    await db.query<{ id: string }>(`SELECT id FROM agents WHERE email = 'lena@demo.casedesk'`)
  ).rows[0]!.id;
  const lena = (await findAgent(db, lenaId))!;
  const app = buildApp({
    db,
    intakeKey: null,
    webRoot: path.resolve(process.env.BENCH_SYNC_WEB_ROOT ?? 'out/renderer'),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casedesk-bench-sync-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: browserExecutable(),
    args: ARGS,
    viewport: { width: 1600, height: 950 },
  });
  // Main-thread tasks over 50 ms (the Long Tasks API), kept from the page's start.
  await ctx.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  const sampleHeap = async () => {
    const m = (await cdp.send('Performance.getMetrics')).metrics;
    peakHeap = Math.max(peakHeap, m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0);
  };
  const sampler = setInterval(() => void sampleHeap().catch(() => undefined), 1000);
  try {
    await page.goto(url);
    await page.getByLabel('Email').fill('lena@demo.casedesk');
    await page.getByLabel('Password').fill('casedesk-demo');
    const name = `casedesk:${new URL(url).host}:${lena.id}`;
    await page.evaluate((n) => ((window as unknown as { __db: string }).__db = n), name);
    const countCases = `new Promise(r => { const q = indexedDB.open(window.__db); q.onsuccess = () => { const c = q.result.transaction('cases').objectStore('cases').count(); c.onsuccess = () => { q.result.close(); r(c.result) } } })`;

    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    const started = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Usable: the largest view's first rows on screen (a lead's team queue; My cases holds
    // none of these unassigned cases).
    const link = page.getByRole('link', { name: 'Team queue', exact: true });
    await link.waitFor({ timeout: 900_000 });
    const shown = Date.now() - started;
    await link.click();
    await page
      .locator('table[aria-label="Cases"] tbody tr[aria-rowindex]')
      .first()
      .waitFor({ timeout: 900_000 });
    const usable = Date.now() - started;
    console.log(
      `  first sync usable    ${secs(usable)}  (the team queue's first rows shown; the workspace at ${secs(shown)})`,
    );
    // Working while it syncs: switch between My cases and the team queue until the sync is
    // done, each time from the click until the table holds the new view's rows. A read
    // queued behind a long write transaction shows here.
    const switches: number[] = [];
    const synced = () =>
      page.evaluate(() =>
        document.querySelector('[aria-label="Sync status"]')?.textContent?.includes('Synced'),
      );
    for (let i = 0; !(await synced()); i++) {
      const t = Date.now();
      await page
        .getByRole('link', { name: i % 2 ? 'Team queue' : 'My cases', exact: true })
        .click();
      await page.waitForFunction(
        () => {
          const t = document.querySelector('table[aria-label="Cases"]');
          return t?.getAttribute('aria-busy') === 'false';
        },
        undefined,
        { timeout: 1_800_000, polling: 'raf' },
      );
      switches.push(Date.now() - t);
      await new Promise((r) => setTimeout(r, 250));
    }
    await page
      .getByRole('status', { name: 'Sync status' })
      .filter({ hasText: 'Synced' })
      .waitFor({ timeout: 1_800_000 });
    const first = Date.now() - started;
    await sampleHeap();
    clearInterval(sampler);
    const local = (await page.evaluate(countCases)) as number;
    console.log(
      `  first sync complete  ${secs(first)}  ${(local / (first / 1000)).toFixed(0)} cases/s  (${local} cases, with their events)`,
    );
    const long = (await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    )) as number[];
    long.sort((a, b) => a - b);
    console.log(
      `  main-thread tasks over 50 ms during the sync  ${long.length}, longest ${Math.round(long.at(-1) ?? 0)} ms, median ${Math.round(long[Math.floor(long.length / 2)] ?? 0)} ms, ${(long.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all`,
    );
    switches.sort((a, b) => a - b);
    console.log(
      `  a view switch during the sync (Playwright click to rows)  median ${switches[Math.floor(switches.length / 2)] ?? '—'} ms, worst ${switches.at(-1) ?? '—'} ms (${switches.length} switches)`,
    );
    console.log(
      `  replica on disk      ${mb(diskBytes(path.join(dir, 'Default', 'IndexedDB')) ?? 0)}  · renderer peak JS heap ${mb(peakHeap)} (sampled each second)`,
    );

    // The ceilings: the records this sync wrote (cases and their events), read back and
    // written raw into IndexedDB, 5,000 to a transaction as a pull page is (one giant
    // transaction of 100,000 rows crawls in Chromium) — into bare stores, and into stores
    // with the replica's own indexes.
    const rawPut = (indexed: boolean) =>
      page.evaluate(`(async () => {
        const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
        const done = (tx) => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = tx.onabort = () => fail(tx.error); });
        const src = await req(indexedDB.open(window.__db));
        const names = ['cases', 'events'];
        // The replica's own index definitions, read from it: the ceiling can never drift.
        const meta = src.transaction(names);
        const indexes = Object.fromEntries(names.map((n) => { const s = meta.objectStore(n);
          return [n, [...s.indexNames].map((x) => { const i = s.index(x); return [x, i.keyPath, i.multiEntry]; })]; }));
        const open = indexedDB.open('bench-raw-${indexed}-' + Math.random(), 1);
        open.onupgradeneeded = () => { for (const n of names) { const s = open.result.createObjectStore(n, { keyPath: 'id' });
          if (${indexed}) for (const [x, keyPath, multiEntry] of indexes[n]) s.createIndex(x, keyPath, { multiEntry }); } };
        const dst = await req(open);
        // Read 5,000 at a time (one getAll of 100,000 ~2 KB rows is more than Chromium hands
        // over at once) and time only the writes.
        let ms = 0; const counts = { cases: 0, events: 0 };
        for (const n of names) { let after = null;
          for (;;) { const rows = await req(src.transaction(n).objectStore(n).getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), 5000));
            if (!rows.length) break; after = rows[rows.length - 1].id; counts[n] += rows.length;
            const t0 = performance.now(); const tx = dst.transaction(n, 'readwrite'); const s = tx.objectStore(n);
            for (const row of rows) s.put(row); await done(tx); ms += performance.now() - t0; } }
        src.close(); dst.close();
        return { ms, cases: counts.cases, events: counts.events };
      })()`) as Promise<{
        ms: number;
        cases: number;
        events: number;
      }>;
    // BENCH_SYNC_RAW=0 leaves the ceilings out (they rewrite every record twice).
    if (process.env.BENCH_SYNC_RAW !== '0') {
      const bare = await rawPut(false);
      const indexed = await rawPut(true);
      console.log(
        `  raw put of the same ${bare.cases} cases + ${bare.events} events, bare stores  ${secs(bare.ms)}  → first sync at ${(first / bare.ms).toFixed(2)}× raw`,
      );
      console.log(
        `  … into stores with the replica's indexes  ${secs(indexed.ms)}  → first sync at ${(first / indexed.ms).toFixed(2)}× that`,
      );
    }

    // Catch-up: an offline hour during which 1,000 notes were written on the server.
    const some = await db.query<{ id: string }>(
      'SELECT id FROM cases ORDER BY created_at LIMIT 100',
    );
    await ctx.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    for (let i = 0; i < 1000; i++)
      await db.transaction((tx) =>
        addNote(tx, lena, some.rows[i % 100]!.id, `note ${i}`, new Date()),
      );
    const catchUpStart = Date.now();
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const notesCount = `new Promise(r => { const q = indexedDB.open(window.__db); q.onsuccess = () => { const c = q.result.transaction('notes').objectStore('notes').count(); c.onsuccess = () => { q.result.close(); r(c.result >= 1000) } } })`;
    await page.waitForFunction(notesCount, undefined, { timeout: 600_000, polling: 20 });
    console.log(`  catch-up, 1,000 changes  ${secs(Date.now() - catchUpStart)}`);

    // Push: 500 mutations queued while offline, then sent.
    await ctx.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    const caseId = some.rows[0]!.id;
    await page.evaluate(
      ({ caseId, ids }) =>
        new Promise<void>((r) => {
          const q = indexedDB.open((window as unknown as { __db: string }).__db);
          q.onsuccess = () => {
            const tx = q.result.transaction('outbox', 'readwrite');
            ids.forEach((id, i) =>
              tx.objectStore('outbox').add({
                id,
                op: 'case.note',
                args: { caseId, body: `queued ${i}` },
                caseId,
                state: 'pending',
                attempts: 0,
                createdAt: new Date().toISOString(),
              }),
            );
            tx.oncomplete = () => {
              q.result.close();
              r();
            };
          };
        }),
      { caseId, ids: Array.from({ length: 500 }, () => randomUUID()) },
    );
    const pushStart = Date.now();
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    for (;;) {
      const n = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notes WHERE body LIKE 'queued %'`,
      );
      if (n.rows[0]!.n >= 500) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    console.log(`  push, 500 mutations  ${secs(Date.now() - pushStart)}`);

    // Poke to visible: a change on the server until it is in this browser's replica.
    const lat: number[] = [];
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      const t = Date.now();
      await db.transaction((tx) => addNote(tx, lena, caseId, `poke ${id}`, new Date(), id));
      await waitFor(
        page,
        `new Promise(r => { const q = indexedDB.open(window.__db); q.onsuccess = () => { const g = q.result.transaction('notes').objectStore('notes').get('${id}'); g.onsuccess = () => { q.result.close(); r(!!g.result) } } })`,
        30_000,
      );
      lat.push(Date.now() - t);
    }
    lat.sort((a, b) => a - b);
    console.log(`  poke to visible      median ${lat[2]} ms, worst ${lat[4]} ms (5 changes)`);
  } finally {
    clearInterval(sampler);
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
    await app.close();
    await db.close();
  }
}

console.log(
  `bench:sync  headless Chromium, persistent profile on disk · PGlite case service in-process · node ${process.version}`,
);
for (const size of SIZES) await run(size);
