import { describe, expect, it } from 'vitest';
import { parseAgentSelf, parseLoginResponse } from './session-read';

const agent = {
  id: '6f1c2d1e-8b2a-4c3d-9e4f-5a6b7c8d9e0f',
  name: 'Ana',
  email: 'ana@demo.casedesk',
  roles: ['agent'],
  languages: ['de'],
  refundLimit: { amount: 250_00, currency: 'EUR' },
  active: true,
  lastSeenAt: null,
};

describe('reading a sign-in answer', () => {
  it('signs in an agent who also has a role a newer service added, keeping the known ones', () => {
    const read = parseLoginResponse({
      token: 't0k',
      agent: { ...agent, roles: ['agent', 'auditor'] },
    });
    expect(read.agent.roles).toEqual(['agent']);
    expect(parseAgentSelf({ ...agent, roles: ['quality_coach', 'lead'] }).roles).toEqual(['lead']);
  });

  it('refuses an answer that is not a sign-in: no token, a wrong field, no known role', () => {
    expect(() => parseLoginResponse({ agent })).toThrow();
    expect(() => parseLoginResponse({ token: '', agent })).toThrow();
    expect(() => parseLoginResponse({ token: 't', agent: { ...agent, email: 'nope' } })).toThrow();
    expect(() =>
      parseLoginResponse({ token: 't', agent: { ...agent, roles: ['auditor'] } }),
    ).toThrow();
    expect(() => parseAgentSelf({ ...agent, refundLimit: 5 })).toThrow();
  });
});
