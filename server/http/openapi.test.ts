import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { INTEGRATION_EVENT_TYPES } from '../../shared';
import { createAccount } from '../testing/accounts';
import { escalation, TEST_INTAKE_KEY } from '../testing/test-service';
import { startTestService, type TestService } from '../testing/test-service';
import { API_REFERENCE_PATH, apiReferencePage } from './api-reference-page';
import { buildOpenApiDocument, openApiPath, type OpenApiDocument } from './openapi';
import { ROUTE_CATALOG } from './route-catalog';

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

/** Every operation of the document as `METHOD /path/{template}`. */
function documentedOperations(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    METHODS.filter((m) => ops[m]).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

async function validate(doc: unknown) {
  // A validator per document: it keeps the last one it read.
  return new Validator().validate(structuredClone(doc) as never);
}

describe('the OpenAPI document', () => {
  let svc: TestService;
  let served: OpenApiDocument;
  beforeAll(async () => {
    svc = await startTestService('pglite');
    const res = await svc.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    served = res.json();
  });
  afterAll(() => svc.close());

  it('is served without a token and is the one generated from the route catalog', () => {
    expect(served).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(served.openapi).toBe('3.1.0');
    const res = await validate(served);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
  });

  it('would be refused as OpenAPI 3.1 with a parameter in a place OpenAPI 3 has not', async () => {
    const spoiled = structuredClone(served);
    spoiled.paths['/api/v1/cases/{id}/claim']!.post!.parameters![0]!.in = 'body' as never;
    expect((await validate(spoiled)).valid).toBe(false);
  });

  it('documents every API route the service registers', () => {
    const documented = new Set(documentedOperations(served));
    const registered = svc.app
      .registeredRoutes()
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(registered.length).toBeGreaterThan(40);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('documents only routes that answer (none is 404 or 405)', async () => {
    const operations = documentedOperations(served);
    expect(operations.length).toBeGreaterThan(40);
    const notAnswering: string[] = [];
    for (const op of operations) {
      const [method, template] = op.split(' ') as [string, string];
      // No credentials: a route that exists refuses with 400 or 401, never 404 or 405.
      const url = template.replace(/\{[^}]+\}/g, 'no-such-id');
      const res = await svc.app.inject({
        method: method as 'GET',
        url,
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      if (res.statusCode === 404 || res.statusCode === 405 || res.statusCode >= 500) {
        notAnswering.push(`${op} → ${res.statusCode}`);
      }
    }
    expect(notAnswering).toEqual([]);
    // And a route that does not exist would have been caught.
    const missing = await svc.app.inject({ method: 'POST', url: '/api/v1/cases/x/no-such-verb' });
    expect(missing.statusCode).toBe(404);
  });

  it('describes the request bodies the service validates, in input form', () => {
    const actions = served.paths['/api/v1/cases/{id}/actions']!.post!;
    const body = actions.requestBody!.content['application/json']!.schema;
    expect((body.oneOf as unknown[]).length).toBe(4);
    const escalation = served.paths['/api/v1/intake/escalations']!.post!;
    expect(escalation.security).toEqual([{ intakeKey: [] }]);
    const orderedAt = (
      (escalation.requestBody!.content['application/json']!.schema.properties as never)[
        'order'
      ] as {
        anyOf: { properties: Record<string, { format: string }> }[];
      }
    ).anyOf[0]!.properties['orderedAt']!;
    // A Timestamp takes any offset from the client, so its input form is what counts.
    expect(orderedAt.format).toBe('date-time');
  });

  it('carries every integration event type as a webhook with its data schema', () => {
    expect(Object.keys(served.webhooks).sort()).toEqual([...INTEGRATION_EVENT_TYPES].sort());
    const refund = served.webhooks['refund.requested']!.post!;
    const schema = refund.requestBody!.content['application/json']!.schema as {
      properties: Record<string, { const?: string; properties?: Record<string, unknown> }>;
    };
    expect(schema.properties['type']!.const).toBe('refund.requested');
    expect(Object.keys(schema.properties['data']!.properties!)).toContain('action');
    expect(refund.parameters!.map((p) => p.name)).toEqual([
      'Casedesk-Event-Id',
      'Casedesk-Signature',
    ]);
  });

  it('describes the answers the service really gives, with the schemas the document is made from', async () => {
    const checked = new Set<string>();
    const answered = (method: string, path: string, res: LightMyRequestResponse) => {
      const entry = ROUTE_CATALOG.find((r) => r.method === method && r.path === path);
      expect(entry, `${method} ${path} in the catalog`).toBeDefined();
      expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(entry!.success);
      expect(entry!.response, `${method} ${path} documents its answer`).toBeDefined();
      const parsed = entry!.response!.safeParse(res.json());
      expect(parsed.error?.issues ?? [], `${method} ${path}`).toEqual([]);
      checked.add(`${method} ${path}`);
      return res.json();
    };
    const intake = { 'x-intake-key': TEST_INTAKE_KEY };
    // Room for a refund within an agent's limit and one above it that needs approval.
    const e = escalation({ language: 'de' });
    const bigOrder = {
      ...e,
      order: { ...e.order!, amountPaid: { amount: 900_00, currency: 'EUR' } },
    };
    const inject = (method: 'GET' | 'POST', url: string, payload?: unknown, headers = {}) =>
      svc.app.inject({ method, url, payload: payload as never, headers });

    answered('GET', '/api/v1/health', await inject('GET', '/api/v1/health'));
    answered(
      'POST',
      '/api/v1/auth/login',
      await inject('POST', '/api/v1/auth/login', {
        email: 'lena@demo.casedesk',
        password: 'casedesk-demo',
      }),
    );
    const lena = await svc.login('lena');
    const ana = await svc.login('ana');
    answered('GET', '/api/v1/me', await lena.get('/api/v1/me'));
    answered(
      'POST',
      '/api/v1/me/presence',
      await ana.post('/api/v1/me/presence', { available: true, channels: ['chat'] }),
    );
    // A lead sees the team with open cases, an agent the directory: both are described.
    answered('GET', '/api/v1/agents', await lena.get('/api/v1/agents'));
    answered('GET', '/api/v1/agents', await ana.get('/api/v1/agents'));
    answered('GET', '/api/v1/agents/:id', await ana.get(`/api/v1/agents/${lena.agent.id}`));
    answered(
      'GET',
      '/api/v1/intake/contact-options',
      await inject('GET', '/api/v1/intake/contact-options?language=de', undefined, intake),
    );
    const c = answered(
      'POST',
      '/api/v1/intake/escalations',
      await inject('POST', '/api/v1/intake/escalations', bigOrder, intake),
    ) as { id: string };
    const on = (verb: string) => `/api/v1/cases/${c.id}/${verb}`;
    answered('POST', '/api/v1/cases/:id/claim', await ana.post(on('claim')));
    answered(
      'POST',
      '/api/v1/cases/:id/priority',
      await ana.post(on('priority'), { priority: 'high' }),
    );
    answered(
      'POST',
      '/api/v1/cases/:id/messages',
      await ana.post(on('messages'), { to: 'buyer', body: 'Hallo' }),
    );
    answered('POST', '/api/v1/cases/:id/notes', await ana.post(on('notes'), { body: 'Checked.' }));
    answered(
      'POST',
      '/api/v1/cases/:id/actions',
      await ana.post(on('actions'), {
        type: 'refund',
        amount: { amount: 10_00, currency: 'EUR' },
        reason: 'Damaged',
      }),
    );
    const proposal = answered(
      'POST',
      '/api/v1/cases/:id/actions',
      await ana.post(on('actions'), {
        type: 'refund',
        amount: { amount: 600_00, currency: 'EUR' },
        reason: 'Damaged',
      }),
    ) as { id: string };
    answered(
      'POST',
      '/api/v1/actions/:id/approve',
      await lena.post(`/api/v1/actions/${proposal.id}/approve`),
    );
    answered(
      'POST',
      '/api/v1/cases/:id/external-disputes',
      await ana.post(on('external-disputes'), {
        body: 'De Geschillencommissie',
        reference: 'GC-2026-0042',
        filedAt: '2026-11-20T09:00:00+01:00',
        status: 'filed',
        notes: 'Buyer filed for binding advice.',
      }),
    );
    answered('GET', '/api/v1/cases/:id', await ana.get(`/api/v1/cases/${c.id}`));
    answered('GET', '/api/v1/cases', await lena.get('/api/v1/cases?limit=5'));
    answered(
      'POST',
      '/api/v1/cases/:id/resolve',
      await ana.post(on('resolve'), { summary: 'Refunded.' }),
    );
    answered('POST', '/api/v1/cases/:id/reopen', await ana.post(on('reopen')));
    answered('GET', '/api/v1/sync/pull', await ana.get('/api/v1/sync/pull?limit=200'));
    answered(
      'POST',
      '/api/v1/sync/push',
      await ana.post('/api/v1/sync/push', {
        mutations: [
          {
            id: crypto.randomUUID(),
            op: 'case.note',
            args: { caseId: c.id, body: 'From the outbox.' },
          },
        ],
      }),
    );
    const admin = await createAccount(svc, { roles: ['admin'], languages: [], name: 'Ada Admin' });
    answered(
      'POST',
      '/api/v1/agents',
      await admin.post('/api/v1/agents', {
        name: 'Nova New',
        email: `nova-${Date.now()}@demo.casedesk`,
        roles: ['agent'],
        languages: ['de'],
        refundLimit: { amount: 100_00, currency: 'EUR' },
      }),
    );
    answered('GET', '/api/v1/audit/accounts', await admin.get('/api/v1/audit/accounts?limit=5'));
    expect(checked.size).toBeGreaterThanOrEqual(23);
  });

  it('would notice an answer that drifted from its schema', () => {
    const claim = ROUTE_CATALOG.find((r) => r.path === '/api/v1/cases/:id/claim')!;
    expect(claim.response!.safeParse({ id: 'x', status: 'open' }).success).toBe(false);
  });

  it('is what docs/api.md shows (run npm run docs:api after changing routes or schemas)', async () => {
    expect(readFileSync(API_REFERENCE_PATH, 'utf8')).toBe(await apiReferencePage());
  });
});
