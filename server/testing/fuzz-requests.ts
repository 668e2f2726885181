import fc from 'fast-check';
import { z } from 'zod';
import { MUTATION_OPS } from '../../shared';
import { ROUTE_CATALOG, SYNC_OP_CATALOG, type RouteEntry } from '../http/route-catalog';
import { TEST_INTAKE_KEY, type TestService } from './test-service';

/**
 * Property-based requests for every catalogued route and every sync op, generated from
 * the same zod schemas the service validates with, then sometimes spoiled with hostile
 * values. The service must never answer 5xx, must answer every 4xx in the contract's
 * error shape, and must still answer afterwards.
 */

type Json = unknown;
type JsonSchema = Record<string, unknown>;

/** Deep nesting is spliced into the serialised body: JSON.stringify would overflow on it. */
const DEEP = '"\u2063DEEP\u2063"';
const deepText = (n: number) => '['.repeat(n) + ']'.repeat(n);

const HOSTILE: Json[] = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDC00tail',
  'x'.repeat(100_000),
  '',
  ' ',
  '%ZZ',
  '0000-01-01T00:00:00Z',
  '2027-06-01T10:00:00+20:00',
  '9999-12-31T23:59:59-05:00',
  '+275760-09-13T00:00:00.000Z',
  '1',
  2 ** 63,
  -(2 ** 63),
  1e300,
  -1e300,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  0,
  0.5,
  true,
  null,
  [],
  {},
  [1, 'a', null],
  { __proto__: null, constructor: { prototype: { polluted: true } } },
  JSON.parse('{"__proto__":{"polluted":true}}') as Json,
  DEEP,
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

export interface FuzzIds {
  caseIds: string[];
  actionIds: string[];
  disputeIds: string[];
  agentIds: string[];
}

function arbitraryFor(schema: JsonSchema, depth = 0): fc.Arbitrary<Json> {
  if (depth > 8) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as Json[]));
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union) return fc.oneof(...union.map((s) => arbitraryFor(s, depth + 1)));
  if (Array.isArray(schema.allOf)) {
    return fc
      .tuple(...(schema.allOf as JsonSchema[]).map((s) => arbitraryFor(s, depth + 1)))
      .map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
  }
  if (Array.isArray(schema.type)) {
    return fc.oneof(
      ...(schema.type as string[]).map((t) => arbitraryFor({ ...schema, type: t }, depth)),
    );
  }
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      // fast-check's RFC addresses include forms the service's (zod's) check refuses.
      if (schema.format === 'email')
        return fc
          .tuple(
            fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,15}$/),
            fc.stringMatching(/^[a-z]{1,12}$/),
          )
          .map(([local, host]) => `${local.replace(/\.+$/, '')}@${host}.example`);
      if (schema.format === 'uuid') return fc.uuid();
      if (typeof schema.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(schema.pattern));
        } catch {
          // fall through to plain strings
        }
      }
      const minLength = (schema.minLength as number | undefined) ?? 0;
      const maxLength = Math.min((schema.maxLength as number | undefined) ?? 40, minLength + 40);
      return fc.string({ minLength, maxLength, unit: 'grapheme' });
    }
    case 'integer': {
      const min =
        (schema.minimum as number | undefined) ??
        ((schema.exclusiveMinimum as number | undefined) ?? -1e6 - 1) + 1;
      const max = (schema.maximum as number | undefined) ?? 1e6;
      return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
    }
    case 'number':
      return fc.double({
        min: (schema.minimum as number | undefined) ?? -1e6,
        max: (schema.maximum as number | undefined) ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      return fc.array(arbitraryFor(items, depth + 1), {
        minLength: (schema.minItems as number | undefined) ?? 0,
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 3, 3),
      });
    }
    case 'object': {
      const props = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
      const required = (schema.required as string[] | undefined) ?? [];
      return fc.record(
        Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arbitraryFor(s, depth + 1)])),
        { requiredKeys: required.filter((k) => k in props) },
      );
    }
  }
  return fc.jsonValue({ maxDepth: 2 });
}

const toJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Every path to a value inside `v` (iteratively; the values here are shallow anyway). */
function paths(v: Json): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  const stack: { v: Json; p: (string | number)[] }[] = [{ v, p: [] }];
  while (stack.length) {
    const { v: cur, p } = stack.pop()!;
    if (cur && typeof cur === 'object') {
      for (const [k, child] of Object.entries(cur)) {
        const next = [...p, Array.isArray(cur) ? Number(k) : k];
        out.push(next);
        stack.push({ v: child, p: next });
      }
    }
  }
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  Object.defineProperty(cur, path[path.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A valid value, or the same with one place spoiled, a prototype key added, or replaced. */
function spoiled(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc
    .tuple(
      valid,
      fc.constantFrom('none', 'none', 'leaf', 'leaf', 'key', 'whole'),
      fc.nat(),
      fc.constantFrom(...HOSTILE),
      fc.constantFrom(...PROTO_KEYS),
    )
    .map(([v, how, n, hostile, protoKey]) => {
      if (how === 'none') return v;
      if (how === 'whole') return hostile;
      const all = paths(v);
      const at = all[n % all.length]!;
      if (how === 'leaf') return setAt(v, at, hostile);
      const containers = all.filter((p) => {
        let cur: Json = v;
        for (const k of p) cur = (cur as Record<string | number, Json>)[k];
        return cur !== null && typeof cur === 'object' && !Array.isArray(cur);
      });
      if (containers.length === 0) return v;
      return setAt(v, [...containers[n % containers.length]!, protoKey], hostile);
    });
}

/** What PostgreSQL cannot store in text or jsonb, spliced into an otherwise valid string. */
const TAINTS = ['\u0000', '\uD800', '\uDC00'];

/**
 * A valid value with one string inside it tainted, everything else left valid: the
 * request gets past every check but the one for the taint itself, so a service that
 * lost that check would carry the taint to the database (and answer 5xx).
 */
function tainted(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(valid, fc.nat(), fc.constantFrom(...TAINTS)).map(([v, n, taint]) => {
    const strings = paths(v).filter((p) => {
      let cur: Json = v;
      for (const k of p) cur = (cur as Record<string | number, Json>)[k];
      return typeof cur === 'string';
    });
    if (strings.length === 0) return v;
    const at = strings[n % strings.length]!;
    let cur: Json = v;
    for (const k of at) cur = (cur as Record<string | number, Json>)[k];
    const text = cur as string;
    const cut = n % (text.length + 1);
    return setAt(v, at, text.slice(0, cut) + taint + text.slice(cut));
  });
}

/** Puts real ids where the schema wants ids, most of the time, so requests get past 404. */
function withRealIds(v: Json, ids: FuzzIds, pick: number): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = { ...(v as Record<string, Json>) };
  const from: Record<string, string[]> = {
    caseId: ids.caseIds,
    actionId: ids.actionIds,
    disputeId: ids.disputeIds,
    agentId: ids.agentIds,
  };
  for (const [k, pool] of Object.entries(from)) {
    if (k in o && typeof o[k] === 'string' && pick % 4 !== 0) o[k] = pool[pick % pool.length]!;
  }
  return o;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  label: string;
  /** Valid by the schema and authorised: expected to pass validation. */
  clean: boolean;
}

function serialise(body: Json): string {
  return JSON.stringify(body).split(DEEP).join(deepText(100_000));
}

const PATH_ID_HOSTILE = ['%00', '%ZZ', '%uD800', 'x'.repeat(150), '..%2F..', '%E0%A4%A', '0', '-1'];

function idFor(route: RouteEntry, ids: FuzzIds, n: number, clean: boolean): string {
  const pool = route.path.startsWith('/api/v1/actions')
    ? ids.actionIds
    : route.path.startsWith('/api/v1/external-disputes')
      ? ids.disputeIds
      : route.path.startsWith('/api/v1/agents')
        ? ids.agentIds
        : ids.caseIds;
  if (!clean && n % 5 === 0) return PATH_ID_HOSTILE[n % PATH_ID_HOSTILE.length]!;
  return encodeURIComponent(pool[n % pool.length]!);
}

export interface Credentials {
  tokens: string[];
  /** The service's CASEDESK_INTEGRATION_KEY, if it has one. */
  integrationKey?: string;
}

function authHeaders(
  route: RouteEntry,
  creds: Credentials,
  n: number,
  clean: boolean,
): Record<string, string> {
  const wrong = !clean && n % 7 === 0;
  if (route.auth === 'intake') return { 'x-intake-key': wrong ? 'nope\u00ff' : TEST_INTAKE_KEY };
  if (route.auth === 'integration')
    return { 'x-integration-key': wrong ? 'nope' : (creds.integrationKey ?? 'unset') };
  if (route.auth === 'none') return {};
  return {
    authorization: wrong ? 'Bearer forged' : `Bearer ${creds.tokens[n % creds.tokens.length]!}`,
  };
}

/**
 * Requests for one route: path ids, query, body and headers. A third are clean — valid by
 * the schema, authorised, real ids, nothing spoiled — so they pass validation and reach
 * the business rules behind it; the rest are spoiled somewhere.
 */
export function requestsFor(
  route: RouteEntry,
  ids: FuzzIds,
  creds: Credentials,
): fc.Arbitrary<FuzzRequest> {
  const validBody = route.body ? arbitraryFor(toJsonSchema(route.body)) : fc.constant(undefined);
  const validQuery = route.query
    ? arbitraryFor(toJsonSchema(route.query))
    : fc.constant<Json>(undefined);
  const spoiledParts = fc.tuple(
    route.body ? spoiled(validBody) : fc.constant(undefined),
    route.query
      ? spoiled(validQuery)
      : fc.constantFrom<Json>(undefined, undefined, { x: '\u0000' }),
    fc.constant(false),
  );
  const cleanParts = fc.tuple(validBody, validQuery, fc.constant(true));
  // Valid and authorised but for one tainted string, in the body or else the query.
  const taintedParts = route.body
    ? fc.tuple(tainted(validBody), validQuery, fc.constant('tainted' as const))
    : fc.tuple(validBody, tainted(validQuery), fc.constant('tainted' as const));
  return fc
    .tuple(
      fc.oneof(
        { arbitrary: cleanParts, weight: 2 },
        { arbitrary: taintedParts, weight: 1 },
        { arbitrary: spoiledParts, weight: 3 },
      ),
      fc.nat(),
      fc.option(fc.constantFrom('key-1', 'k'.repeat(300), 'dup'), { nil: undefined }),
      fc.uuid(),
    )
    .map(([[b, q, mode], n, idem, fresh]) => {
      const clean = mode === true;
      // Tainted requests are otherwise clean: real ids, real credentials, their own key.
      const authorised = mode !== false;
      // The Account view's party kind is an enum; its external id gets an id from the pools.
      let url = route.path
        .replace(':kind', n % 2 ? 'buyer' : 'seller')
        .replace(/:\w+/, () => idFor(route, ids, n, authorised));
      if (q !== undefined) {
        const params = new URLSearchParams();
        if (q && typeof q === 'object' && !Array.isArray(q)) {
          for (const [k, v] of Object.entries(q))
            // A generated cursor is a string the service never gave out: not clean.
            if (!(authorised && k === 'cursor'))
              params.append(
                k,
                typeof v === 'string'
                  ? v
                  : // A list in a query is comma-separated (`status=open,new`).
                    Array.isArray(v) && authorised
                    ? v.join(',')
                    : (JSON.stringify(v) ?? ''),
              );
        } else params.append('q', String(q));
        const text = params.toString();
        if (text) url += `?${text}`;
      }
      const withIds =
        route.path === '/api/v1/sync/push' ? b : withRealIds(b, ids, authorised ? 1 + 4 * n : n);
      const headers: Record<string, string> = { ...authHeaders(route, creds, n, authorised) };
      // A clean request's key is its own; the others reuse a few, to meet replays and reuse.
      if (idem && route.idempotent)
        headers['idempotency-key'] = authorised ? `clean-${fresh}` : `${idem}-${n % 3}`;
      if (withIds !== undefined) headers['content-type'] = 'application/json';
      return {
        method: route.method,
        url,
        headers,
        payload: withIds === undefined ? undefined : serialise(withIds),
        label: `${route.method} ${route.path}`,
        clean,
      };
    });
}

/** Sync pushes of a few mutations, each op's args from its own schema. */
export function pushRequests(ids: FuzzIds, creds: Credentials): fc.Arbitrary<FuzzRequest> {
  const mutation = (clean: boolean) =>
    fc.constantFrom(...MUTATION_OPS).chain((op) => {
      const args = arbitraryFor(toJsonSchema(SYNC_OP_CATALOG[op]));
      return fc
        .tuple(clean ? args : spoiled(args), fc.nat(), fc.uuid())
        .map(([a, n, id]) => ({ id, op, args: withRealIds(a, ids, clean ? 1 + 4 * n : n) }));
    });
  const batch = (clean: boolean) =>
    fc.array(clean ? mutation(true) : spoiled(mutation(false)), { minLength: 1, maxLength: 5 });
  const taintedBatch = fc.array(
    fc.oneof(
      mutation(true),
      mutation(true).chain((m) => tainted(fc.constant(m.args)).map((args) => ({ ...m, args }))),
    ),
    { minLength: 1, maxLength: 5 },
  );
  return fc
    .tuple(
      fc.oneof(
        { arbitrary: batch(true).map((m) => [m, true] as const), weight: 2 },
        { arbitrary: taintedBatch.map((m) => [m, false] as const), weight: 1 },
        { arbitrary: batch(false).map((m) => [m, false] as const), weight: 3 },
      ),
      fc.nat(),
    )
    .map(([[mutations, clean], n]) => ({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: {
        authorization: `Bearer ${creds.tokens[n % creds.tokens.length]!}`,
        'content-type': 'application/json',
      },
      payload: serialise({ mutations }),
      label: 'sync push ops',
      clean,
    }));
}

export interface RouteFigures {
  sent: number;
  /** Clean requests (valid and authorised) sent. */
  clean: number;
  /** Clean requests that passed validation (no 400). */
  passed: number;
  /** Answered 2xx: reached the business rules and got through them. */
  ok: number;
  /** For sync pushes: mutations answered `applied`. */
  applied?: number;
}

export interface FuzzFigures {
  requests: number;
  serverErrors: number;
  byRoute: Map<string, RouteFigures>;
  statuses: Map<number, number>;
}

/** Sends one request and checks the answer; returns a problem or null. */
export async function sendAndCheck(
  svc: TestService,
  r: FuzzRequest,
  figures: FuzzFigures,
): Promise<string | null> {
  const res = await svc.app.inject({
    method: r.method as 'GET',
    url: r.url,
    headers: r.headers,
    ...(r.payload === undefined ? {} : { payload: r.payload }),
  });
  figures.requests++;
  const route = figures.byRoute.get(r.label) ?? { sent: 0, clean: 0, passed: 0, ok: 0 };
  figures.byRoute.set(r.label, route);
  route.sent++;
  if (res.statusCode < 300) route.ok++;
  if (r.clean) {
    route.clean++;
    if (res.statusCode !== 400) route.passed++;
  }
  figures.statuses.set(res.statusCode, (figures.statuses.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) {
    figures.serverErrors++;
    return `${r.label} answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  }
  if (res.statusCode >= 400) {
    type ErrorShape = { error?: { code?: unknown; message?: unknown } } | null;
    let body: ErrorShape;
    try {
      body = JSON.parse(res.body) as ErrorShape;
    } catch {
      return `${r.label} answered ${res.statusCode} with a body that is not JSON`;
    }
    if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
      return `${r.label} answered ${res.statusCode} outside the error shape: ${res.body.slice(0, 200)}`;
  }
  if (r.label === 'sync push ops' && res.statusCode === 200) {
    const results = (
      JSON.parse(res.body) as { results: { status: string; error?: { code: string } }[] }
    ).results;
    route.applied = (route.applied ?? 0) + results.filter((m) => m.status === 'applied').length;
    const crashed = results.find((m) => m.error?.code === 'internal_error');
    if (crashed) {
      figures.serverErrors++;
      return `a pushed mutation crashed: ${JSON.stringify(crashed).slice(0, 300)}`;
    }
  }
  return null;
}

/** The routes the fuzz walks: all but those that would end the run's own sessions or hang. */
export const FUZZED_ROUTES = ROUTE_CATALOG.filter(
  (r) => !r.streams && r.path !== '/api/v1/auth/logout',
);

/** Runs `runsPerRoute` generated requests against every route and every sync op. */
export async function fuzzService(
  svc: TestService,
  ids: FuzzIds,
  creds: Credentials,
  opts: { seed: number; runsPerRoute: number },
): Promise<{ figures: FuzzFigures; problems: string[] }> {
  const figures: FuzzFigures = {
    requests: 0,
    serverErrors: 0,
    byRoute: new Map(),
    statuses: new Map(),
  };
  const problems: string[] = [];
  const arbitraries = [
    ...FUZZED_ROUTES.map((r) => requestsFor(r, ids, creds)),
    pushRequests(ids, creds),
  ];
  for (const [i, arb] of arbitraries.entries()) {
    await fc.assert(
      fc.asyncProperty(arb, async (r) => {
        const problem = await sendAndCheck(svc, r, figures);
        if (problem) problems.push(problem);
        return true; // collect all problems; the caller asserts none
      }),
      { seed: opts.seed + i, numRuns: opts.runsPerRoute, endOnFailure: true },
    );
  }
  return { figures, problems };
}
