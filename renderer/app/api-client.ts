import {
  DeliveriesPage,
  Delivery,
  type Agent,
  type DeliveryStatus,
  type ErrorBody,
  type LoginResponse,
} from '../../shared';
import { parseAgentSelf, parseLoginResponse } from './session-read';

/** A refusal or failure from the case service, with the contract's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server could not be reached at all (offline, down, wrong address). */
export class UnreachableError extends Error {
  constructor(readonly serverUrl: string) {
    super(`Cannot reach the case service at ${serverUrl}.`);
    this.name = 'UnreachableError';
  }
}

export async function request<T>(
  serverUrl: string,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let res: Response;
  try {
    res = await fetch(new URL(path, serverUrl), { ...init, headers });
  } catch {
    throw new UnreachableError(serverUrl);
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body as ErrorBody | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

/** What a sign-in with two-step sign-in adds after the password: a code or a recovery code. */
export type SecondStep = { totp: string } | { recoveryCode: string };

export async function signIn(
  serverUrl: string,
  email: string,
  password: string,
  second?: SecondStep,
): Promise<LoginResponse> {
  const body = await request<unknown>(serverUrl, '/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email, password, ...second }),
  });
  return parseLoginResponse(body);
}

export function signOutOnServer(serverUrl: string, token: string): Promise<void> {
  return request(serverUrl, '/api/v1/auth/logout', { method: 'POST', token });
}

export async function fetchMe(serverUrl: string, token: string): Promise<Agent> {
  return parseAgentSelf(await request<unknown>(serverUrl, '/api/v1/me', { token }));
}

export function checkHealth(
  serverUrl: string,
): Promise<{ status: string; version: string; database: string; sso?: boolean }> {
  return request(serverUrl, '/api/v1/health');
}

/** Trades single sign-on's one-time code for a session. */
export async function exchangeSsoCode(serverUrl: string, code: string): Promise<LoginResponse> {
  const body = await request<unknown>(serverUrl, '/api/v1/auth/oidc/exchange', {
    method: 'POST',
    body: JSON.stringify({ code }),
  });
  return parseLoginResponse(body);
}

/** Webhook deliveries of one status, newest first (admins). */
export async function fetchDeliveries(
  serverUrl: string,
  token: string,
  status: Exclude<DeliveryStatus, 'delivered'>,
): Promise<DeliveriesPage> {
  const body = await request<unknown>(
    serverUrl,
    `/api/v1/integration/deliveries?status=${status}`,
    {
      token,
    },
  );
  return DeliveriesPage.parse(body);
}

/** Sends a delivery again now (admins). */
export async function resendDelivery(
  serverUrl: string,
  token: string,
  id: string,
): Promise<Delivery> {
  const body = await request<unknown>(
    serverUrl,
    `/api/v1/integration/deliveries/${encodeURIComponent(id)}/retry`,
    { method: 'POST', token, headers: { 'idempotency-key': crypto.randomUUID() } },
  );
  return Delivery.parse(body);
}

/** What a person should read when sign-in fails. */
export function describeSignInError(err: unknown): string {
  if (err instanceof UnreachableError)
    return `${err.message} Check your connection or the server address.`;
  if (err instanceof ApiError) {
    if (err.code === 'invalid_credentials') return 'Wrong email or password.';
    if (err.code === 'rate_limited')
      return 'Too many failed sign-ins. Wait 15 minutes and try again.';
    if (err.code === 'validation_failed') return 'Enter your email and password.';
    if (err.code === 'invalid_second_factor')
      return 'That code is not right, or was used already. Enter the newest code from your app.';
    if (err.code === 'second_factor_required') return 'Enter the code from your authenticator app.';
    if (err.code === 'account_deactivated')
      return 'Your account has been deactivated. Ask your administrator.';
    return err.message;
  }
  return 'Sign-in failed for an unexpected reason. Try again.';
}
