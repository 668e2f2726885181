import { z } from 'zod';
import { Language } from '../languages';
import { Balance } from '../money';
import { Agent, Capacity, Role } from './agent';
import { Email, Id, LIMITS, UtcTimestamp } from './common';

const Roles = z
  .array(Role)
  .min(1)
  .max(Role.options.length)
  .refine((r) => new Set(r).size === r.length, 'each role once');
const Languages = z
  .array(Language)
  .max(Language.options.length)
  .refine((l) => new Set(l).size === l.length, 'each language once');
const Name = z.string().trim().min(1).max(LIMITS.name);
/** Long enough for any passphrase, short enough that hashing it costs nothing extra. */
export const PasswordInput = z.string().min(1).max(1_000);

export const CreateAgentRequest = z.strictObject({
  email: Email,
  name: Name,
  roles: Roles,
  languages: Languages,
  refundLimit: Balance,
});
export type CreateAgentRequest = z.infer<typeof CreateAgentRequest>;

export const UpdateAgentRequest = z
  .strictObject({
    name: Name.optional(),
    roles: Roles.optional(),
    languages: Languages.optional(),
    refundLimit: Balance.optional(),
    /** The one field a lead may change too (issue 18), when sent alone. */
    capacity: Capacity.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'name, roles, languages, refundLimit or capacity');
export type UpdateAgentRequest = z.infer<typeof UpdateAgentRequest>;

export const Invitation = z.object({ token: z.string(), expiresAt: UtcTimestamp });
export type Invitation = z.infer<typeof Invitation>;

/** A row of `GET /agents` as admins and leads see it: the account and its open cases. */
export const TeamMember = Agent.extend({ openCases: z.number().int().min(0) });
export type TeamMember = z.infer<typeof TeamMember>;

export const CreateAgentResponse = z.object({ agent: Agent, invitation: Invitation });
export type CreateAgentResponse = z.infer<typeof CreateAgentResponse>;

export const AcceptInvitationRequest = z.strictObject({
  token: z.string().min(1).max(200),
  password: PasswordInput,
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const InvitationParams = z.strictObject({ token: z.string().min(1).max(200) });

/** `GET /auth/invitations/:token`: whom an open invitation is for. */
export const InvitationLookup = z.object({
  name: z.string(),
  email: Email,
  expiresAt: UtcTimestamp,
});
export type InvitationLookup = z.infer<typeof InvitationLookup>;

export const ChangePasswordRequest = z.strictObject({
  current: PasswordInput,
  new: PasswordInput,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const ACCOUNT_EVENT_TYPES = [
  'agent.created',
  'agent.updated',
  'agent.deactivated',
  'agent.activated',
  'agent.password_reset',
  'agent.invitation_accepted',
  'agent.password_changed',
  'agent.second_factor_enabled',
  'agent.second_factor_disabled',
  'agent.recovery_codes_renewed',
  'settings.second_factor_requirement_changed',
] as const;
export const AccountEventType = z.enum(ACCOUNT_EVENT_TYPES);
export type AccountEventType = z.infer<typeof AccountEventType>;

/**
 * One change to an account, append-only like case events: who (`actorId`, null for the
 * command line), whom (`agentId`), and in `data` what was before (`from`) and after (`to`).
 */
export const AccountEvent = z.object({
  id: Id,
  agentId: Id,
  type: AccountEventType,
  actorId: Id.nullable(),
  at: UtcTimestamp,
  data: z.record(z.string(), z.unknown()),
});
export type AccountEvent = z.infer<typeof AccountEvent>;

export const AccountEventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'a cursor from a previous answer')
    .optional(),
});
