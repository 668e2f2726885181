import { z } from 'zod';
import { Agent, LoginResponse, ROLES } from '../../shared';

const KNOWN_ROLES = new Set<string>(ROLES);

/**
 * A signed-in agent as this client reads it: strict in every field, except that roles a
 * newer service added (the contract lets it add values) are left out rather than refusing
 * the session — the service decides what the agent may do; this workspace only shows
 * what it knows how to. An agent with no role this client knows is still refused.
 */
export const AgentSelfRead = z.preprocess((v) => {
  if (!v || typeof v !== 'object' || !Array.isArray((v as { roles?: unknown }).roles)) return v;
  const roles = (v as { roles: unknown[] }).roles;
  return { ...v, roles: roles.filter((r) => typeof r !== 'string' || KNOWN_ROLES.has(r)) };
}, Agent);

export const LoginResponseRead = LoginResponse.extend({
  token: z.string().min(1).max(500),
  agent: AgentSelfRead,
});

export const parseLoginResponse = (body: unknown): LoginResponse => LoginResponseRead.parse(body);
export const parseAgentSelf = (body: unknown): Agent => AgentSelfRead.parse(body);
