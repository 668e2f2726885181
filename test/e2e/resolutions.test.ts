import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openFirstCase, seriousViolations, shot, signIn, startStack, type Stack } from './harness';

/** A database check, retried while the outbox pushes (the pill may still say Synced). */
const eventually = <T>(read: () => Promise<T>) =>
  expect.poll(read, { timeout: 20_000, interval: 100 });

const synced = (page: Page) =>
  page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Synced' }).waitFor();

/** Templates, external disputes, resolving and reopening: the rest of a case's life. */
describe(
  'resolutions and disputes in Chromium against a real case service',
  { timeout: 120_000 },
  () => {
    let stack: Stack;
    let ctx: BrowserContext;
    let page: Page;
    let reference = '';
    let caseId = '';

    beforeAll(async () => {
      stack = await startStack();
      ctx = await stack.browser.newContext({ viewport: { width: 1600, height: 950 } });
      page = await ctx.newPage();
      await signIn(page, stack.url, 'ana');
      reference = await openFirstCase(page, 'Unassigned');
      await page.getByRole('button', { name: 'Claim' }).click();
      await page.getByRole('button', { name: 'Release' }).waitFor();
      await synced(page);
      caseId = (
        await stack.db.query<{ id: string }>('SELECT id FROM cases WHERE reference = $1', [
          reference,
        ])
      ).rows[0]!.id;
    }, 120_000);
    afterAll(async () => {
      await ctx?.close();
      await stack?.close();
    });

    it('fills a reply template in the buyer’s language with the case’s names', async () => {
      const { rows } = await stack.db.query<{ language: string; name: string }>(
        `SELECT c.language, b.name FROM cases c JOIN buyers b ON b.id = c.buyer_id WHERE c.id = $1`,
        [caseId],
      );
      const { language, name } = rows[0]!;
      const template = page.getByRole('combobox', { name: 'Template' });
      const options = await template.getByRole('option').allTextContents();
      expect(options.length).toBeGreaterThan(3); // the placeholder, topic replies, the status update
      await template.selectOption({ index: 1 });
      const reply = page.getByRole('textbox', { name: 'Reply' });
      const text = await reply.inputValue();
      expect(text).toContain(name);
      expect(text).not.toMatch(/\{(buyerName|reference|lotTitle|agentName)\}/);
      const greeting: Record<string, RegExp> = {
        en: /^Dear /,
        de: /^Sehr geehrte/,
        nl: /^Beste /,
        fr: /^Bonjour /,
        es: /^Estimado/,
        it: /^Gentile /,
        pt: /^Caro/,
        pl: /^Szanown/,
        zh: /^尊敬的/,
      };
      expect(text).toMatch(greeting[language]!);
      await page.getByRole('button', { name: 'Send reply' }).click();
      await eventually(async () =>
        (
          await stack.db.query<{ body: string }>(
            "SELECT body FROM messages WHERE case_id = $1 AND direction = 'to'",
            [caseId],
          )
        ).rows.map((r) => r.body),
      ).toContain(text);
    });

    it('opens each resolution form with nothing that axe calls serious or critical', async () => {
      // The forms open from the bar at the top of the case (issue 16 defect 7).
      const actions = page.getByRole('region', { name: 'Case actions' });
      for (const name of [
        'Restrict account',
        'Refer to law enforcement',
        'Resolve case',
        'Add external dispute',
      ]) {
        const button = actions.getByRole('button', { name, exact: true });
        await button.click();
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        expect(await seriousViolations(page), name).toEqual([]);
        await button.click();
      }
    });

    it('records an external dispute, edits it later, and lists it in its own view', async () => {
      await page.getByRole('button', { name: 'Add external dispute' }).click();
      const form = page.getByRole('form', { name: 'Add external dispute' });
      await form.getByRole('textbox', { name: 'Reference' }).fill('GC-2026-0042');
      await form.getByLabel('Filed on').fill('2026-11-20');
      await form
        .getByRole('textbox', { name: 'Notes' })
        .fill('Buyer went to De Geschillencommissie.');
      await form.getByRole('button', { name: 'Record dispute' }).click();
      const disputes = async () =>
        (
          await stack.db.query<{ status: string; reference: string; outcome: string | null }>(
            'SELECT status, reference, outcome FROM external_disputes WHERE case_id = $1',
            [caseId],
          )
        ).rows;
      await eventually(disputes).toEqual([
        { status: 'filed', reference: 'GC-2026-0042', outcome: null },
      ]);

      await page.getByRole('button', { name: 'Edit dispute' }).click();
      const edit = page.getByRole('form', { name: 'Edit external dispute' });
      await edit.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'In progress' });
      await edit.getByRole('textbox', { name: 'Outcome' }).fill('Hearing set for January.');
      await edit.getByRole('button', { name: 'Save dispute' }).click();
      await eventually(disputes).toEqual([
        { status: 'in_progress', reference: 'GC-2026-0042', outcome: 'Hearing set for January.' },
      ]);
      await page
        .getByRole('list', { name: 'External disputes' })
        .getByText('GC-2026-0042')
        .waitFor();
      await shot(page, '07-dispute');

      await page.getByRole('link', { name: 'External disputes', exact: true }).click();
      await page
        .getByRole('table', { name: 'Cases' })
        .getByRole('row')
        .filter({ hasText: reference })
        .waitFor();
      await page
        .getByRole('table', { name: 'Cases' })
        .getByRole('row')
        .filter({ hasText: reference })
        .click();
      await page.getByRole('heading', { level: 1, name: reference }).waitFor();
    });

    it('puts a deadline on the seller’s answer while the case waits on them', async () => {
      await page.getByRole('combobox', { name: 'Case status' }).selectOption('pending_seller');
      await synced(page);
      const header = page.locator('.case-header');
      await header.getByText(/seller’s answer: \d+ days? left/).waitFor();
      await page.getByRole('combobox', { name: 'Case status' }).selectOption('open');
      await synced(page);
      await expect.poll(() => header.getByText(/seller’s answer/).count()).toBe(0);
    });

    it('resolves the case with a summary and reopens it', async () => {
      await page.getByRole('button', { name: 'Resolve case' }).click();
      const form = page.getByRole('form', { name: 'Resolve case' });
      await form.getByRole('button', { name: 'Confirm resolve' }).click();
      await form.getByText('Summarise the resolution.').waitFor();
      await form
        .getByRole('textbox', { name: 'Summary' })
        .fill('Seller shipped; tracking shared with the buyer.');
      await form.getByRole('button', { name: 'Confirm resolve' }).click();
      await page.getByRole('button', { name: 'Reopen' }).waitFor();
      const state = async () =>
        (
          await stack.db.query<{ status: string; resolution_summary: string | null }>(
            'SELECT status, resolution_summary FROM cases WHERE id = $1',
            [caseId],
          )
        ).rows[0];
      await eventually(state).toEqual({
        status: 'resolved',
        resolution_summary: 'Seller shipped; tracking shared with the buyer.',
      });

      await page.getByRole('button', { name: 'Reopen' }).click();
      await page.getByRole('button', { name: 'Resolve case' }).waitFor();
      await eventually(async () => (await state())?.status).not.toBe('resolved');
    });
  },
);
