import { useEffect, useState } from 'react';
import type { PasswordVerdict, PersonalWords } from '../../shared/password-policy';

type Judge = (password: string, person: PersonalWords) => PasswordVerdict;

// The estimator's dictionaries are large: loaded only when someone chooses a password.
let judge: Promise<Judge> | undefined;
const loadJudge = () =>
  (judge ??= import('../../shared/password-policy').then((m) => m.judgePassword));

const SCORE_TEXT = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/**
 * How strong a new password is, as it is typed, and which of the rules it meets — the
 * same estimate the service applies (it has the last word: it also knows the person).
 */
export function PasswordStrength({
  password,
  person,
}: {
  password: string;
  person: PersonalWords | null;
}) {
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  useEffect(() => {
    let current = true;
    void loadJudge().then((j) => {
      if (current) setVerdict(password ? j(password, person ?? { email: '', name: '' }) : null);
    });
    return () => {
      current = false;
    };
  }, [password, person]);

  const long = [...password].length >= 12;
  const hard = verdict !== null && !verdict.problems.includes('guessable');
  const own = verdict !== null && !verdict.problems.includes('contains_personal');
  const score = verdict?.score ?? 0;
  return (
    <div className="password-strength">
      <label className="strength-row">
        Password strength
        <meter min={0} max={4} low={2} high={3} optimum={4} value={password ? score : 0} />
        <span aria-live="polite">{password ? SCORE_TEXT[score] : 'Not entered yet'}</span>
      </label>
      <ul className="rules small" aria-label="Password rules">
        <Rule met={long}>At least 12 characters</Rule>
        <Rule met={hard}>Hard to guess (no common passwords or simple patterns)</Rule>
        <Rule met={password !== '' && own}>Not your name or the start of your email address</Rule>
      </ul>
      {verdict && verdict.suggestions.length > 0 && (
        <p className="muted small">{verdict.suggestions.join(' ')}</p>
      )}
    </div>
  );
}

function Rule({ met, children }: { met: boolean; children: string }) {
  return (
    <li className={met ? 'met' : 'unmet'}>
      <span aria-hidden="true">{met ? '✓ ' : '• '}</span>
      {children}
      <span className="visually-hidden">{met ? ' (met)' : ' (not met yet)'}</span>
    </li>
  );
}
