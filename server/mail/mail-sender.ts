import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import type { MailEnvelope } from './compose-mail';
import type { MailSettings } from './mail-settings';
import {
  MAIL_CHANNEL,
  claimDueMail,
  recordFailure,
  recordSent,
  type OutboxRow,
} from './mail-outbox';
import { retryDelayMs } from './retry-delay';
import { databaseAttachmentStore, type AttachmentStore } from '../attachments/attachment-store';

export interface MailSenderOptions {
  /** How often to look for due mail when nothing wakes the sender. */
  pollMs?: number;
  /**
   * How long a claim holds a mail. Longer than the SMTP timeouts below, so a live sender
   * never loses its claim mid-send; a dead one's mails are picked up after it.
   */
  leaseMs?: number;
  batchSize?: number;
  /** Tests only: runs between a successful send and recording it (a crash there resends). */
  afterSend?: (row: OutboxRow) => Promise<void>;
  /** Where the files of a mail are read from; the database unless told otherwise. */
  attachmentStore?: AttachmentStore;
}

const SMTP_TIMEOUT_MS = 60_000;

interface SmtpError extends Error {
  responseCode?: number;
}

/** A permanent refusal (5xx, e.g. no such mailbox) will not change by retrying for a day. */
const isPermanent = (err: SmtpError) =>
  typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;

/**
 * Sends the queued mail. Every service instance runs one: each claims due rows in a short
 * transaction (so instances never claim the same row), sends with no transaction open,
 * then records the outcome in a new transaction.
 */
export class MailSender {
  private readonly transport: Transporter;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly settings: MailSettings,
    private readonly log: FastifyBaseLogger,
    private readonly opts: MailSenderOptions = {},
  ) {
    this.transport = createTransport({
      url: settings.smtpUrl,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
    this.pollMs = opts.pollMs ?? Math.min(1_000, settings.retryBaseMs);
    this.batchSize = opts.batchSize ?? 5;
    // A batch is sent one mail after another, each bounded by the three SMTP timeouts.
    this.leaseMs = opts.leaseMs ?? this.batchSize * 4 * SMTP_TIMEOUT_MS;
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(MAIL_CHANNEL, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops claiming and waits for the mail in hand to be sent and recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.().catch(() => undefined);
    await this.running;
    this.transport.close();
  }

  /** Runs a round now, or right after the one under way. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.log.error({ err }, 'mail sender round failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** One sender round: claim and send batches until nothing is due. For tests, too. */
  async drain(): Promise<void> {
    while (!this.stopped) {
      const now = new Date();
      const claimed = await this.db.transaction((tx) =>
        claimDueMail(tx, now, this.leaseMs, this.batchSize),
      );
      if (claimed.length === 0) return;
      for (const row of claimed) await this.deliver(row);
    }
  }

  /** The mail's files, read outside any transaction (the claim is already committed). */
  private async filesOf(e: MailEnvelope): Promise<Pick<SendMailOptions, 'attachments'>> {
    if (!e.attachments?.length) return {};
    const store = this.opts.attachmentStore ?? databaseAttachmentStore;
    const attachments = [];
    for (const a of e.attachments) {
      const bytes = await store.load(this.db, a.id);
      if (!bytes) throw new MissingAttachment(`the attachment "${a.filename}" is missing`);
      attachments.push({ filename: a.filename, contentType: a.contentType, content: bytes });
    }
    return { attachments };
  }

  private async deliver(row: OutboxRow): Promise<void> {
    let failure: SmtpError | null = null;
    try {
      const files = await this.filesOf(row.envelope);
      await this.transport.sendMail({ ...toNodemailer(row.envelope, row.queued_at), ...files });
    } catch (err) {
      failure = err as SmtpError;
    }
    if (!failure) {
      await this.opts.afterSend?.(row);
      const recorded = await this.db.transaction((tx) => recordSent(tx, row, new Date()));
      if (!recorded)
        this.log.warn({ messageId: row.message_id }, 'mail sent after its claim ran out');
      return;
    }
    const reason = `${failure.message}`.slice(0, 500);
    const outcome = await this.db.transaction((tx) =>
      recordFailure(tx, row, new Date(), reason, {
        retryInMs: retryDelayMs(row.attempts, this.settings.retryBaseMs),
        permanent: isPermanent(failure),
      }),
    );
    this.log.warn(
      { messageId: row.message_id, attempts: row.attempts, outcome, reason },
      'mail not sent',
    );
  }
}

/** A file whose bytes are gone cannot be sent; retrying will not bring it back. */
class MissingAttachment extends Error {
  readonly responseCode = 550;
}

function toNodemailer(e: MailEnvelope, queuedAt: Date): SendMailOptions {
  return {
    from: e.from,
    to: e.to,
    subject: e.subject,
    text: e.text,
    html: e.html,
    messageId: e.messageId,
    ...(e.replyTo ? { replyTo: e.replyTo } : {}),
    ...(e.inReplyTo ? { inReplyTo: e.inReplyTo } : {}),
    ...(e.references.length ? { references: e.references } : {}),
    // Written when the agent sent it, also on a retry hours later.
    date: new Date(queuedAt),
  };
}
