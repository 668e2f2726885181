import { z } from 'zod';
import { Language } from '../languages';
import { Balance } from '../money';
import { Email, Id, LIMITS } from './common';

export const ROLES = ['agent', 'trust_safety', 'lead'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Agent = z.object({
  id: Id,
  name: z.string().max(LIMITS.name),
  email: Email,
  roles: z.array(Role).min(1),
  languages: z.array(Language),
  refundLimit: Balance,
});
export type Agent = z.infer<typeof Agent>;

export const LoginRequest = z.strictObject({
  email: z.string().trim().min(1).max(LIMITS.email),
  password: z.string().min(1).max(1_000),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ token: z.string(), agent: Agent });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const PRESENCE_CHANNELS = ['chat', 'phone'] as const;
export const PresenceRequest = z.strictObject({
  available: z.boolean(),
  channels: z.array(z.enum(PRESENCE_CHANNELS)).max(2),
});
export type PresenceRequest = z.infer<typeof PresenceRequest>;
