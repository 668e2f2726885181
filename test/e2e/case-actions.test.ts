import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Case } from '../../shared';
import { escalation } from '../../server/testing/test-service';
import {
  E2E_INTAKE_KEY,
  openFirstCase,
  seriousViolations,
  shot,
  startSignedIn,
  type Stack,
} from './harness';

const synced = (page: Page) =>
  page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Synced' }).waitFor();

/** Whether the element's top edge shows in the window (the form opened in view). */
const topInView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight - 40;
  }, selector);

/**
 * Issue 16 defect 7: the case's actions sit in a bar at the top of the case and open their
 * forms in view; cancelling says what happens to the money and offers the refund in the
 * same step. Defect 6 (rest): the restriction form never comes with facts filled in.
 */
describe('the case actions bar in Chromium', { timeout: 180_000 }, () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let c: Case;

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('ana', { width: 1280, height: 900 }));
    const res = await fetch(`${stack.url}/api/v1/intake/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': E2E_INTAKE_KEY },
      body: JSON.stringify(
        escalation({
          order: { ...escalation().order!, amountPaid: { amount: 84_00, currency: 'EUR' } },
          context: { payoutStatus: 'held' },
          // A long conversation's worth of question: the forms must not open below it.
          question: 'Mein Paket ist nicht angekommen. '.repeat(60),
        }),
      ),
    });
    expect(res.status).toBe(201);
    c = (await res.json()) as Case;
    await synced(page);
    await openFirstCase(page, 'Unassigned', c.reference);
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();
    await synced(page);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('puts the actions above the conversation at every width', async () => {
    const bar = page.getByRole('region', { name: 'Case actions' });
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      const barBox = (await bar.boundingBox())!;
      const conversation = (await page
        .getByRole('region', { name: 'Conversation' })
        .boundingBox())!;
      expect(barBox.y + barBox.height).toBeLessThanOrEqual(conversation.y);
      for (const name of ['Refund', 'Cancel order', 'Restrict account', 'Resolve case']) {
        expect(await bar.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
      }
    }
    // The old place is gone: the Actions panel lists what was done, it opens no forms.
    expect(
      await page
        .getByRole('region', { name: 'Actions', exact: true })
        .getByRole('button', { name: 'Refund', exact: true })
        .count(),
    ).toBe(0);
  });

  it('says a cancellation does not refund, and refunds in the same step when asked', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    // Scrolled down the case first: the form must still open where the agent looks.
    await page.locator('.case-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const bar = page.getByRole('region', { name: 'Case actions' });
    await bar.getByRole('button', { name: 'Cancel order' }).click();
    const form = page.getByRole('form', { name: 'Cancel order' });
    await form.waitFor();
    expect(await topInView(page, 'form[aria-label="Cancel order"]')).toBe(true);
    expect(await form.getByTestId('cancel-money').textContent()).toBe(
      'Cancelling does not refund the buyer. The marketplace still holds the buyer’s payment of €84.00 and the seller has not been paid out.',
    );

    // No default: the agent says whether the money goes back.
    await form.getByRole('textbox', { name: 'Reason' }).fill('The seller cannot ship it.');
    await form.getByRole('button', { name: 'Confirm cancellation' }).click();
    await form
      .getByRole('alert')
      .getByText('Choose whether the buyer gets their money back now.')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByRole('radio', { name: 'Refund €84.00 in the same step' }).check();
    await form.getByText('A refund of €84.00 follows the cancellation').waitFor();
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await topInView(page, 'form[aria-label="Cancel order"]')).toBe(true);
      await shot(page, `case-actions-cancel-${width}`);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Confirm cancellation and refund' }).click();
    await synced(page);

    const actions = async () =>
      (
        await stack.db.query<{ type: string; status: string; amount_minor: number | null }>(
          `SELECT type, status, amount_minor FROM actions WHERE case_id = $1 ORDER BY created_at, type`,
          [c.id],
        )
      ).rows;
    await expect.poll(actions, { timeout: 20_000 }).toEqual([
      { type: 'cancel_order', status: 'executed', amount_minor: null },
      { type: 'refund', status: 'executed', amount_minor: 84_00 },
    ]);
    const order = await stack.db.query<{ status: string; refunded_minor: number }>(
      `SELECT o.status, o.refunded_minor FROM orders o JOIN cases c ON c.order_id = o.id WHERE c.id = $1`,
      [c.id],
    );
    expect(order.rows).toEqual([{ status: 'cancelled', refunded_minor: 84_00 }]);
  });

  it('opens the restriction form with no facts filled in, and will not send it empty', async () => {
    const bar = page.getByRole('region', { name: 'Case actions' });
    await bar.getByRole('button', { name: 'Restrict account' }).click();
    const form = page.getByRole('form', { name: 'Restrict account' });
    const facts = form.getByRole('textbox', { name: 'Facts and circumstances' });
    expect(await facts.inputValue()).toBe('');
    expect(await topInView(page, 'form[aria-label="Restrict account"]')).toBe(true);
    await form.getByRole('button', { name: 'Propose restriction' }).click();
    await form
      .getByRole('alert')
      .getByText('Write the facts and circumstances in your own words.')
      .waitFor();
    const proposed = await stack.db.query(
      `SELECT 1 FROM actions WHERE case_id = $1 AND type = 'restrict_account'`,
      [c.id],
    );
    expect(proposed.rows).toEqual([]);
    await shot(page, 'case-actions-restrict-empty-facts');
  });
});
