import type { Agent, CreateAgentRequest } from '../../shared';
import { createAgent } from '../services/accounts';
import type { Session, TestService } from './test-service';

/** A password every rule accepts (long, unguessable, nothing personal in it). */
export const STRONG_PASSWORD = 'violet-harbour-engine-42';

let n = 0;

/** A fresh, unique account request; `roles` etc. as given. */
export function accountRequest(overrides: Partial<CreateAgentRequest> = {}): CreateAgentRequest {
  n += 1;
  return {
    email: `person${n}.${Date.now()}@team.example`,
    name: `Person ${n}`,
    roles: ['agent'],
    languages: ['de'],
    refundLimit: { amount: 100_00, currency: 'EUR' },
    ...overrides,
  };
}

/**
 * Creates an account the way the command line does (no admin needed), accepts its
 * invitation over HTTP and returns the signed-in session: how a test gets its first admin.
 */
export async function createAccount(
  svc: TestService,
  overrides: Partial<CreateAgentRequest> = {},
  password = STRONG_PASSWORD,
): Promise<Session> {
  const req = accountRequest(overrides);
  const { invitation } = await svc.db.transaction((tx) => createAgent(tx, null, req, new Date()));
  const res = await svc.app.inject({
    method: 'POST',
    url: '/api/v1/auth/accept-invitation',
    payload: { token: invitation.token, password },
  });
  if (res.statusCode !== 200) throw new Error(`accept: ${res.statusCode} ${res.body}`);
  const body = res.json<{ token: string; agent: Agent }>();
  return svc.sessionOf(body.token, body.agent);
}
