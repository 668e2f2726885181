import { z } from 'zod';

/** Text limits: generous for people, bounded for the database and the screen. */
export const LIMITS = {
  name: 200,
  email: 320,
  externalId: 200,
  shortText: 500,
  reason: 2_000,
  body: 20_000,
  longText: 10_000,
  listItems: 50,
} as const;

export const Id = z.string().min(1).max(100);
export const ExternalId = z.string().trim().min(1).max(LIMITS.externalId);
export const Email = z.email().max(LIMITS.email);
export const Country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code, e.g. NL');

export * from './time';

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().max(max);
