import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { canManageAccounts, type Role, type SecondFactorStatus } from '../../shared';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import {
  confirmSecondFactorWith,
  loadSecondFactor,
  loadSecondFactorPolicy,
  saveSecondFactorPolicyWith,
  startSecondFactor,
  turnOffSecondFactorWith,
} from '../app/second-factor-thunks';
import { TwoStepSetup } from './TwoStepSetup';

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admins',
  trust_safety: 'Trust & Safety',
  lead: 'Leads',
  agent: 'Agents',
};

/** Settings → Two-step sign-in: set it up, see it is on, turn it off; admins set who must. */
export function TwoStepSection() {
  const dispatch = useAppDispatch();
  const me = useAppSelector((s) => s.session.agent);
  const [status, setStatus] = useState<SecondFactorStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [turningOff, setTurningOff] = useState(false);

  const refresh = useCallback(async () => {
    const r = await dispatch(loadSecondFactor());
    if (r.ok) setStatus(r.value);
    setError(r.ok ? null : r.error);
  }, [dispatch]);
  useEffect(() => void refresh(), [refresh]);

  return (
    <fieldset>
      <legend>Two-step sign-in</legend>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {status?.active && !turningOff && (
        <>
          <p className="small">
            Two-step sign-in is on: signing in with your password also asks for a code from your
            authenticator app. Recovery codes left: {status.recoveryCodesLeft}.
          </p>
          <button type="button" onClick={() => setTurningOff(true)}>
            Turn off two-step sign-in
          </button>
        </>
      )}
      {status?.active && turningOff && (
        <TurnOff
          required={status.required}
          onTurnOff={async (password) => {
            const r = await dispatch(turnOffSecondFactorWith({ password }));
            if (!r.ok) return r.error;
            setTurningOff(false);
            await refresh();
            return null;
          }}
          onCancel={() => setTurningOff(false)}
        />
      )}
      {status && !status.active && (
        <>
          <p className="small">
            {status.required
              ? 'Your role requires two-step sign-in: a code from an authenticator app on your phone after your password.'
              : 'Ask for a code from an authenticator app on your phone after your password.'}
          </p>
          <TwoStepSetup
            onBegin={() => dispatch(startSecondFactor())}
            onConfirm={(code) => dispatch(confirmSecondFactorWith(code))}
            onDone={() => void refresh()}
          />
        </>
      )}
      {me && canManageAccounts(me) && <RequirementChoice />}
    </fieldset>
  );
}

function TurnOff({
  required,
  onTurnOff,
  onCancel,
}: {
  required: boolean;
  onTurnOff: (password: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(await onTurnOff(password));
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined}>
      {required && (
        <p className="small">
          Your role requires it: you will have to set it up again before you can go on working.
        </p>
      )}
      <label className="field">
        Current password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p id={errorId} role="alert" className="error small">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Turn off
        </button>
        <button type="button" onClick={onCancel}>
          Keep it on
        </button>
      </div>
    </form>
  );
}

/** Admins only: which roles must use two-step sign-in with a password. */
function RequirementChoice() {
  const dispatch = useAppDispatch();
  const [requiredFor, setRequiredFor] = useState<Role[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void dispatch(loadSecondFactorPolicy()).then((r) => {
      if (r.ok) setRequiredFor(r.value);
      else setError(r.error);
    });
  }, [dispatch]);

  const toggle = async (role: Role, on: boolean) => {
    if (!requiredFor) return;
    const next = on ? [...requiredFor, role] : requiredFor.filter((r) => r !== role);
    setSaved(false);
    const r = await dispatch(saveSecondFactorPolicyWith(next));
    if (r.ok) setRequiredFor(r.value);
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
  };

  return (
    <fieldset>
      <legend>Require two-step sign-in for</legend>
      {requiredFor &&
        (Object.keys(ROLE_LABELS) as Role[]).map((role) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              checked={requiredFor.includes(role)}
              onChange={(e) => void toggle(role, e.target.checked)}
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      <p className="small muted">
        Applies to password sign-ins; single sign-on leaves it to your identity provider.
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      <span role="status" className="small">
        {saved ? 'Saved.' : ''}
      </span>
    </fieldset>
  );
}
