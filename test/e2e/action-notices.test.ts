import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Case } from '../../shared';
import { startSmtpInbox, type SmtpInbox } from '../../server/testing/smtp-inbox';
import { escalation } from '../../server/testing/test-service';
import { sleep, waitFor } from '../../server/testing/wait-for';
import {
  E2E_INTAKE_KEY,
  openFirstCase,
  seriousViolations,
  shot,
  signIn,
  startStack,
  type Stack,
} from './harness';

const synced = (page: Page) =>
  page
    .getByRole('status', { name: 'Sync status' })
    .filter({ hasText: 'Synced' })
    .waitFor({ timeout: 45_000 });

/**
 * "Notify buyer" on an action form, end to end: prefilled in the buyer's language, edited
 * by the agent, and mailed through a real SMTP server once the refund executes — the
 * seller told in theirs.
 */
describe('notices of actions in Chromium with a real SMTP server', { timeout: 150_000 }, () => {
  let inbox: SmtpInbox;
  let stack: Stack;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    stack = await startStack({
      mail: {
        smtpUrl: inbox.url,
        from: 'Casedesk Support <support@shop.test>',
        replyDomain: 'reply.shop.test',
        retryBaseMs: 200,
      },
    });
    ctx = await stack.browser.newContext({ viewport: { width: 1600, height: 950 } });
    page = await ctx.newPage();
    await signIn(page, stack.url, 'ana');
  }, 300_000);
  afterAll(async () => {
    await ctx?.close();
    await stack?.close();
    await inbox?.close();
  });

  async function dutchCaseWithGermanSeller(): Promise<Case> {
    const base = escalation();
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': E2E_INTAKE_KEY },
      payload: escalation({
        channel: 'email',
        language: 'nl',
        buyer: { ...base.buyer, language: 'nl', country: 'NL' },
        order: {
          ...base.order!,
          amountPaid: { amount: 84_00, currency: 'EUR' },
          seller: {
            ...base.order!.seller,
            email: `verkaeufer-${Date.now()}@example.com`,
            language: 'de',
          },
        },
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Case>();
  }

  it('prefills the notices in each party’s language, sends the edited text once the refund executes', async () => {
    const c = await dutchCaseWithGermanSeller();
    await synced(page);
    await openFirstCase(page, 'Unassigned', c.reference);
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();

    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const form = page.getByRole('form', { name: 'Refund' });
    const notifyBuyer = form.getByRole('checkbox', { name: 'Notify buyer', exact: true });
    const notifySeller = form.getByRole('checkbox', { name: 'Notify seller', exact: true });
    expect(await notifyBuyer.isChecked()).toBe(true);
    expect(await notifySeller.isChecked()).toBe(true);
    const toBuyer = form.getByRole('textbox', { name: 'Message to the buyer' });
    const toSeller = form.getByRole('textbox', { name: 'Message to the seller' });
    // Nothing typed yet: the amount is a gap the template keeps visible.
    expect(await toBuyer.inputValue()).toContain('{amount}');
    await form.getByRole('radio', { name: 'Full refund' }).check();
    const buyerText = await toBuyer.inputValue();
    expect(buyerText).toMatch(/^Beste /);
    // Intl writes a no-break space between amount and sign.
    expect(buyerText).toMatch(/volledige bedrag van €\s84,00/);
    expect(buyerText).toContain(c.reference);
    expect(await toSeller.inputValue()).toMatch(/^Sehr geehrte\/r .*\n\nwir haben dem Käufer/s);
    expect(await toSeller.inputValue()).toMatch(/84,00\s€/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'action-notices-refund-form');

    const edited = `${buyerText}\n\nPS: het pakket mag u houden.`;
    await toBuyer.fill(edited);
    // Editing the form afterwards leaves the agent's text alone.
    await form.getByRole('textbox', { name: 'Reason' }).fill('Parcel lost in transit');
    await form.getByRole('button', { name: 'Confirm refund' }).click();
    await synced(page);

    const mailTo = (address: string) => inbox.mail.filter((m) => m.envelopeTo.includes(address));
    await waitFor(
      () => mailTo(c.buyer.email).length === 1 && mailTo(c.order!.seller.email!).length === 1,
      'both notices in the mailbox',
    );
    await sleep(500);
    const [buyerMail] = mailTo(c.buyer.email);
    const [sellerMail] = mailTo(c.order!.seller.email!);
    expect(mailTo(c.buyer.email)).toHaveLength(1);
    expect(buyerMail!.parsed.subject).toBe(`[${c.reference}] Object niet ontvangen`);
    expect(buyerMail!.parsed.text).toContain('PS: het pakket mag u houden.');
    expect(buyerMail!.parsed.text).toMatch(/€\s84,00/);
    expect(sellerMail!.parsed.subject).toBe(`[${c.reference}] Objekt nicht erhalten`);
    expect(sellerMail!.parsed.text).toMatch(/84,00\s€/);

    // The notice shows in the conversation like any reply, with how it left.
    const timeline = page.getByRole('list', { name: 'Messages and notes' });
    const notice = timeline
      .getByRole('listitem')
      .filter({ hasText: 'PS: het pakket mag u houden.' });
    await notice.getByText('Sent', { exact: false }).first().waitFor({ timeout: 45_000 });
  });

  it('lets the agent leave a party out, and tells nobody of a referral', async () => {
    const c = await dutchCaseWithGermanSeller();
    await synced(page);
    await openFirstCase(page, 'Unassigned', c.reference);
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();

    await page.getByRole('button', { name: 'Refer to law enforcement' }).click();
    const referral = page.getByRole('form', { name: 'Refer to law enforcement' });
    const silent = referral.getByRole('checkbox', { name: 'Notify buyer', exact: true });
    expect(await silent.isChecked()).toBe(false);
    expect(await silent.isDisabled()).toBe(true);
    expect(await referral.getByRole('checkbox', { name: 'Notify seller' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Refer to law enforcement' }).click();

    await page.getByRole('button', { name: 'Cancel order' }).click();
    const cancel = page.getByRole('form', { name: 'Cancel order' });
    await cancel.getByRole('checkbox', { name: 'Notify buyer', exact: true }).uncheck();
    expect(await cancel.getByRole('textbox', { name: 'Message to the buyer' }).count()).toBe(0);
    expect(
      await cancel.getByRole('textbox', { name: 'Message to the seller' }).inputValue(),
    ).toMatch(/Bitte versenden Sie den Artikel nicht/);
    // Cancelling never refunds by itself: the form asks, and the agent declines here.
    await cancel.getByRole('radio', { name: 'No refund now' }).check();
    await cancel.getByRole('textbox', { name: 'Reason' }).fill('Buyer asked');
    await cancel.getByRole('button', { name: 'Confirm cancellation' }).click();
    await synced(page);

    await waitFor(
      () => inbox.mail.some((m) => m.envelopeTo.includes(c.order!.seller.email!)),
      'the seller’s notice',
    );
    await sleep(500);
    expect(inbox.mail.filter((m) => m.envelopeTo.includes(c.buyer.email))).toHaveLength(0);
    const parties = await stack.db.query<{ party: string }>(
      `SELECT m.party FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.reference = $1`,
      [c.reference],
    );
    expect(parties.rows).toEqual([{ party: 'seller' }]);
  });
});
