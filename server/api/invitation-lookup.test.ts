import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../services/accounts';
import { accountRequest, STRONG_PASSWORD } from '../testing/accounts';
import { ruleSuiteDatabaseKinds } from '../testing/test-databases';
import { startTestService, type TestService } from '../testing/test-service';

const codeOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { code: string } }).error?.code;

describe.each(ruleSuiteDatabaseKinds())('looking up an invitation on %s', (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService(kind);
  }, 300_000);
  afterAll(() => svc?.close());

  const lookup = (token: string) =>
    svc.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${encodeURIComponent(token)}` });

  it('names whom an open invitation is for, and answers 410 once it is used', async () => {
    const req = accountRequest({ name: 'Nora Quist', email: 'nora.quist@team.example' });
    const { invitation } = await svc.db.transaction((tx) => createAgent(tx, null, req, new Date()));
    const open = await lookup(invitation.token);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({
      name: 'Nora Quist',
      email: 'nora.quist@team.example',
      expiresAt: invitation.expiresAt,
    });
    const accepted = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token: invitation.token, password: STRONG_PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    const used = await lookup(invitation.token);
    expect(used.statusCode).toBe(410);
    expect(codeOf(used)).toBe('invitation_expired');
  });

  it('answers 410 for a token nobody issued and 400 for one too long', async () => {
    expect(codeOf(await lookup('not-a-real-invitation-token'))).toBe('invitation_expired');
    expect((await lookup('x'.repeat(201))).statusCode).toBe(400);
  });
});
