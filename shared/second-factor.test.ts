import { describe, expect, it } from 'vitest';
import { enrolmentRequired, formatRecoveryCode, secondFactorRequired } from './second-factor';

describe('second factor rules', () => {
  it('requires it when any of the person’s roles is named', () => {
    expect(secondFactorRequired(['agent', 'trust_safety'], ['trust_safety'])).toBe(true);
    expect(secondFactorRequired(['agent', 'lead'], ['admin', 'trust_safety'])).toBe(false);
    expect(secondFactorRequired(['admin'], [])).toBe(false);
  });

  it('limits a password session of a covered person without a second factor to enrolment', () => {
    const base = { roles: ['admin'] as const, requiredFor: ['admin'] as const };
    expect(enrolmentRequired({ ...base, active: false, viaSso: false })).toBe(true);
    expect(enrolmentRequired({ ...base, active: true, viaSso: false })).toBe(false);
  });

  it('never limits a single sign-on session, whose provider owns the second factor', () => {
    expect(
      enrolmentRequired({ roles: ['admin'], requiredFor: ['admin'], active: false, viaSso: true }),
    ).toBe(false);
  });

  it('shows a recovery code in two groups of five', () => {
    expect(formatRecoveryCode('abcdefgh23')).toBe('abcde-fgh23');
  });
});
