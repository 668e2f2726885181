import {
  Agent,
  CreateAgentResponse,
  Invitation,
  InvitationLookup,
  TeamMember,
  type CreateAgentRequest,
  type LoginResponse,
  type UpdateAgentRequest,
} from '../../shared';
import { z } from 'zod';
import { request } from './api-client';
import { parseLoginResponse } from './session-read';

/** The service's account endpoints (part 2 of the contract), each answer checked. */

const TeamList = z.object({ agents: z.array(TeamMember) });

export async function listTeam(serverUrl: string, token: string): Promise<TeamMember[]> {
  return TeamList.parse(await request(serverUrl, '/api/v1/agents', { token })).agents;
}

const post = (serverUrl: string, path: string, token: string | undefined, body: unknown) =>
  request<unknown>(serverUrl, path, {
    method: 'POST',
    token,
    body: JSON.stringify(body),
    // A retried invitation must not create a second one: the service replays the answer.
    headers: token ? { 'idempotency-key': crypto.randomUUID() } : {},
  });

export async function inviteAgent(
  serverUrl: string,
  token: string,
  body: CreateAgentRequest,
): Promise<CreateAgentResponse> {
  return CreateAgentResponse.parse(await post(serverUrl, '/api/v1/agents', token, body));
}

export async function updateAgent(
  serverUrl: string,
  token: string,
  id: string,
  body: UpdateAgentRequest,
): Promise<Agent> {
  return Agent.parse(
    await request(serverUrl, `/api/v1/agents/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      token,
      body: JSON.stringify(body),
    }),
  );
}

export async function setAgentActive(
  serverUrl: string,
  token: string,
  id: string,
  active: boolean,
): Promise<Agent> {
  const path = `/api/v1/agents/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`;
  return Agent.parse(await post(serverUrl, path, token, {}));
}

export async function resetAgentPassword(
  serverUrl: string,
  token: string,
  id: string,
): Promise<Invitation> {
  const path = `/api/v1/agents/${encodeURIComponent(id)}/reset-password`;
  return z.object({ invitation: Invitation }).parse(await post(serverUrl, path, token, {}))
    .invitation;
}

export async function acceptInvitation(
  serverUrl: string,
  invitation: string,
  password: string,
): Promise<LoginResponse> {
  return parseLoginResponse(
    await post(serverUrl, '/api/v1/auth/accept-invitation', undefined, {
      token: invitation,
      password,
    }),
  );
}

export async function changePassword(
  serverUrl: string,
  token: string,
  current: string,
  next: string,
): Promise<void> {
  await post(serverUrl, '/api/v1/me/password', token, { current, new: next });
}

export async function lookupInvitation(
  serverUrl: string,
  invitation: string,
): Promise<InvitationLookup> {
  const path = `/api/v1/auth/invitations/${encodeURIComponent(invitation)}`;
  return InvitationLookup.parse(await request(serverUrl, path));
}
