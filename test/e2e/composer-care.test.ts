import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openFirstCase, seriousViolations, shot, startSignedIn, type Stack } from './harness';

/** The composer makes mistakes hard: a sent reply can be taken back, typed text is kept. */
describe('the reply composer', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let reference: string;

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('ana', { width: 1440, height: 950 }));
    reference = await openFirstCase(page, 'My cases');
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  const stored = async (body: string) =>
    (
      await stack.db.query(
        `SELECT 1 FROM messages m JOIN cases c ON c.id = m.case_id
          WHERE c.reference = $1 AND m.body = $2`,
        [reference, body],
      )
    ).rows.length;

  it('shows "Reply sent" with Undo for a few seconds, and Undo puts the text back unsent', async () => {
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Sorry, wrong case.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Reply sent' });
    await status.waitFor();
    await shot(page, 'composer-undo');
    await status.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => reply.inputValue()).toBe('Sorry, wrong case.');
    // A reply sent after it reaches the service, so the outbox has gone past where the
    // undone one stood: had Undo not taken it back, it would have reached the service first.
    await reply.fill('Please ignore my last message.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => stored('Please ignore my last message.'), { timeout: 30_000 }).toBe(1);
    expect(await stored('Sorry, wrong case.')).toBe(0);
  });

  it('sends the reply once the undo time is over', async () => {
    const reply = page.getByRole('textbox', { name: 'Reply' });
    const body = 'Wir haben den Verkäufer kontaktiert.';
    // When the push carrying the reply is made: held back, it leaves only once the undo
    // time (which starts after the click) is over, however slow the machine.
    let pushedAt = 0;
    const pushes = (url: URL) => url.pathname === '/api/v1/sync/push';
    await page.route(pushes, async (route) => {
      if (!pushedAt && route.request().postData()?.includes(body)) pushedAt = Date.now();
      await route.continue();
    });
    await reply.fill(body);
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Send reply' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Reply sent' });
    await status.waitFor();
    // The waiting reply stays readable (it once was faded below contrast for these seconds).
    expect(await seriousViolations(page)).toEqual([]);
    await status.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => stored(body), { timeout: 30_000 }).toBe(1);
    await page.unroute(pushes);
    expect(pushedAt - clicked).toBeGreaterThanOrEqual(4_900);
  });

  it('asks before a template replaces what the agent typed', async () => {
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.fill('My own words.');
    const template = page.getByRole('combobox', { name: 'Template' });
    const first = await template.locator('option').nth(1).getAttribute('value');
    await template.selectOption(first!);
    const offer = page.getByRole('group', { name: 'Use the template?' });
    await offer.waitFor();
    expect(await reply.inputValue()).toBe('My own words.');
    expect(await seriousViolations(page)).toEqual([]);
    await offer.getByRole('button', { name: 'Keep my text' }).click();
    expect(await reply.inputValue()).toBe('My own words.');
    await template.selectOption(first!);
    await offer.getByRole('button', { name: 'Add below my text' }).click();
    const both = await reply.inputValue();
    expect(both.startsWith('My own words.\n\n')).toBe(true);
    expect(both.length).toBeGreaterThan('My own words.\n\n'.length + 20);
    await template.selectOption(first!);
    await offer.getByRole('button', { name: 'Replace my text' }).click();
    expect(await reply.inputValue()).toBe(both.slice('My own words.\n\n'.length));
  });

  it('shows every problem of a form at once, not one per try', async () => {
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const form = page.getByRole('form', { name: 'Refund' });
    await form.getByRole('textbox', { name: 'Amount' }).fill('');
    await form.getByRole('button', { name: 'Confirm refund' }).click();
    const problems = form.getByRole('alert');
    await problems.getByText('Enter an amount such as 12.50.').waitFor();
    await problems.getByText('Give a reason for the refund.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
