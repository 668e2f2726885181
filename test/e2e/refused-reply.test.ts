import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openFirstCase, shot, startSignedIn, type Stack } from './harness';

/** A reply written offline and refused on return is one click from the composer again. */
describe('a refused reply', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('ana', { width: 1440, height: 950 }));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('keeps its text with the refusal and puts it back in the composer', async () => {
    const reference = await openFirstCase(page, 'My cases');
    await context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    const text = 'Wir erstatten Ihnen den vollen Betrag heute.';
    await page.getByRole('textbox', { name: 'Reply' }).fill(text);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe('');

    // Meanwhile a lead resolves the case: the reply can no longer be sent.
    const login = await fetch(new URL('/api/v1/auth/login', stack.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lena@demo.casedesk', password: 'casedesk-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const { rows } = await stack.db.query<{ id: string }>(
      'SELECT id FROM cases WHERE reference = $1',
      [reference],
    );
    const resolved = await fetch(new URL(`/api/v1/cases/${rows[0]!.id}/resolve`, stack.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ summary: 'Handled by phone.' }),
    });
    expect(resolved.status).toBe(200);

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const refused = page.getByRole('list', { name: 'Refused changes' });
    await refused.getByText(`Reply to the buyer on ${reference}`).waitFor({ timeout: 45_000 });
    // The top bar says it once, closed: it covers nothing until asked.
    await page.getByText('1 change refused by the server').waitFor();
    expect(await page.getByRole('list', { name: 'All refused changes' }).count()).toBe(0);
    await shot(page, 'refused-reply');

    await refused.getByRole('button', { name: 'Put back in the reply' }).click();
    await refused.waitFor({ state: 'detached' });
    await page.getByText('1 change refused by the server').waitFor({ state: 'detached' });
    // Reopened, the case has the reply waiting in its composer, to send again.
    await page.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe(text);
  });
});
