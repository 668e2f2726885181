import { z } from 'zod';
import { Language } from '../languages';
import { Balance } from '../money';
import { Email, Id, LIMITS, UtcTimestamp } from './common';

/** `admin` manages accounts; on its own it sees no cases (see permissions.ts). */
export const ROLES = ['agent', 'trust_safety', 'lead', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Open cases routing may give one agent at most; 0 takes them out of routing. */
export const Capacity = z.number().int().min(0).max(1000);

/** What every staff member may know about a colleague. */
export const AgentDirectoryEntry = z.object({
  id: Id,
  name: z.string().max(LIMITS.name),
  roles: z.array(Role).min(1),
  languages: z.array(Language),
  // Defaults: a session stored by an older version of the app lacks these fields.
  active: z.boolean().default(true),
});
export type AgentDirectoryEntry = z.infer<typeof AgentDirectoryEntry>;

/** The whole account, as its owner, admins and leads see it. */
export const Agent = AgentDirectoryEntry.extend({
  email: Email,
  refundLimit: Balance,
  /** Updated at most every five minutes; never a sync change of its own. */
  lastSeenAt: UtcTimestamp.nullable().default(null),
  /** How many open cases automatic routing gives them at most (issue 18; leads set it). */
  capacity: Capacity.optional(),
});
export type Agent = z.infer<typeof Agent>;

const KNOWN_ROLES = new Set<string>(ROLES);

/**
 * A signed-in agent as a client reads it (a login answer, `/me`, a session it kept): strict
 * in every field, except that roles a newer service added (the contract lets it add values)
 * are left out rather than refusing the session — the service decides what the agent may
 * do; a client only shows what it knows how to. An agent with no role the client knows is
 * still refused.
 */
export const AgentSelfRead = z.preprocess((v) => {
  if (!v || typeof v !== 'object' || !Array.isArray((v as { roles?: unknown }).roles)) return v;
  const roles = (v as { roles: unknown[] }).roles;
  return { ...v, roles: roles.filter((r) => typeof r !== 'string' || KNOWN_ROLES.has(r)) };
}, Agent);

/**
 * The synced `agent` entity: the directory for most callers, the whole account for admins
 * and leads (and for the caller's own record), so the extra fields are optional here.
 */
export const AgentEntity = AgentDirectoryEntry.extend({
  email: Email.optional(),
  refundLimit: Balance.optional(),
  lastSeenAt: UtcTimestamp.nullable().optional(),
  capacity: Capacity.optional(),
});
export type AgentEntity = z.infer<typeof AgentEntity>;

/** A code from an authenticator app: six digits (spaces a person may type are dropped). */
export const TotpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'six digits'));
/** A one-time recovery code as shown at enrolment (`xxxxx-xxxxx`); case and dashes are free. */
export const RecoveryCode = z
  .string()
  .max(40)
  .transform((v) => v.toLowerCase().replace(/[\s-]+/g, ''))
  .pipe(z.string().regex(/^[a-z2-7]{10}$/, 'a recovery code as shown at set-up'));

export const LoginRequest = z
  .strictObject({
    email: z.string().trim().min(1).max(LIMITS.email),
    password: z.string().min(1).max(1_000),
    /** Only for accounts with two-step sign-in; else ignored. */
    totp: TotpCode.optional(),
    recoveryCode: RecoveryCode.optional(),
  })
  .refine((b) => !(b.totp && b.recoveryCode), 'totp or recoveryCode, not both');
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string(),
  agent: Agent,
  /** Only when the session may do nothing but set up two-step sign-in (its role requires it). */
  secondFactorEnrolmentRequired: z.literal(true).optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const PRESENCE_CHANNELS = ['chat', 'phone'] as const;
export const PresenceRequest = z.strictObject({
  available: z.boolean(),
  channels: z.array(z.enum(PRESENCE_CHANNELS)).max(2),
});
export type PresenceRequest = z.infer<typeof PresenceRequest>;
