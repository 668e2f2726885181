import type { Role } from './schemas/agent';

export interface EnrolmentFacts {
  roles: readonly Role[];
  /** The roles the admins' setting names. */
  requiredFor: readonly Role[];
  /** A confirmed second factor. */
  active: boolean;
  /** The session came from single sign-on: the provider owns the second factor then. */
  viaSso: boolean;
}

/** Whether the admins' setting asks two-step sign-in of someone with these roles. */
export const secondFactorRequired = (roles: readonly Role[], requiredFor: readonly Role[]) =>
  roles.some((r) => requiredFor.includes(r));

/**
 * A password session of someone the setting covers who has not set it up yet may do
 * nothing else until they have: the service answers 403 second_factor_enrolment_required.
 */
export const enrolmentRequired = (f: EnrolmentFacts): boolean =>
  !f.viaSso && !f.active && secondFactorRequired(f.roles, f.requiredFor);

/** Recovery codes are shown in two groups of five, like `abcde-fgh23`. */
export const formatRecoveryCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;
