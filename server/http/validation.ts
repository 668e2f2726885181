import type { z } from 'zod';
import { DomainError } from '../../shared';

/** Parses with a shared schema; a mismatch is a 400 that names each field and why. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.infer<S> {
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  const fields = res.error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new DomainError(
    'validation_failed',
    `The ${where} is not valid: ${fields
      .map((f) => `${f.path} ${f.message}`)
      .slice(0, 3)
      .join('; ')}`,
    { fields },
  );
}
