import {
  Agent,
  MoveOpenCasesResponse,
  RoutingLanguageSetting,
  RoutingSettings,
  type Language,
  type MoveOpenCasesRequest,
} from '../../shared';
import { request } from './api-client';

/** The service's routing endpoints (issue 18), each answer checked. */

export async function getRouting(serverUrl: string, token: string): Promise<RoutingSettings> {
  return RoutingSettings.parse(await request(serverUrl, '/api/v1/routing', { token }));
}

export async function putRouting(
  serverUrl: string,
  token: string,
  language: Language,
  autoAssign: boolean,
): Promise<RoutingLanguageSetting> {
  return RoutingLanguageSetting.parse(
    await request(serverUrl, `/api/v1/routing/languages/${language}`, {
      method: 'PUT',
      token,
      body: JSON.stringify({ autoAssign }),
    }),
  );
}

export async function patchCapacity(
  serverUrl: string,
  token: string,
  id: string,
  capacity: number,
): Promise<Agent> {
  return Agent.parse(
    await request(serverUrl, `/api/v1/agents/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      token,
      body: JSON.stringify({ capacity }),
    }),
  );
}

export async function postMoveOpenCases(
  serverUrl: string,
  token: string,
  id: string,
  body: MoveOpenCasesRequest,
): Promise<MoveOpenCasesResponse> {
  return MoveOpenCasesResponse.parse(
    await request(serverUrl, `/api/v1/agents/${encodeURIComponent(id)}/move-open-cases`, {
      method: 'POST',
      token,
      body: JSON.stringify(body),
      // A retried move must not move twice: the service replays the first answer.
      headers: { 'idempotency-key': crypto.randomUUID() },
    }),
  );
}
