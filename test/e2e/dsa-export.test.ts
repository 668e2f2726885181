import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DsaStatement, type Case } from '../../shared';
import { escalation } from '../../server/testing/test-service';
import {
  E2E_INTAKE_KEY,
  openFirstCase,
  seriousViolations,
  shot,
  startSignedIn,
  type Stack,
} from './harness';

/**
 * The DSA transparency export end to end: a T&S reviewer proposes a restriction with the
 * fields the Commission's format needs, a second reviewer approves it, and "Export DSA
 * statements" saves a file whose every line the Commission's rules accept.
 */
describe('the DSA transparency export in Chromium', { timeout: 180_000 }, () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('tess', { width: 1440, height: 950 }));
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  const api = async (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
    stack.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : { 'x-intake-key': E2E_INTAKE_KEY },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('saves the period’s statements as a valid .jsonl file, and a case file as PDF and JSON', async () => {
    const c = (
      await api(
        'POST',
        '/api/v1/intake/escalations',
        undefined,
        escalation({ topic: 'counterfeit_suspected', language: 'en' }),
      )
    ).json() as Case;
    await page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Synced' }).waitFor();
    await openFirstCase(page, 'Trust & Safety', c.reference);
    await page.getByRole('button', { name: 'Restrict account' }).click();
    const form = page.getByRole('form', { name: 'Restrict account' });
    // Facts start empty and are required since the workspace stopped pre-filling them.
    await form
      .getByRole('textbox', { name: 'Facts and circumstances' })
      .fill('Counterfeit goods reported by three buyers.');
    await form.getByRole('combobox', { name: 'Category' }).selectOption({
      label: 'Unsafe, non-compliant or prohibited products',
    });
    await form.getByRole('checkbox', { name: 'Detected by automated means' }).check();
    await form.getByRole('listbox', { name: 'Countries' }).selectOption(['BE', 'NL']);
    await shot(page, 'dsa-restrict-form');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Propose restriction' }).click();

    const pending = async () =>
      (
        await stack.db.query<{ id: string }>(
          `SELECT a.id FROM actions a JOIN cases c ON c.id = a.case_id
            WHERE c.reference = $1 AND a.type = 'restrict_account'`,
          [c.reference],
        )
      ).rows;
    await expect.poll(pending, { timeout: 30_000 }).toHaveLength(1);
    const actionId = (await pending())[0]!.id;
    const tom = (
      await stack.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'tom@demo.casedesk', password: 'casedesk-demo' },
      })
    ).json() as { token: string };
    expect((await api('POST', `/api/v1/actions/${actionId}/approve`, tom.token)).statusCode).toBe(
      200,
    );

    await page.getByRole('button', { name: 'Export DSA statements' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export DSA statements' });
    const today = new Date().toISOString().slice(0, 10);
    await dialog.getByLabel('First day').fill(today);
    await dialog.getByLabel('Last day').fill(today);
    await shot(page, 'dsa-export-dialog');
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save statements' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`dsa-statements-${today}-${today}.jsonl`);
    const text = await readFile((await download.path())!, 'utf8');
    const statements = text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as unknown);
    for (const s of statements) expect(DsaStatement.safeParse(s).error?.issues).toBeUndefined();
    expect(statements).toContainEqual(
      expect.objectContaining({
        puid: `casedesk-restriction-${actionId}`,
        category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
        automated_detection: 'Yes',
        territorial_scope: ['BE', 'NL'],
      }),
    );
    expect(text).not.toContain(c.buyer.email);
    await dialog
      .getByRole('status')
      .getByText(/^Saved \d+ statements? as /)
      .waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The evidence case file of the same case: the PDF and its JSON twin.
    const dir = await mkdtemp(path.join(tmpdir(), 'casedesk-case-file-'));
    const files: string[] = [];
    const saved: Promise<void>[] = [];
    page.on('download', (d) => {
      files.push(d.suggestedFilename());
      saved.push(d.saveAs(path.join(dir, d.suggestedFilename())));
    });
    await page.getByRole('button', { name: 'Export case file' }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved case-file-/)
      .waitFor({ timeout: 60_000 });
    expect(files).toEqual([`case-file-${c.reference}.pdf`, `case-file-${c.reference}.json`]);
    await Promise.all(saved);
    // The pair saved one after the other verifies together with the README's command,
    // though each export left its audit event on the case.
    const verified = await promisify(execFile)(
      'npx',
      [
        'tsx',
        'server/case-file/verify-cli.ts',
        path.join(dir, files[1]!),
        path.join(dir, files[0]!),
      ],
      { timeout: 60_000 },
    );
    expect(verified.stdout).toMatch(/The PDF embeds the same chain head\.\nVERIFIED/);
    const exports = await stack.db.query<{ format: string; head: string }>(
      `SELECT data->>'format' AS format, data->>'chainHead' AS head FROM events
        WHERE case_id = $1 AND type = 'case_file.exported' ORDER BY chain_index`,
      [c.id],
    );
    const { chain } = JSON.parse(await readFile(path.join(dir, files[1]!), 'utf8')) as {
      chain: { head: string };
    };
    expect(exports.rows).toEqual([
      { format: 'pdf', head: chain.head },
      { format: 'json', head: chain.head },
    ]);
  });
});
