import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openFirstCase, seriousViolations, shot, signIn, startStack, type Stack } from './harness';
import { replicaCount, replicaNames } from './replica-peek';

const status = (page: Page) => page.getByRole('status', { name: 'Sync status' });

async function apiToken(stack: Stack, who: string): Promise<string> {
  const res = await fetch(`${stack.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${who}@demo.casedesk`, password: 'casedesk-demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('sync under stress in Chromium against a real case service', { timeout: 120_000 }, () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const ctx = await stack.browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(ctx);
    return { ctx, page: await ctx.newPage() };
  };
  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await stack?.close();
  });

  it('survives a server restart in the middle of a sync, then holds exactly what the server has', async () => {
    const { ctx, page } = await newPage();
    await signIn(page, stack.url, 'ana');
    // Queue three notes offline on one case, then come back while the server restarts.
    const reference = await openFirstCase(page, 'Team queue');
    await ctx.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    for (const n of [1, 2, 3]) {
      await page.getByRole('textbox', { name: 'Internal note' }).fill(`Restart note ${n}`);
      await page.getByRole('button', { name: 'Add note' }).click();
    }
    await status(page).filter({ hasText: '3 pending' }).waitFor();

    // The first sync request sets off the restart and goes out while the server is down.
    let restart: Promise<void> | null = null;
    let failed = 0;
    page.on('requestfailed', (r) => {
      if (r.url().includes('/api/v1/sync/')) failed++;
    });
    await page.route('**/api/v1/sync/**', async (route) => {
      if (!restart) {
        restart = stack.restartServer(2_000);
        await new Promise((r) => setTimeout(r, 200));
      }
      await route.continue().catch(() => undefined);
    });
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await status(page).filter({ hasText: 'Synced' }).waitFor({ timeout: 60_000 });
    await restart;
    expect(failed).toBeGreaterThan(0);

    const notes = await stack.db.query<{ body: string }>(
      `SELECT n.body FROM notes n JOIN cases c ON c.id = n.case_id
        WHERE c.reference = $1 AND n.body LIKE 'Restart note %' ORDER BY n.created_at`,
      [reference],
    );
    expect(notes.rows.map((r) => r.body)).toEqual([
      'Restart note 1',
      'Restart note 2',
      'Restart note 3',
    ]);
    await page.unroute('**/api/v1/sync/**');
  });

  it('misses nothing when other clients write while it pulls', async () => {
    const token = await apiToken(stack, 'tess');
    const { rows: targets } = await stack.db.query<{ id: string }>(
      "SELECT id FROM cases WHERE status <> 'resolved' ORDER BY reference LIMIT 30",
    );
    const { page } = await newPage();
    // Writers start before the sign-in and keep going through the first pull.
    let writing = true;
    const writers = (async () => {
      let i = 0;
      while (writing && i < 120) {
        const batch = targets.slice(0, 6).map((t, k) =>
          fetch(`${stack.url}/api/v1/cases/${targets[(i + k) % targets.length]!.id}/notes`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ body: `Concurrent note ${i + k} on ${t.id.slice(0, 4)}` }),
          }),
        );
        const res = await Promise.all(batch);
        expect(res.map((r) => r.status)).toEqual(res.map(() => 201));
        i += batch.length;
      }
    })();
    await signIn(page, stack.url, 'lena');
    writing = false;
    await writers;
    // After the writers stop, one more poke brings the last of them; then both sides agree.
    await expect
      .poll(
        async () => {
          const server = await stack.db.query<{ n: string }>('SELECT count(*) AS n FROM notes');
          return (await replicaCount(page, 'notes')) - Number(server.rows[0]!.n);
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(0);
    expect(await replicaCount(page, 'cases')).toBe(
      Number((await stack.db.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows[0]!.n),
    );
  });

  it('runs one sync for two windows of one replica, and the other window takes over when it closes', async () => {
    const { ctx, page: first } = await newPage();
    await signIn(first, stack.url, 'marco');
    const second = await ctx.newPage();
    const syncCalls = new Map<Page, number>([
      [first, 0],
      [second, 0],
    ]);
    for (const p of [first, second]) {
      p.on('request', (r) => {
        if (r.url().includes('/api/v1/sync/')) syncCalls.set(p, syncCalls.get(p)! + 1);
      });
    }
    await signIn(second, stack.url, 'marco');

    // A note written in the second window is sent by the first, and shows in both.
    const reference = await openFirstCase(second, 'Team queue');
    await second
      .getByRole('textbox', { name: 'Internal note' })
      .fill('Written in the second window');
    await second.getByRole('button', { name: 'Add note' }).click();
    await expect
      .poll(
        async () =>
          (
            await stack.db.query(
              "SELECT 1 FROM notes n JOIN cases c ON c.id = n.case_id WHERE c.reference = $1 AND n.body = 'Written in the second window'",
              [reference],
            )
          ).rows.length,
      )
      .toBe(1);
    await openFirstCase(first, 'Team queue', reference);
    await first.getByText('Written in the second window').waitFor();
    await status(second).filter({ hasText: 'Synced' }).waitFor();
    expect(syncCalls.get(second)).toBe(0);
    expect(syncCalls.get(first)).toBeGreaterThan(0);

    // The leader goes; the follower leads from then on.
    await first.close();
    const token = await apiToken(stack, 'tess');
    const { rows } = await stack.db.query<{ id: string }>(
      'SELECT id FROM cases WHERE reference = $1',
      [reference],
    );
    await fetch(`${stack.url}/api/v1/cases/${rows[0]!.id}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ body: 'Written after the first window closed' }),
    });
    await second.getByText('Written after the first window closed').waitFor({ timeout: 30_000 });
    expect(syncCalls.get(second)).toBeGreaterThan(0);
  });

  it('signs every window of an agent out when one of them signs out, and removes the replica once', async () => {
    const { ctx, page: first } = await newPage();
    await signIn(first, stack.url, 'tom');
    const second = await ctx.newPage();
    await signIn(second, stack.url, 'tom');
    await status(first).filter({ hasText: 'Synced' }).waitFor();
    await status(second).filter({ hasText: 'Synced' }).waitFor();

    await first.getByRole('button', { name: 'Sign out' }).click();
    await first.getByRole('button', { name: 'Sign in' }).waitFor();
    await second
      .getByRole('alert')
      .filter({ hasText: 'You signed out in another window' })
      .waitFor();
    await second.getByRole('button', { name: 'Sign in' }).waitFor();
    // Neither window brought the deleted replica back.
    await second.waitForTimeout(500);
    expect(await replicaNames(second)).toEqual([]);

    // Signing in again starts a fresh replica that syncs as usual.
    await signIn(second, stack.url, 'tom');
    await status(second).filter({ hasText: 'Synced' }).waitFor();
  });

  it('keeps the changes made while the session ran out, and sends them once the agent signs in again', async () => {
    const { ctx, page } = await newPage();
    await signIn(page, stack.url, 'ana');
    const reference = await openFirstCase(page, 'My cases');

    await ctx.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await page
      .getByRole('textbox', { name: 'Internal note' })
      .fill('Written as the session ran out');
    await page.getByRole('button', { name: 'Add note' }).click();
    await status(page).filter({ hasText: '1 pending' }).waitFor();
    // The session expires on the server while the agent is away.
    await stack.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 minute'
        WHERE agent_id = (SELECT id FROM agents WHERE email = 'ana@demo.casedesk')`,
    );
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));

    await page.getByRole('alert').filter({ hasText: 'Your session has ended' }).waitFor();
    await status(page).filter({ hasText: '1 pending' }).waitFor();
    await page.getByRole('button', { name: 'Sign in again' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.getByLabel('Password').fill('wrong-password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    await shot(page, '09-session-ended');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Password').fill('casedesk-demo');
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await status(page).filter({ hasText: 'Synced' }).waitFor({ timeout: 30_000 });
    const notes = await stack.db.query(
      `SELECT 1 FROM notes n JOIN cases c ON c.id = n.case_id
        WHERE c.reference = $1 AND n.body = 'Written as the session ran out'`,
      [reference],
    );
    expect(notes.rows).toHaveLength(1);
    // Same replica, same window: the case is still open on screen, nothing was rebuilt.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(reference);
    expect(await page.getByRole('alert').filter({ hasText: 'session has ended' }).count()).toBe(0);
  });

  it('never says Synced while the service sends a page it cannot read, and recovers once it can', async () => {
    const { page } = await newPage();
    await signIn(page, stack.url, 'lena');
    // The service starts answering pulls with something that is not a sync page (no cursor).
    await page.route('**/api/v1/sync/pull**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          changes: [{ entity: 'case', op: 'upsert', id: 'broken', data: { id: 'broken' } }],
          hasMore: false,
        }),
      }),
    );
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await status(page).filter({ hasText: 'Sync error' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Sync stopped' }).waitFor();

    await page.unroute('**/api/v1/sync/pull**');
    await status(page)
      .filter({ hasText: /^Synced$/ })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'Sync stopped' }).count()).toBe(0);
    expect(await replicaCount(page, 'cases')).toBeGreaterThan(0);
  });

  it('keeps syncing when the service sends one entity it cannot read: the rest applied, the item shown', async () => {
    const { page } = await newPage();
    await signIn(page, stack.url, 'lena');
    const reference = await openFirstCase(page, 'Team queue');
    await status(page)
      .filter({ hasText: /^Synced$/ })
      .waitFor();

    // The next pages from the real service carry, besides the real changes, a case in a
    // status this version has never heard of, and an entity type it does not know.
    const caseId = (
      await stack.db.query<{ id: string }>('SELECT id FROM cases WHERE reference = $1', [reference])
    ).rows[0]!.id;
    let injected = false;
    await page.route('**/api/v1/sync/pull**', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { changes: unknown[] };
      // Into the very page that brings the note, so the note shows it was applied beside them.
      const withNote = body.changes.some(
        (c) =>
          (c as { data?: { body?: string } | null }).data?.body ===
          'Written beside something unreadable',
      );
      if (!injected && withNote) {
        injected = true;
        body.changes.unshift(
          {
            entity: 'case',
            op: 'upsert',
            id: 'future-case',
            data: { id: 'future-case', reference: 'CD-999999', status: 'archived' },
          },
          { entity: 'attachment', op: 'upsert', id: 'att-1', data: { id: 'att-1', caseId } },
        );
      }
      await route.fulfill({ response: res, json: body });
    });
    const token = await apiToken(stack, 'tess');
    const note = async (body: string) => {
      const res = await fetch(`${stack.url}/api/v1/cases/${caseId}/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ body }),
      });
      expect(res.status).toBe(201);
    };
    await note('Written beside something unreadable');

    // The note that came in the same page is applied, and the workspace says what it left out.
    await page.getByText('Written beside something unreadable').waitFor({ timeout: 30_000 });
    const aside = page.getByText('2 items from the server could not be read');
    await aside.waitFor();
    await status(page)
      .filter({ hasText: /^Synced$/ })
      .waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Sync stopped' }).count()).toBe(0);
    await aside.click();
    const items = page.getByRole('list', { name: 'Items that could not be read' });
    await items.getByText('Case CD-999999').waitFor();
    await items.getByText('An item of kind "attachment" att-1').waitFor();
    expect(await replicaCount(page, 'setAside')).toBe(2);
    await shot(page, '10-set-aside');
    expect(await seriousViolations(page)).toEqual([]);

    // Sync goes on past it: the next change arrives as ever.
    await note('And the next one after it');
    await page.getByText('And the next one after it').waitFor({ timeout: 30_000 });
    expect(await replicaCount(page, 'setAside')).toBe(2);
  });
});
