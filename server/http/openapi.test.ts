import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_EVENT_TYPES } from '../../shared';
import { startTestService, type TestService } from '../testing/test-service';
import { API_REFERENCE_PATH, apiReferencePage } from './api-reference-page';
import { buildOpenApiDocument, openApiPath, type OpenApiDocument } from './openapi';

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

  it('is what docs/api.md shows (run npm run docs:api after changing routes or schemas)', async () => {
    expect(readFileSync(API_REFERENCE_PATH, 'utf8')).toBe(await apiReferencePage());
  });
});
