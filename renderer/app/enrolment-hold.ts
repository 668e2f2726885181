import type { Agent } from '../../shared';

/**
 * The session of someone who must set up two-step sign-in before the workspace opens. Not
 * state (a token never enters Redux) and not saved by the host: closing the window before
 * finishing means signing in again.
 */
let held: { token: string; agent: Agent } | null = null;

export const holdForEnrolment = (session: { token: string; agent: Agent } | null): void => {
  held = session;
};

export const heldForEnrolment = (): { token: string; agent: Agent } | null => held;
