import type { JsonSchema } from './json-schema';
import type { OpenApiDocument, Operation, Parameter } from './openapi';
import { fieldRows, rulesInWords, shapesOf, typeInWords, type FieldRow } from './schema-fields';

/**
 * docs/api.md: the API reference, rendered from the OpenAPI document (`npm run docs:api`).
 * A test fails when the checked-in page differs from what this renders, so the page
 * cannot drift from the routes and schemas the service validates with.
 */
export function renderApiReference(doc: OpenApiDocument): string {
  const out: string[] = [
    '<!-- Generated from GET /api/v1/openapi.json by `npm run docs:api`; edit the route catalog and the shared schemas, not this page. -->',
    '',
    '# Case service API reference',
    '',
    doc.info.description,
    '',
    'This page lists every route and webhook event with what it accepts, generated from the',
    'service’s OpenAPI 3.1 document (`GET /api/v1/openapi.json`, no token needed), which is',
    'built from the same zod schemas the service validates with. The rules behind the routes',
    '— who may do what, states, idempotency, sync, configuration — are explained in',
    '[api-guide.md](api-guide.md); the marketplace connection in [integration.md](integration.md).',
    '',
    '## Credentials',
    '',
    '| scheme | how |',
    '| ------ | --- |',
    ...Object.entries(doc.components.securitySchemes).map(
      ([name, s]) => `| ${name} | ${cell(String(s.description))} (${schemeHow(s)}) |`,
    ),
    '',
    '## Errors',
    '',
    'Every refusal (4xx) answers `{"error": {"code", "message", "details"?}}` and changes',
    'nothing. ' + String(errorCodeDescription(doc)),
    '',
    '## Routes',
    '',
  ];
  for (const tag of doc.tags) {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.tags?.includes(tag.name))
        .map(([method, op]) => ({ path, method, op })),
    );
    if (operations.length === 0) continue;
    out.push(`### ${tag.name}`, '');
    if (tag.description) out.push(tag.description, '');
    for (const { path, method, op } of operations) out.push(...renderOperation(method, path, op));
  }
  out.push(
    '## Webhook events',
    '',
    'With `CASEDESK_WEBHOOK_URL` set, Casedesk POSTs these to the marketplace. The body is',
    '`{"id", "type", "createdAt", "data"}`; the fields below are those of each type.',
    '',
  );
  for (const [type, { post }] of Object.entries(doc.webhooks)) {
    if (!post) continue;
    out.push(`### ${type}`, '', post.summary, '');
    if (post.description) out.push(post.description, '');
    const body = post.requestBody?.content['application/json']?.schema;
    if (body) out.push(...fieldTable(fieldRows(body)));
  }
  return out.join('\n');
}

function renderOperation(method: string, path: string, op: Operation): string[] {
  const lines = [
    `#### ${method.toUpperCase()} ${path}`,
    '',
    `${op.summary}. ${op.description ?? ''}`,
    '',
  ];
  const params = op.parameters ?? [];
  if (params.length > 0) lines.push(...parameterTable(params));
  const body = op.requestBody;
  if (body) {
    const [type, { schema }] = Object.entries(body.content)[0]!;
    const optional = body.required ? '' : ' (optional)';
    if (type !== 'application/json') {
      lines.push(`Body${optional}: \`${type}\`.`, '');
    } else {
      for (const shape of shapesOf(schema)) {
        const rows = fieldRows(shape.schema);
        const label = shape.label ? ` when ${shape.label}` : '';
        if (rows.length === 0) {
          lines.push(`Body${optional}${label}: none, or \`{}\`.`, '');
          continue;
        }
        lines.push(`Body${optional}${label}:`, '', ...fieldTable(rows));
      }
    }
  }
  const success = Object.entries(op.responses).find(([status]) => /^\d+$/.test(status));
  if (success) lines.push(...renderSuccess(success[0], success[1]));
  return lines;
}

function renderSuccess(status: string, response: JsonSchema): string[] {
  const content = response.content as Record<string, { schema: JsonSchema }> | undefined;
  const type = content ? Object.keys(content)[0] : undefined;
  if (!type) return [`Answers ${status} with no body.`, ''];
  const rows = fieldRows(content![type]!.schema);
  if (type !== 'application/json') {
    const twin = content!['application/json'];
    if (rows.length === 0 && twin)
      return [
        `Answers ${status}: \`${type}\`, or with \`format=json\` its JSON twin with:`,
        '',
        ...fieldTable(fieldRows(twin.schema)),
      ];
    if (rows.length === 0) return [`Answers ${status}: \`${type}\`.`, ''];
    return [
      `Answers ${status}: \`${type}\`, one JSON object a line, each with:`,
      '',
      ...fieldTable(rows),
    ];
  }
  if (rows.length === 0) return [`Answers ${status} (JSON).`, ''];
  return [`Answers ${status} with:`, '', ...fieldTable(rows)];
}

function parameterTable(params: Parameter[]): string[] {
  return [
    '| parameter | in | type | required | rules |',
    '| --------- | -- | ---- | -------- | ----- |',
    ...params.map(
      (p) =>
        `| \`${p.name}\` | ${p.in} | ${cell(typeInWords(p.schema))} | ${p.required ? 'yes' : 'no'} | ${cell(
          [rulesInWords(p.schema), p.description ?? ''].filter(Boolean).join('; '),
        )} |`,
    ),
    '',
  ];
}

function fieldTable(rows: FieldRow[]): string[] {
  return [
    '| field | type | required | rules |',
    '| ----- | ---- | -------- | ----- |',
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${cell(r.type)} | ${r.required ? 'yes' : 'no'} | ${cell(r.rules)} |`,
    ),
    '',
  ];
}

/** Table cells keep to one line and must not end the cell early. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function schemeHow(s: JsonSchema): string {
  if (s.type === 'http') return `\`Authorization: Bearer <token>\``;
  return `header \`${String(s.name)}\``;
}

function errorCodeDescription(doc: OpenApiDocument): string {
  const error = doc.components.schemas.Error as JsonSchema;
  const inner = (error.properties as Record<string, JsonSchema>).error!;
  const codeField = (inner.properties as Record<string, JsonSchema>).code!;
  return `\`code\`: ${String(codeField.description)}`;
}
