import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { vi } from 'vitest';
import { browserExecutable } from '../browser/provide-browser';
import { buildApp } from '../../server/app';
import { openDemoPglite } from '../../server/testing/migrated-pglite';
import type { Database } from '../../server/db/database';
import type { OidcSettings } from '../../server/services/single-sign-on';
import type { MailSettings } from '../../server/mail/mail-settings';
import type { IntegrationOptions } from '../../server/integration/register-integration';

const WEB_ROOT = path.resolve('out/renderer');
export const SHOTS = path.resolve('test-results/screenshots');
export const E2E_INTAKE_KEY = 'e2e-intake-key';

/**
 * CI runs these suites on two loaded cores, where a step that takes two seconds alone can
 * take thirty. Every suite that uses this harness gives its tests and hooks generous time,
 * its `expect.poll`s twenty seconds, and its pages a minute per action: all of them wait
 * for an observable state, so the extra time only counts when a run is slow, and a suite's
 * own timeouts (which say what it expects) still apply.
 */
export const E2E_STEP_TIMEOUT = 60_000;
vi.setConfig({
  testTimeout: 180_000,
  hookTimeout: 180_000,
  expect: { poll: { timeout: 20_000, interval: 100 } },
});

export interface Stack {
  url: string;
  app: FastifyInstance;
  db: Database;
  browser: Browser;
  /** Stops the case service (every connection dropped), waits, and starts it again on the same port. */
  restartServer(downMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real case service with demo data serving the built workspace, and a real Chromium;
 * `integration` connects a marketplace (a webhook receiver in the test process).
 */
export async function startStack(
  opts: {
    oidc?: OidcSettings;
    port?: number;
    mail?: MailSettings;
    integration?: IntegrationOptions;
  } = {},
): Promise<Stack> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error('The workspace is not built: run `npm run build` (npm test does it first).');
  }
  // The browser the test run's global setup provided (or its one-line reason why none).
  const executablePath = browserExecutable();
  const db = await openDemoPglite();
  const start = () =>
    buildApp({
      db,
      intakeKey: E2E_INTAKE_KEY,
      webRoot: WEB_ROOT,
      oidc: opts.oidc ?? null,
      mail: opts.mail ?? null,
      integration: opts.integration,
    });
  let app = start();
  const url = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const port = Number(new URL(url).port);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Every page of the suite waits up to a minute for what it looks for (Playwright's default
  // is 30 s), whether the suite makes its context here or with `stack.browser.newContext`.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(E2E_STEP_TIMEOUT);
    return context;
  };
  await mkdir(SHOTS, { recursive: true });
  const stack: Stack = {
    url,
    app,
    db,
    browser,
    async restartServer(downMs) {
      // Open event streams would keep close() waiting: drop every connection now.
      app.server.closeAllConnections();
      await app.close();
      await new Promise((r) => setTimeout(r, downMs));
      app = start();
      await app.listen({ port, host: '127.0.0.1' });
      stack.app = app;
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
  return stack;
}

export async function signIn(page: Page, url: string, who: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(`${who}@demo.casedesk`);
  await page.getByLabel('Password').fill('casedesk-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('status', { name: 'Sync status' })
    .filter({ hasText: 'Synced' })
    .waitFor({ timeout: 90_000 });
}

export const DESK_VIEWPORT = { width: 1440, height: 950 };

/** A new browser context on a running stack with one agent signed in and synced. */
export async function openSignedIn(
  stack: Stack,
  who: string,
  viewport = DESK_VIEWPORT,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, stack.url, who);
  return { context, page };
}

/**
 * A stack with one agent signed in in a window of this size: most workspace suites' start.
 * `beforeSignIn` prepares the service's data that the first sync must find.
 */
export async function startSignedIn(
  who: string,
  viewport = DESK_VIEWPORT,
  beforeSignIn?: (stack: Stack) => Promise<void>,
): Promise<{ stack: Stack; context: BrowserContext; page: Page }> {
  const stack = await startStack();
  await beforeSignIn?.(stack);
  return { stack, ...(await openSignedIn(stack, who, viewport)) };
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** What axe-core finds of serious or critical impact on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
          ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document);
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

/** The table of cases once it holds the rows of the current view, filters and search. */
export const settledQueue = (page: Page) =>
  page.locator('table[aria-label="Cases"][aria-busy="false"]');

/**
 * Opens the first case of a queue view (narrowed by a search if given) and returns its
 * reference once its page shows. Waits for the table to answer for the new view first:
 * until then it still holds the previous view's rows (aria-busy), and a click there opens
 * a case of the wrong view.
 */
/**
 * A queue row's reference cell. Leads and T&S have a tick box before it (bulk actions), so
 * it is not always the row's first cell.
 */
export const referenceCell = (row: Locator): Locator => row.locator('td.mono').first();

export async function openFirstCase(page: Page, view: string, search?: string): Promise<string> {
  await page.getByRole('link', { name: view, exact: true }).click();
  if (search !== undefined) {
    await page.getByRole('searchbox', { name: 'Search cases' }).fill(search);
  }
  const row = settledQueue(page).getByRole('row').nth(1);
  const reference = (await referenceCell(row).textContent())!;
  await row.click();
  await page.getByRole('heading', { level: 1, name: reference, exact: true }).waitFor();
  return reference;
}
