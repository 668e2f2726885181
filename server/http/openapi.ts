import { z } from 'zod';
import { ERROR_STATUS } from '../../shared';
import { SERVICE_VERSION } from '../version';
import { jsonSchemaOf, type JsonSchema } from './json-schema';
import { openApiWebhooks } from './openapi-webhooks';
import { ROUTE_CATALOG, type RouteAuth, type RouteEntry } from './route-catalog';

/**
 * The service's OpenAPI 3.1 document, generated from the route catalog — the list the
 * service registers its routes against and the fuzz suite walks — and the zod schemas
 * the handlers validate with. Nothing here is written by hand but the prose around it,
 * so a route, field or rule added to the service shows here without anyone remembering.
 */
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, JsonSchema>;
    schemas: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
  };
};

export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, JsonSchema>;
};

export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

/** Who may call, as OpenAPI security requirements. */
const SECURITY: Record<RouteAuth, Record<string, string[]>[]> = {
  none: [],
  agent: [{ session: [] }],
  admin: [{ session: [] }],
  intake: [{ intakeKey: [] }],
  integration: [{ integrationKey: [] }],
};

const AUTH_NOTE: Record<RouteAuth, string> = {
  none: 'No credentials.',
  agent: 'A signed-in agent (`Authorization: Bearer <token>`).',
  admin: 'An admin (`Authorization: Bearer <token>` of an agent with the role `admin`).',
  intake: 'The help center (`X-Intake-Key`).',
  integration: 'The marketplace (`X-Integration-Key`).',
};

/** The area a path belongs to: `/api/v1/cases/:id/claim` → `cases`. */
export const tagOf = (path: string): string => path.split('/')[3] ?? 'service';

const TAG_DESCRIPTIONS: Record<string, string> = {
  health: 'Whether the service is up.',
  'openapi.json': 'This document.',
  auth: 'Signing in and out.',
  me: 'The signed-in agent.',
  agents: 'Team and accounts (admins change them).',
  audit: 'Account audit trail.',
  intake: 'The help center opens cases and passes messages on.',
  inbound: 'Mail relayed from the mail server.',
  cases: 'Cases and what agents do with them.',
  actions: 'Four-eyes decisions on proposed actions.',
  'external-disputes': 'Disputes filed outside Casedesk.',
  messages: 'Messages already on a case.',
  integration: 'The marketplace connection: deliveries, results, order facts.',
  sync: 'Offline clients: pull, push and pokes.',
};

/** `/api/v1/cases/:id` → `/api/v1/cases/{id}` (OpenAPI's path template). */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** `POST /api/v1/cases/:id/claim` → `postCasesIdClaim`. */
function operationId(r: RouteEntry): string {
  const words = r.path
    .replace(/^\/api\/v1\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [r.method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/** Each property of an object schema as a parameter of one kind. */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): Parameter[] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

const IDEMPOTENCY_KEY: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A retry with the same key and body gets the first answer again; nothing runs twice.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

/** What a route answers: its success, and the contract's error shape for every refusal. */
function responsesOf(r: RouteEntry): Record<string, JsonSchema> {
  const description = r.success === 204 ? 'Done; no body.' : 'Done.';
  const success: JsonSchema = { description };
  if (r.response && r.responseType) {
    // A stream of JSON values (JSON lines): the schema is that of each line.
    success.description = `Done: one JSON value per line, each as described.`;
    success.content = { [r.responseType]: { schema: jsonSchemaOf(r.response, 'output') } };
  } else if (r.response) {
    success.content = { 'application/json': { schema: jsonSchemaOf(r.response, 'output') } };
  } else if (r.responseType) {
    success.content = {
      [r.responseType]: { schema: {} },
      ...(r.jsonTwin ? { 'application/json': { schema: jsonSchemaOf(r.jsonTwin, 'output') } } : {}),
    };
    if (r.jsonTwin)
      success.description = `Done: \`${r.responseType}\`, or with format=json its JSON twin as described.`;
  } else if (r.success !== 204) {
    success.content = { 'application/json': { schema: { type: 'object' } } };
  }
  return { [String(r.success)]: success, '4XX': { $ref: '#/components/responses/Refused' } };
}

function requestBodyOf(r: RouteEntry): Operation['requestBody'] {
  if (r.requestType) {
    return { required: true, content: { [r.requestType]: { schema: {} } } };
  }
  if (!r.body) return undefined;
  return {
    // EmptyBody and the like accept no body at all.
    required: !r.body.safeParse(undefined).success,
    content: { 'application/json': { schema: jsonSchemaOf(r.body, 'input') } },
  };
}

function operationOf(r: RouteEntry): Operation {
  const parameters = [
    ...parametersOf(r.params, 'path'),
    ...parametersOf(r.query, 'query'),
    ...(r.idempotent ? [IDEMPOTENCY_KEY] : []),
  ];
  const requestBody = requestBodyOf(r);
  return {
    operationId: operationId(r),
    summary: r.summary,
    description: AUTH_NOTE[r.auth],
    tags: [tagOf(r.path)],
    security: SECURITY[r.auth],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(r),
  };
}

const ErrorBody = z.object({
  error: z.object({
    code: z.string().meta({
      description: `Stable, snake_case; more may be added. Today: ${Object.keys(ERROR_STATUS).join(', ')}.`,
    }),
    message: z.string().meta({ description: 'For humans; may change.' }),
    details: z.unknown().optional().meta({ description: 'Which fields and why, and the like.' }),
  }),
});

export function buildOpenApiDocument(
  routes: readonly RouteEntry[] = ROUTE_CATALOG,
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const r of routes) {
    const path = openApiPath(r.path);
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: operationOf(r) };
  }
  const tags = [...new Set(routes.map((r) => tagOf(r.path)))].map((name) => ({
    name,
    description: TAG_DESCRIPTIONS[name] ?? '',
  }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Casedesk case service',
      version: SERVICE_VERSION,
      description:
        'The case service of Casedesk, version 1 of its HTTP API. Base path `/api/v1`; JSON in and out. Within version 1 the service only adds fields, values, events and routes: clients ignore what they do not know.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags,
    paths,
    webhooks: openApiWebhooks(),
    components: {
      securitySchemes: {
        session: {
          type: 'http',
          scheme: 'bearer',
          description: 'The token from `POST /api/v1/auth/login`.',
        },
        intakeKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Intake-Key',
          description: 'CASEDESK_INTAKE_KEY, held by the help center.',
        },
        integrationKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Integration-Key',
          description: 'CASEDESK_INTEGRATION_KEY, held by the marketplace.',
        },
      },
      schemas: { Error: jsonSchemaOf(ErrorBody, 'output') },
      responses: {
        Refused: {
          description: 'Refused; nothing changed. The status and `error.code` say why.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
