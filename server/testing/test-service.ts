import type { OidcSettings } from '../services/single-sign-on';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Agent, Case, IntakeRequest } from '../../shared';
import { buildApp } from '../app';
import type { MailSenderOptions } from '../mail/mail-sender';
import type { MailSettings } from '../mail/mail-settings';
import type { Database, DatabaseKind } from '../db/database';
import { createDemoAccounts, DEMO_PASSWORD } from '../seed/accounts';
import type { IntegrationOptions } from '../integration/register-integration';
import type { RestrictionExpiryOptions } from '../services/restriction-expiry';
import { openTestDatabase } from './test-databases';

export const TEST_INTAKE_KEY = 'test-intake-key-0123456789';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Session {
  token: string;
  agent: Agent;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestService {
  app: FastifyInstance;
  db: Database;
  kind: DatabaseKind;
  url?: string;
  agentIds: Map<string, string>;
  login(name: 'ana' | 'marco' | 'tess' | 'tom' | 'lena'): Promise<Session>;
  /** Signs in any account; throws unless the service answers 200. */
  signIn(email: string, password: string): Promise<Session>;
  /** A session for a token the caller got some other way (an invitation, single sign-on). */
  sessionOf(token: string, agent: Agent): Session;
  intake(overrides?: Partial<IntakeRequest>, headers?: Record<string, string>): Promise<Case>;
  close(): Promise<void>;
}

let counter = 0;

/** A valid escalation; every call gets its own buyer, order and seller unless told otherwise. */
export function escalation(overrides: Partial<IntakeRequest> = {}): IntakeRequest {
  const n = ++counter;
  return {
    buyer: {
      externalId: `buyer-${n}-${Date.now()}`,
      name: `Buyer ${n}`,
      email: `buyer${n}@example.com`,
      language: 'de',
      country: 'DE',
    },
    order: {
      externalId: `order-${n}-${Date.now()}`,
      lotId: `lot-${n}`,
      lotTitle: `Art Deco bronze figure #${n}`,
      category: 'Sculpture',
      amountPaid: { amount: 100_00, currency: 'EUR' },
      shippingStatus: 'shipped',
      orderedAt: '2026-11-01T10:00:00Z',
      shippedAt: '2026-11-03T10:00:00Z',
      trackingNumber: `TRK${n}`,
      seller: { externalId: `seller-${n}`, name: `Seller ${n}`, country: 'NL' },
    },
    topic: 'item_not_received',
    question: 'Mein Paket ist nicht angekommen.',
    aiAnswer: {
      text: 'Bitte warten Sie noch einige Tage.',
      articleIds: ['kb-1'],
      rating: 'not_helpful',
    },
    contactedSellerFirst: true,
    sellerReply: 'Ich habe es verschickt.',
    channel: 'email',
    language: 'de',
    ...overrides,
  };
}

export interface TestServiceOptions {
  /** A webhook, integration key and retry timing, as the environment would configure them. */
  integration?: IntegrationOptions;
  mail?: MailSettings;
  mailSender?: MailSenderOptions;
  /** Proxies whose X-Forwarded-For is believed (CASEDESK_TRUST_PROXY). */
  trustProxy?: string[];
  /** Single sign-on (CASEDESK_OIDC_*). */
  oidc?: OidcSettings;
  /** Seals TOTP secrets (CASEDESK_SECOND_FACTOR_KEY). */
  secondFactorKey?: string;
  /** When the expiry worker looks for restrictions past their end, and by which clock. */
  restrictionExpiry?: RestrictionExpiryOptions;
}

export async function startTestService(
  kind: DatabaseKind,
  opts: TestServiceOptions = {},
): Promise<TestService> {
  const { db, drop, url } = await openTestDatabase(kind);
  const agentIds = await createDemoAccounts(db);
  const app = buildApp({ db, intakeKey: TEST_INTAKE_KEY, ...opts });
  await app.ready();

  const session = (token: string, agent: Agent): Session => {
    const request = (
      method: Method,
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    return {
      token,
      agent,
      request,
      get: (url) => request('GET', url),
      post: (url, body, headers) => request('POST', url, body, headers),
    };
  };

  const signIn = async (email: string, password: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
    const { token, agent } = res.json<{ token: string; agent: Agent }>();
    return session(token, agent);
  };

  return {
    app,
    db,
    kind,
    url,
    agentIds,
    login: (name) => signIn(`${name}@demo.casedesk`, DEMO_PASSWORD),
    signIn,
    sessionOf: session,
    async intake(overrides = {}, headers = {}) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/intake/escalations',
        headers: { 'x-intake-key': TEST_INTAKE_KEY, ...headers },
        payload: escalation(overrides),
      });
      if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
      return res.json<Case>();
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
