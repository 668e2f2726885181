/**
 * `npm run bench:ui`: the workspace in headless Chromium over a warm local replica of
 * BENCH_UI_CASES cases (default 100,000). Prints time to the first queue render, filter
 * and search latency, time to open a case, and the renderer's JS heap. A benchmark, not
 * a test: read the figures with the machine's noise in mind.
 */
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { browserExecutable } from '../browser/provide-browser';
import { buildApp } from '../../server/app';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite-database';
import { seedDemoIfEmpty } from '../../server/seed/demo';

const CASES = Number(process.env.BENCH_UI_CASES ?? 100_000);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Milliseconds from the action until its effect shows, or a line saying it never did. */
async function timed(
  page: Page,
  act: () => Promise<void>,
  until: () => Promise<unknown>,
): Promise<string> {
  const t0 = Date.now();
  try {
    await act();
    await until();
    return `${Date.now() - t0} ms`;
  } catch (err) {
    if ((err as Error).name !== 'TimeoutError') throw err;
    return `not within ${((Date.now() - t0) / 1000).toFixed(0)} s (timed out)`;
  }
}

const db = await openPglite();
await migrate(db);
await seedDemoIfEmpty(db, { seedNumber: 1, cases: 40 });
const app = buildApp({ db, intakeKey: null, webRoot: path.resolve('out/renderer') });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: browserExecutable(), args: ARGS });
const page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
try {
  await page.goto(url);
  await page.getByLabel('Email').fill('lena@demo.casedesk');
  await page.getByLabel('Password').fill('casedesk-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Synced' }).waitFor();

  // Warm the replica: copies of a synced case with their own ids, references, creation
  // times and clocks — so a few buyers and sellers have thousands of cases each.
  // A string, not a function: the bundler's helpers do not exist inside the page.
  const filled = (await page.evaluate(`(async (n) => {
    const names = (await indexedDB.databases()).map((d) => d.name).filter((x) => x.startsWith('casedesk:'));
    const idb = await new Promise((r) => { const q = indexedDB.open(names[0]); q.onsuccess = () => r(q.result); });
    const sample = await new Promise((r) => { const g = idb.transaction('cases').objectStore('cases').getAll(); g.onsuccess = () => r(g.result); });
    const langs = ['de', 'en', 'nl', 'fr', 'es', 'it', 'pt', 'pl', 'zh'];
    const t0 = performance.now();
    for (let start = 0; start < n; start += 10000) {
      await new Promise((done) => {
        const tx = idb.transaction('cases', 'readwrite');
        const store = tx.objectStore('cases');
        for (let i = start; i < Math.min(n, start + 10000); i++) {
          const base = sample[i % sample.length];
          const due = new Date(Date.now() + (i % 5000) * 60000 - 2000000000).toISOString();
          store.put({ ...base, id: crypto.randomUUID(), reference: 'CD-' + (900000 + i), language: langs[i % 9], slaDueAt: due, createdAt: new Date(Date.now() - i * 60000).toISOString(), search: 'cd-' + (900000 + i) + ' bench buyer ' + i, searchTokens: ['cd-' + (900000 + i), 'cd', String(900000 + i), 'bench', 'buyer', String(i)] });
        }
        tx.oncomplete = () => done();
      });
    }
    idb.close();
    return performance.now() - t0;
  })(${CASES})`)) as number;
  console.log(
    `bench:ui  ${CASES.toLocaleString('en')} local cases (filled in ${(filled / 1000).toFixed(1)} s) · headless Chromium · node ${process.version}`,
  );

  // The table marks itself busy while it still shows the previous view's rows.
  const firstRow = () =>
    page.locator('table[aria-label="Cases"][aria-busy="false"]').getByRole('row').nth(1).waitFor();
  const render = await timed(page, () => page.reload().then(() => undefined), firstRow);
  await page.getByRole('link', { name: 'Team queue', exact: true }).click();
  await firstRow();
  /**
   * Time from a change to the filters or the search until the queue's count says so; then
   * undoes it and waits for the count to come back.
   */
  const untilCountChanges = async (change: (v: string) => Promise<void>, value: string) => {
    const count = () => page.locator('.filters [aria-live]').textContent();
    const counted = (before: string | null, changed: boolean) =>
      page.waitForFunction(
        ([b, c]) => (document.querySelector('.filters [aria-live]')?.textContent !== b) === c,
        [before, changed] as const,
        { timeout: 60_000 },
      );
    const before = await count();
    const ms = await timed(
      page,
      () => change(value),
      () => counted(before, true),
    );
    await change('');
    await counted(before, false).catch(() => undefined);
    return ms;
  };
  const filterBy = (label: string) => (v: string) =>
    page
      .getByLabel(label, { exact: true })
      .selectOption(v)
      .then(() => undefined);
  const searchFor = (v: string) => page.getByRole('searchbox', { name: 'Search cases' }).fill(v);

  const filter = await untilCountChanges(filterBy('Language'), 'de');
  // Served by one index range per language (replica version 6); before, every open case was read.
  const status = await untilCountChanges(filterBy('Status'), 'pending_seller');
  // The unassigned queue has no such index: its cases are read and tested.
  await page.getByRole('link', { name: 'Unassigned', exact: true }).click();
  await firstRow();
  const unassigned = await untilCountChanges(filterBy('Priority'), 'urgent');
  await page.getByRole('link', { name: 'Team queue', exact: true }).click();
  await firstRow();
  const search = await untilCountChanges(searchFor, `CD-${900000 + Math.floor(CASES / 2)}`);
  const searchName = await untilCountChanges(searchFor, `bench buyer ${Math.floor(CASES / 3)}`);
  const scroll = await timed(
    page,
    () =>
      page.locator('.queue-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight / 2;
      }),
    () =>
      page.waitForFunction(
        () => document.querySelectorAll('table.queue tbody tr[aria-rowindex]').length > 5,
      ),
  );
  const opening = Date.now();
  const open = await timed(
    page,
    () => page.getByRole('table', { name: 'Cases' }).getByRole('row').nth(3).click(),
    () => page.getByRole('heading', { level: 1 }).waitFor(),
  );
  // The buyer's and seller's history fills in after the case shows (here they have
  // thousands of cases each: every copy keeps its original's buyer and seller).
  await page.waitForFunction(() => !document.body.textContent?.includes('Reading…'));
  const party = `${Date.now() - opening} ms`;
  // The same, timed inside the page: the driver's round trips (actionability checks, the
  // click itself) are expensive on a loaded machine and not part of what a person waits for.
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 1 }).waitFor({ state: 'detached' });
  const inPage = (await page.evaluate(`new Promise((resolve) => {
    const row = document.querySelectorAll('table.queue tbody tr[aria-rowindex]')[5];
    const t0 = performance.now();
    row.click();
    const check = () => document.querySelector('h1') ? resolve(performance.now() - t0) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  })`)) as number;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  console.log(`  first queue render (warm replica, reload)  ${render}`);
  console.log(`  filter by language                         ${filter}`);
  console.log(`  filter by status                           ${status}`);
  console.log(`  filter unassigned by priority              ${unassigned}`);
  console.log(`  search by reference                        ${search}`);
  console.log(`  search by buyer name words                 ${searchName}`);
  console.log(`  scroll to the middle                       ${scroll}`);
  console.log(`  open a case                                ${open}`);
  console.log(`  … with its buyer's and seller's history    ${party}`);
  console.log(`  open another, timed in the page            ${inPage.toFixed(0)} ms`);
  console.log(`  renderer JS heap                           ${(heap / 1024 / 1024).toFixed(0)} MB`);
} finally {
  await browser.close();
  await app.close();
  await db.close();
}
