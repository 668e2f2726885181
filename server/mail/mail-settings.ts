/** How this service sends mail (from CASEDESK_SMTP_URL and friends); absent, it sends none. */
export interface MailSettings {
  /** `smtp://host:port` or `smtps://user:pass@host:port`. */
  smtpUrl: string;
  /** The From of every mail, e.g. `Support <support@example.com>`. */
  from: string;
  /** Replies go to `reply+<token>@<replyDomain>`; null: no Reply-To, replies match by subject. */
  replyDomain: string | null;
  /** First retry delay; doubled each try with jitter, capped at an hour. */
  retryBaseMs: number;
}

/** The domain our Message-IDs are minted under: the reply domain, else the From's domain. */
export function messageIdDomain(settings: Pick<MailSettings, 'from' | 'replyDomain'>): string {
  if (settings.replyDomain) return settings.replyDomain;
  const m = /@([A-Za-z0-9.-]+)/.exec(settings.from);
  return m?.[1] ?? 'casedesk.invalid';
}
