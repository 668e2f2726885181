import { z } from 'zod';
import {
  RecoveryCodes,
  Role,
  SecondFactorEnrolment,
  SecondFactorStatus,
  type DisableSecondFactorRequest,
} from '../../shared';
import { request } from './api-client';

/** Read leniently: a role a newer service knows is left out, not a failure. */
const PolicyRead = z
  .object({ requiredFor: z.array(z.string()) })
  .transform((p) => p.requiredFor.filter((r): r is Role => Role.safeParse(r).success));

/** The service's two-step sign-in endpoints, each answer checked. */

export async function fetchSecondFactor(
  serverUrl: string,
  token: string,
): Promise<SecondFactorStatus> {
  return SecondFactorStatus.parse(await request(serverUrl, '/api/v1/me/second-factor', { token }));
}

export async function beginSecondFactor(
  serverUrl: string,
  token: string,
): Promise<SecondFactorEnrolment> {
  return SecondFactorEnrolment.parse(
    await request(serverUrl, '/api/v1/me/second-factor', { method: 'POST', token, body: '{}' }),
  );
}

export async function confirmSecondFactor(
  serverUrl: string,
  token: string,
  code: string,
): Promise<string[]> {
  const body = await request(serverUrl, '/api/v1/me/second-factor/confirm', {
    method: 'POST',
    token,
    body: JSON.stringify({ code }),
  });
  return RecoveryCodes.parse(body).recoveryCodes;
}

export async function turnOffSecondFactor(
  serverUrl: string,
  token: string,
  proof: DisableSecondFactorRequest,
): Promise<void> {
  await request(serverUrl, '/api/v1/me/second-factor', {
    method: 'DELETE',
    token,
    body: JSON.stringify(proof),
  });
}

export async function fetchSecondFactorPolicy(serverUrl: string, token: string): Promise<Role[]> {
  return PolicyRead.parse(await request(serverUrl, '/api/v1/settings/second-factor', { token }));
}

export async function saveSecondFactorPolicy(
  serverUrl: string,
  token: string,
  requiredFor: Role[],
): Promise<Role[]> {
  const body = await request(serverUrl, '/api/v1/settings/second-factor', {
    method: 'PUT',
    token,
    body: JSON.stringify({ requiredFor }),
    headers: { 'idempotency-key': crypto.randomUUID() },
  });
  return PolicyRead.parse(body);
}
