import { DomainError } from '../../shared';

/**
 * What every request may carry, checked once at the border instead of field by field.
 * PostgreSQL stores no NUL in text or jsonb, and no lone UTF-16 surrogate (jsonb refuses
 * the escape; text would silently turn it into U+FFFD); deep nesting overflows the stack
 * of anything recursive downstream (canonicalising for idempotency, zod, JSON.stringify).
 * None of it has a use in this API, so all of it is a 400 before any handler runs.
 */
export const MAX_JSON_DEPTH = 32;

// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextProblem {
  path: string;
  message: string;
}

export function stringProblem(s: string): string | null {
  if (NUL.test(s)) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(s)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}

/**
 * The first problem in a parsed JSON value (or query/params object), or null. Walks with
 * its own stack, so the nesting it refuses cannot overflow the walk itself.
 */
export function findTextProblem(
  value: unknown,
  root: string,
  opts: { maxDepth?: number; skip?: (path: string) => boolean } = {},
): TextProblem | null {
  const { maxDepth = MAX_JSON_DEPTH, skip } = opts;
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (skip?.(path)) continue;
    if (typeof v === 'string') {
      const problem = stringProblem(v);
      if (problem) return { path, message: problem };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { path, message: `nests deeper than ${maxDepth} levels` };
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: `${path}.${i}`, depth: depth + 1 }));
      continue;
    }
    for (const [k, item] of Object.entries(v)) {
      const keyProblem = stringProblem(k);
      if (keyProblem) return { path: `${path}.${JSON.stringify(k)}`, message: `key ${keyProblem}` };
      stack.push({ v: item, path: `${path}.${k}`, depth: depth + 1 });
    }
  }
  return null;
}

/** Throws the contract's 400 when `value` carries text the service cannot take. */
export function requireCleanText(
  value: unknown,
  root: string,
  skip?: (path: string) => boolean,
): void {
  const problem = findTextProblem(value, root, { skip });
  if (!problem) return;
  throw new DomainError(
    'validation_failed',
    `The ${root} is not valid: ${problem.path} ${problem.message}`,
    {
      fields: [problem],
    },
  );
}
