import { DomainError } from '../../shared';
import { judgePassword, PASSWORD_PROBLEM_TEXT } from '../../shared/password-policy';

/** 422 weak_password, naming each problem, unless the password meets the policy. */
export function requireStrongPassword(password: string, person: { email: string; name: string }) {
  const verdict = judgePassword(password, person);
  if (verdict.problems.length === 0) return;
  throw new DomainError(
    'weak_password',
    verdict.problems.map((p) => PASSWORD_PROBLEM_TEXT[p]).join(' '),
    { problems: verdict.problems, score: verdict.score, suggestions: verdict.suggestions },
  );
}
