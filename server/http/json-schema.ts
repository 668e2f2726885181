import { z } from 'zod';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as plain data. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema of a shared zod schema, from zod's own converter. `input` describes what
 * a client may send (a Timestamp accepts any offset; defaults make a field optional),
 * `output` what the service sends. Without `$schema`, which OpenAPI 3.1 documents leave to
 * their `jsonSchemaDialect`.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const converted = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    // A transform's output has no JSON shape; say nothing rather than fail the document.
    unrepresentable: 'any',
  }) as JsonSchema;
  if ('$defs' in converted) {
    // A `#/$defs/…` reference would point at the OpenAPI document's root, not this schema.
    throw new Error('A documented schema must not be recursive or carry registry ids.');
  }
  const { $schema: _dialect, ...rest } = converted;
  return rest;
}
