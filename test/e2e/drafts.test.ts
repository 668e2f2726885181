import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openFirstCase, seriousViolations, shot, startSignedIn, type Stack } from './harness';
import { replicaRecord } from './replica-peek';

const synced = (page: Page) =>
  page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Synced' }).waitFor();

/** Issue 16: drafts of replies and notes are kept on the device across reloads. */
describe('drafts across a reload in Chromium', { timeout: 180_000 }, () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let reference = '';
  let caseId = '';

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('ana'));
    reference = await openFirstCase(page, 'My cases');
    const { rows } = await stack.db.query<{ id: string }>(
      'SELECT id FROM cases WHERE reference = $1',
      [reference],
    );
    caseId = rows[0]!.id;
  }, 150_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  const reopen = async () => {
    await page.reload();
    await synced(page);
    await openFirstCase(page, 'My cases', reference);
  };

  it('keeps what was typed in the reply and the note across a reload', async () => {
    await page.getByRole('textbox', { name: 'Reply' }).fill('Sehr geehrte Frau Berger,\n\nwir');
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Seller promised tracking.');
    // The device keeps a draft a moment after each keystroke; a reload in that moment (which
    // no person manages, but a loaded test machine does) would find the one before.
    await expect
      .poll(() => replicaRecord(page, 'drafts', caseId), { timeout: 20_000 })
      .toMatchObject({
        reply: 'Sehr geehrte Frau Berger,\n\nwir',
        note: 'Seller promised tracking.',
      });
    await reopen();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await expect.poll(() => reply.inputValue()).toBe('Sehr geehrte Frau Berger,\n\nwir');
    expect(await page.getByRole('textbox', { name: 'Internal note' }).inputValue()).toBe(
      'Seller promised tracking.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'draft-after-reload');
  });

  it('forgets the draft once it is sent', async () => {
    await page.getByRole('button', { name: 'Add note' }).click();
    await page
      .getByRole('list', { name: 'Messages and notes' })
      .getByText('Seller promised tracking.')
      .waitFor();
    await expect
      .poll(async () => (await replicaRecord(page, 'drafts', caseId)) as object, {
        timeout: 20_000,
      })
      .not.toHaveProperty('note');
    await reopen();
    // The reply's draft stays; the sent note's is gone.
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Reply' }).inputValue())
      .toBe('Sehr geehrte Frau Berger,\n\nwir');
    expect(await page.getByRole('textbox', { name: 'Internal note' }).inputValue()).toBe('');
  });
});
