import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Case } from '../../shared';
import { escalation } from '../../server/testing/test-service';
import { WebhookReceiver, waitFor } from '../../server/testing/webhook-receiver';
import {
  E2E_INTAKE_KEY,
  openFirstCase,
  seriousViolations,
  shot,
  signIn,
  startStack,
  type Stack,
} from './harness';

const INTEGRATION_KEY = 'e2e-integration-key-0123456789';
const WIDTHS = [1280, 1440, 1920];

/**
 * A connected marketplace, end to end: a real HTTP receiver in the test process gets the
 * signed events, answers the result endpoint like a payment system would, and the
 * workspace in Chromium shows each state as it comes — without a reload.
 */
describe('a connected marketplace in Chromium', { timeout: 180_000 }, () => {
  const receiver = new WebhookReceiver();
  /** Cases whose events the receiver refuses (HTTP 503), to fill the Deliveries view. */
  const refused = new Set<string>();
  let stack: Stack;
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await receiver.up();
    receiver.answer = (d) => {
      const ref = (d.body.data.case as { reference?: string } | undefined)?.reference;
      return ref && refused.has(ref) ? 503 : 200;
    };
    stack = await startStack({
      integration: {
        webhook: { url: receiver.url, secrets: ['e2e-webhook-secret'] },
        key: INTEGRATION_KEY,
        retryBaseMs: 2_000,
        worker: { pollMs: 100 },
      },
    });
    ctx = await stack.browser.newContext({ viewport: { width: 1600, height: 950 } });
    page = await ctx.newPage();
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
    await stack?.close();
    await receiver.down();
  });

  const intake = async (): Promise<Case> => {
    const res = await fetch(`${stack.url}/api/v1/intake/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': E2E_INTAKE_KEY },
      body: JSON.stringify(
        escalation({
          order: {
            ...escalation().order!,
            amountPaid: { amount: 84_00, currency: 'EUR' },
          },
        }),
      ),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Case;
  };

  it('shows a refund as sent to payments, then executed once the marketplace confirms', async () => {
    const c = await intake();
    await signIn(page, stack.url, 'ana');
    await openFirstCase(page, 'Unassigned', c.reference);
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();

    const actions = page.getByRole('region', { name: 'Case actions' });
    await actions.getByRole('button', { name: 'Refund', exact: true }).click();
    const form = page.getByRole('form', { name: 'Refund' });
    await form.getByRole('radio', { name: 'Full refund' }).check();
    await form.getByRole('textbox', { name: 'Reason' }).fill('The parcel never arrived.');
    await form.getByRole('button', { name: 'Confirm refund' }).click();

    const taken = page.getByRole('list', { name: 'Actions taken' });
    await taken.getByText('Sent to payments — waiting for confirmation').waitFor();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 950 });
      await shot(page, `marketplace-refund-requested-${width}`);
    }
    expect(await seriousViolations(page)).toEqual([]);

    // The marketplace gets the signed event and carries it out.
    const requested = await waitFor(
      () =>
        receiver
          .acknowledged()
          .find(
            (d) =>
              d.body.type === 'refund.requested' &&
              (d.body.data.case as { id: string }).id === c.id,
          ),
      20_000,
      'refund.requested at the receiver',
    );
    expect(requested.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const actionId = (requested.body.data.action as { id: string }).id;
    const result = await fetch(`${stack.url}/api/v1/integration/actions/${actionId}/result`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-integration-key': INTEGRATION_KEY },
      body: JSON.stringify({ status: 'executed', externalRef: 'PAY-77810' }),
    });
    expect(result.status).toBe(200);

    // Live: the sync stream pokes the workspace, which pulls the executed action.
    await taken.getByText('confirmed (PAY-77810)').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => taken.getByText('Sent to payments — waiting for confirmation').count())
      .toBe(0);
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Action executed').first().waitFor();
    await shot(page, 'marketplace-refund-executed-1920');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets an admin see a failing delivery with its last error and send it again', async () => {
    const c = await intake();
    refused.add(c.reference);
    await waitFor(
      () => receiver.received.find((d) => d.body.type === 'case.created' && d.answered === 503),
      20_000,
      'a refused delivery',
    );
    // A context of its own: a signed-in window shares its session with the others.
    const adminCtx = await stack.browser.newContext({ viewport: { width: 1600, height: 950 } });
    const admin = await adminCtx.newPage();
    await signIn(admin, stack.url, 'admin');
    await admin.getByRole('button', { name: 'Deliveries' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Deliveries' });
    await dialog.getByRole('button', { name: 'Failed' }).click();
    const table = dialog.getByRole('table', { name: 'Deliveries' });
    const row = table.getByRole('row').filter({ hasText: c.reference });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('HTTP 503');
    expect(await row.textContent()).toContain('case.created');
    for (const width of WIDTHS) {
      await admin.setViewportSize({ width, height: 950 });
      await shot(admin, `marketplace-deliveries-${width}`);
    }
    expect(await seriousViolations(admin)).toEqual([]);

    refused.delete(c.reference);
    await row.getByRole('button', { name: 'Retry' }).click();
    await dialog
      .getByRole('status')
      .getByText(`case.created of ${c.reference} is sent again.`)
      .waitFor();
    await waitFor(
      () =>
        receiver
          .acknowledged()
          .find(
            (d) =>
              d.body.type === 'case.created' && (d.body.data.case as { id: string }).id === c.id,
          ),
      20_000,
      'the resent case.created',
    );
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await adminCtx.close();
  });
});
