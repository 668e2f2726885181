import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Case } from '../../shared';
import { startSmtpInbox, type SmtpInbox } from '../../server/testing/smtp-inbox';
import { escalation } from '../../server/testing/test-service';
import { waitFor } from '../../server/testing/wait-for';
import { openFirstCase, seriousViolations, shot, signIn, startStack, type Stack } from './harness';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const status = (page: Page) => page.getByRole('status', { name: 'Sync status' });
const synced = (page: Page) =>
  status(page).filter({ hasText: 'Synced' }).waitFor({ timeout: 45_000 });

function rawMail(opts: {
  from: string;
  to: string;
  subject: string;
  inReplyTo: string;
  text: string;
  photo: Buffer;
}): Promise<Buffer> {
  return new MailComposer({
    from: opts.from,
    to: opts.to,
    subject: opts.subject,
    inReplyTo: opts.inReplyTo,
    references: [opts.inReplyTo],
    text: opts.text,
    messageId: `<buyer.${Date.now()}@mail.example>`,
    attachments: [{ filename: 'paket.png', content: opts.photo, contentType: 'image/png' }],
  })
    .compile()
    .build();
}

// A browser, a service, an SMTP server and the other suites share two cores: room for each.
describe('conversations in Chromium with a real SMTP server', { timeout: 150_000 }, () => {
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
    await stack?.close();
    await inbox?.close();
  });
  afterEach(async () => {
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online'))).catch(() => undefined);
  });

  async function newEmailCase(): Promise<Case> {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': 'e2e-intake-key' },
      payload: escalation({ channel: 'email', language: 'de' }),
    });
    expect(res.statusCode).toBe(201);
    return res.json<Case>();
  }

  it('mails a reply with a photo, shows it sent, and shows the buyer’s answer with a photo live', async () => {
    const c = await newEmailCase();
    await synced(page);
    await openFirstCase(page, 'Unassigned', c.reference);
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();

    await page.getByRole('textbox', { name: 'Reply' }).fill('Hier ist das Foto vom Versand.');
    await page
      .locator('form.composer:not(.note) input[type=file]')
      .setInputFiles({ name: 'versand.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('list', { name: 'Files to send' }).getByText('versand.png').waitFor();
    await page.getByRole('button', { name: 'Send reply' }).click();

    const timeline = page.getByRole('list', { name: 'Messages and notes' });
    const reply = timeline
      .getByRole('listitem')
      .filter({ hasText: 'Hier ist das Foto vom Versand.' });
    await reply.getByText('Sent', { exact: false }).first().waitFor({ timeout: 45_000 });
    await reply.getByRole('button', { name: 'View versand.png' }).waitFor();

    const mail = await waitFor(
      () => inbox.mail.find((m) => m.parsed.subject?.startsWith(`[${c.reference}]`)),
      'the reply in the mailbox',
    );
    expect(mail.envelopeTo).toEqual([c.buyer.email]);
    expect(mail.parsed.replyTo?.text).toMatch(/^reply\+[0-9a-f]{32}@reply\.shop\.test$/);
    expect(mail.parsed.messageId).toMatch(/^<casedesk\.[0-9a-f-]+@reply\.shop\.test>$/);
    expect(mail.parsed.text).toContain('Hier ist das Foto vom Versand.');
    expect(mail.parsed.attachments.map((a) => [a.filename, sha256(a.content)])).toEqual([
      ['versand.png', sha256(PNG)],
    ]);
    expect(inbox.mail.filter((m) => m.parsed.messageId === mail.parsed.messageId)).toHaveLength(1);

    // The buyer answers from their mail program, with a photo of the parcel.
    const photo = Buffer.concat([PNG]);
    const answer = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/inbound/email',
      headers: { 'x-intake-key': 'e2e-intake-key', 'content-type': 'message/rfc822' },
      payload: await rawMail({
        from: c.buyer.email,
        to: mail.parsed.replyTo!.text,
        subject: `Re: ${mail.parsed.subject}`,
        inReplyTo: mail.parsed.messageId!,
        text: 'Danke! So sieht das Paket aus.\n\n> Hier ist das Foto vom Versand.',
        photo,
      }),
    });
    expect(answer.statusCode).toBe(201);
    const incoming = timeline
      .getByRole('listitem')
      .filter({ hasText: 'Danke! So sieht das Paket aus.' });
    await incoming.waitFor({ timeout: 30_000 });
    const thumb = incoming.getByRole('button', { name: 'View paket.png' });
    await thumb.locator('img').waitFor();
    await shot(page, '20-conversation-photo-1600');
    await thumb.click();
    const viewer = page.getByRole('dialog', { name: 'paket.png' });
    await viewer.getByRole('img', { name: 'paket.png' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await viewer.getByRole('button', { name: 'Close' }).click();
    expect(await seriousViolations(page)).toEqual([]);

    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await incoming.scrollIntoViewIfNeeded();
      await shot(page, `21-conversation-${width}`);
    }
    await page.setViewportSize({ width: 1600, height: 950 });
  });

  it('shows a refused mail as failed with its reason, and sends it again on Retry', async () => {
    const c = await newEmailCase();
    inbox.refuse(c.buyer.email, 550);
    await synced(page);
    await openFirstCase(page, 'Unassigned', c.reference);
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();
    await page.getByRole('textbox', { name: 'Reply' }).fill('Ist die Adresse richtig?');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const reply = page
      .getByRole('list', { name: 'Messages and notes' })
      .getByRole('listitem')
      .filter({ hasText: 'Ist die Adresse richtig?' });
    await reply.getByText('Failed').waitFor({ timeout: 45_000 });
    await reply.getByText(/refused/).waitFor();
    await shot(page, '22-delivery-failed');
    expect(await seriousViolations(page)).toEqual([]);

    inbox.refuse(c.buyer.email, 0);
    await reply.getByRole('button', { name: 'Retry' }).click();
    await reply.getByText(/^Sent/).waitFor({ timeout: 45_000 });
    const sent = inbox.mail.filter((m) => m.parsed.subject?.startsWith(`[${c.reference}]`));
    expect(sent).toHaveLength(1);
  });

  it('keeps a file attached offline with its note and uploads it once back online', async () => {
    const c = await newEmailCase();
    await synced(page);
    await openFirstCase(page, 'Unassigned', c.reference);
    await ctx.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await status(page).filter({ hasText: 'Offline' }).waitFor();

    await page.getByRole('textbox', { name: 'Internal note' }).fill('Beleg vom Verkäufer');
    const receipt = Buffer.from('Datum;Betrag\n2026-11-01;100,00\n');
    await page
      .locator('form.composer.note input[type=file]')
      .setInputFiles({ name: 'beleg.csv', mimeType: 'text/csv', buffer: receipt });
    await page.getByRole('list', { name: 'Files to send' }).getByText('beleg.csv').waitFor();
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page
      .getByRole('list', { name: 'Messages and notes' })
      .getByRole('listitem')
      .filter({ hasText: 'Beleg vom Verkäufer' });
    await note.getByText('waiting to be sent').first().waitFor();
    await shot(page, '23-offline-attachment');
    const stored = async () =>
      (
        await stack.db.query<{ sha256: string; note: string | null }>(
          `SELECT a.sha256, a.note_id AS note FROM attachments a WHERE a.case_id = $1`,
          [c.id],
        )
      ).rows;
    expect(await stored()).toEqual([]);

    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await synced(page);
    await note.getByRole('button', { name: 'beleg.csv' }).waitFor({ timeout: 30_000 });
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sha256).toBe(sha256(receipt));
    expect(rows[0]!.note).not.toBeNull();
    await note.getByText(`CSV · ${receipt.byteLength} bytes`).waitFor();
  });
});
