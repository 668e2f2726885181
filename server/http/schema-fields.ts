import type { JsonSchema } from './json-schema';

/** One row of a field table: a dotted path, its type in words, whether it must be there. */
export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  rules: string;
}

const asSchema = (v: unknown): JsonSchema => (v ?? {}) as JsonSchema;
const listOf = (v: unknown): JsonSchema[] => (Array.isArray(v) ? (v as JsonSchema[]) : []);
const code = (v: unknown) => `\`${JSON.stringify(v)}\``;

/** A union with null (`T | null`): T, or undefined when it is another kind of union. */
function nullableOf(s: JsonSchema): JsonSchema | undefined {
  const variants = listOf(s.anyOf ?? s.oneOf);
  if (variants.length !== 2) return undefined;
  const other = variants.filter((v) => v.type !== 'null');
  return other.length === 1 ? other[0] : undefined;
}

/** The type of a schema in a few words: `string (date-time)`, `"a" or "b"`, `Money`. */
export function typeInWords(s: JsonSchema): string {
  const inner = nullableOf(s);
  if (inner) return `${typeInWords(inner)} or null`;
  if ('const' in s) return code(s.const);
  if (Array.isArray(s.enum)) {
    return s.enum.length > 2
      ? `one of ${s.enum.map(code).join(', ')}`
      : s.enum.map(code).join(' or ');
  }
  const variants = listOf(s.anyOf ?? s.oneOf);
  if (variants.length > 0) return variants.map(typeInWords).join(' or ');
  if (s.type === 'array') return `array of ${typeInWords(asSchema(s.items))}`;
  if (s.type === 'string' && typeof s.format === 'string') return `string (${s.format})`;
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type)) return s.type.join(' or ');
  return 'any';
}

/** The checks beyond the type, as a client needs them: lengths, ranges, defaults. */
export function rulesInWords(s: JsonSchema): string {
  const target = nullableOf(s) ?? s;
  const rules: string[] = [];
  // z.number().int() says ±MAX_SAFE_INTEGER: no rule anyone needs to read.
  const bound = (v: unknown) =>
    typeof v === 'number' && Math.abs(v) >= Number.MAX_SAFE_INTEGER ? undefined : v;
  const range = (rawLo: unknown, rawHi: unknown, unit: string) => {
    const [lo, hi] = [bound(rawLo), bound(rawHi)];
    if (lo !== undefined && hi !== undefined) rules.push(`${String(lo)}–${String(hi)} ${unit}`);
    else if (lo !== undefined) rules.push(`at least ${String(lo)} ${unit}`);
    else if (hi !== undefined) rules.push(`at most ${String(hi)} ${unit}`);
  };
  range(target.minLength, target.maxLength, 'characters');
  range(target.minItems, target.maxItems, 'items');
  range(target.minimum, target.maximum, '');
  if (target.exclusiveMinimum !== undefined) rules.push(`> ${String(target.exclusiveMinimum)}`);
  if (typeof target.pattern === 'string' && target.format === undefined) {
    rules.push(`matches \`${target.pattern}\``);
  }
  if ('default' in target) rules.push(`default ${code(target.default)}`);
  if (typeof target.description === 'string') rules.push(target.description);
  return rules.map((r) => r.trim()).join('; ');
}

/**
 * The fields of an object schema as rows, nested objects as dotted names
 * (`order.amountPaid.currency`) and arrays of objects as `name[].field`.
 */
export function fieldRows(s: JsonSchema, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(listOf(s.required) as unknown as string[]);
  for (const [key, prop] of Object.entries(properties)) {
    const name = `${prefix}${key}`;
    const inner = nullableOf(prop) ?? prop;
    const isObject = inner.type === 'object' && inner.properties !== undefined;
    const items = asSchema(inner.items);
    const isObjectArray =
      inner.type === 'array' && items.type === 'object' && items.properties !== undefined;
    rows.push({
      name,
      type: isObject ? (inner === prop ? 'object' : 'object or null') : typeInWords(prop),
      required: required.has(key),
      rules: rulesInWords(prop),
    });
    if (isObject) rows.push(...fieldRows(inner, `${name}.`));
    if (isObjectArray) rows.push(...fieldRows(items, `${name}[].`));
  }
  return rows;
}

/** The shapes a body may take: one object, or each variant of a union of objects. */
export function shapesOf(s: JsonSchema): { label: string; schema: JsonSchema }[] {
  const variants = listOf(s.oneOf ?? s.anyOf);
  if (variants.length > 0 && variants.every((v) => v.type === 'object')) {
    return variants.map((v, i) => {
      const props = (v.properties ?? {}) as Record<string, JsonSchema>;
      const tag = Object.entries(props).find(([, p]) => 'const' in p);
      return {
        label: tag ? `${tag[0]} = ${code(tag[1].const)}` : `shape ${i + 1}`,
        schema: v,
      };
    });
  }
  return [{ label: '', schema: s }];
}
