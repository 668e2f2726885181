import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { MailSettings } from './mail/mail-settings';
import type { OidcSettings } from './services/single-sign-on';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4870),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must be a postgres:// URL (leave it unset for the embedded database)',
    )
    .optional(),
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  CASEDESK_DATA_DIR: z.string().min(1).optional(),
  CASEDESK_SEED: z.enum(['demo', 'none']).optional(),
  CASEDESK_SEED_NUMBER: z.coerce.number().int().min(0).default(1),
  CASEDESK_INTAKE_KEY: z.string().min(1).max(500).optional(),
  CASEDESK_WEB_ROOT: z.string().min(1).optional(),
  CASEDESK_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  CASEDESK_WEBHOOK_SECRET: z.string().min(1).max(1000).optional(),
  CASEDESK_INTEGRATION_KEY: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(500)
    .optional(),
  CASEDESK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must be smtp://host:port or smtps://user:pass@host:port')
    .optional(),
  CASEDESK_MAIL_FROM: z.string().min(3).max(500).optional(),
  CASEDESK_REPLY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'must be a domain')
    .optional(),
  CASEDESK_OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'must be the provider’s https:// issuer URL' })
    .optional(),
  CASEDESK_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  CASEDESK_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  CASEDESK_SECOND_FACTOR_KEY: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)')
    .max(1000)
    .optional(),
  CASEDESK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
  CASEDESK_TRUST_PROXY: z
    .string()
    .transform((v) => v.split(',').map((p) => p.trim()))
    .refine((list) => list.every(isAddressOrRange), {
      message:
        'must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.5,192.168.0.0/16',
    })
    .optional(),
  CASEDESK_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

/** `10.0.0.5`, `::1`, `10.0.0.0/8` or `fd00::/8`: what proxy-addr (Fastify's trustProxy) takes. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The intake key of a demo service when none is configured; never used without demo data. */
export const DEMO_INTAKE_KEY = 'casedesk-demo-intake';

export interface Config {
  port: number;
  host: string;
  database:
    | {
        kind: 'postgres';
        url: string;
        /**
         * The schema owner's URL (DATABASE_MIGRATION_URL): migrations run as it, and
         * DATABASE_URL's role gets only row privileges. Null: one role does both.
         */
        migrationUrl: string | null;
      }
    | { kind: 'pglite'; dataDir: string };
  seed: 'demo' | null;
  seedNumber: number;
  /** Without a key, intake is closed: every intake call is 401. */
  intakeKey: string | null;
  logLevel: string;
  /** Where integration events go and the secrets that sign them; null: actions execute at once. */
  webhook: { url: string; secrets: string[] } | null;
  /** What the marketplace sends as X-Integration-Key; null: its endpoints answer 401. */
  integrationKey: string | null;
  /** First retry delay of webhook (and mail) deliveries, doubled each try. */
  retryBaseMs: number;
  /**
   * The proxies whose `X-Forwarded-For` is believed (addresses or CIDR ranges); empty:
   * never, so a client cannot pick its own address for the per-address login limit.
   */
  trustProxy: string[];
  /** The built workspace to serve at `/` (`npm run build` writes it to out/renderer). */
  webRoot: string;
  /** Null without CASEDESK_SMTP_URL: nothing is mailed and messages say so. */
  mail: MailSettings | null;
  /** Null without CASEDESK_OIDC_ISSUER: passwords only. */
  oidc: OidcSettings | null;
  /** Seals TOTP secrets in the database; null: they are stored as they are. */
  secondFactorKey: string | null;
}

export class ConfigError extends Error {}

/** Reads the environment; a bad value throws a ConfigError with a one-line reason. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(blankless);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid configuration: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const e = parsed.data;
  const secrets = (e.CASEDESK_WEBHOOK_SECRET ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (e.CASEDESK_WEBHOOK_URL && secrets.length === 0) {
    throw new ConfigError(
      'invalid configuration: CASEDESK_WEBHOOK_SECRET must be set when CASEDESK_WEBHOOK_URL is',
    );
  }
  if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'invalid configuration: DATABASE_MIGRATION_URL needs DATABASE_URL (the embedded database has one role)',
    );
  }
  if (e.CASEDESK_OIDC_ISSUER && !(e.CASEDESK_OIDC_CLIENT_ID && e.CASEDESK_OIDC_CLIENT_SECRET)) {
    throw new ConfigError(
      'invalid configuration: CASEDESK_OIDC_CLIENT_ID and CASEDESK_OIDC_CLIENT_SECRET must be set with CASEDESK_OIDC_ISSUER',
    );
  }
  if (e.CASEDESK_SMTP_URL && !e.CASEDESK_MAIL_FROM) {
    throw new ConfigError(
      'invalid configuration: CASEDESK_MAIL_FROM is required with CASEDESK_SMTP_URL',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, migrationUrl: e.DATABASE_MIGRATION_URL ?? null }
      : { kind: 'pglite', dataDir: path.resolve(e.CASEDESK_DATA_DIR ?? '.data/casedesk') },
    seed: e.CASEDESK_SEED === 'demo' ? 'demo' : null,
    seedNumber: e.CASEDESK_SEED_NUMBER,
    intakeKey: e.CASEDESK_INTAKE_KEY ?? (e.CASEDESK_SEED === 'demo' ? DEMO_INTAKE_KEY : null),
    logLevel: e.CASEDESK_LOG_LEVEL,
    webhook: e.CASEDESK_WEBHOOK_URL ? { url: e.CASEDESK_WEBHOOK_URL, secrets } : null,
    integrationKey: e.CASEDESK_INTEGRATION_KEY ?? null,
    retryBaseMs: e.CASEDESK_RETRY_BASE_MS,
    trustProxy: e.CASEDESK_TRUST_PROXY ?? [],
    webRoot: path.resolve(e.CASEDESK_WEB_ROOT ?? path.join(REPO_ROOT, 'out/renderer')),
    mail:
      e.CASEDESK_SMTP_URL && e.CASEDESK_MAIL_FROM
        ? {
            smtpUrl: e.CASEDESK_SMTP_URL,
            from: e.CASEDESK_MAIL_FROM,
            replyDomain: e.CASEDESK_REPLY_DOMAIN ?? null,
            retryBaseMs: e.CASEDESK_RETRY_BASE_MS,
          }
        : null,
    oidc:
      e.CASEDESK_OIDC_ISSUER && e.CASEDESK_OIDC_CLIENT_ID && e.CASEDESK_OIDC_CLIENT_SECRET
        ? {
            issuer: e.CASEDESK_OIDC_ISSUER,
            clientId: e.CASEDESK_OIDC_CLIENT_ID,
            clientSecret: e.CASEDESK_OIDC_CLIENT_SECRET,
          }
        : null,
    secondFactorKey: e.CASEDESK_SECOND_FACTOR_KEY ?? null,
  };
}
