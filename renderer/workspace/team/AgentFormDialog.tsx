import { useId, useState, type FormEvent } from 'react';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  ROLES,
  parseMajorUnits,
  type CreateAgentRequest,
  type Language,
  type Role,
  type TeamMember,
} from '../../../shared';
import { useModalDialog } from '../use-modal-dialog';

export const ROLE_LABELS: Record<Role, string> = {
  agent: 'Agent',
  trust_safety: 'Trust & Safety',
  lead: 'Lead',
  admin: 'Admin',
};

interface Props {
  /** Invite a new person, or edit the one given. */
  editing: TeamMember | null;
  open: boolean;
  onSubmit: (body: CreateAgentRequest) => Promise<string | null>;
  onClose: () => void;
}

const majorUnits = (minor: number) => (minor / 100).toFixed(2);

/**
 * "Invite agent" and "Edit": the account's name, email (on invitation only: it is how the
 * person signs in), roles, languages and refund limit in EUR.
 */
export function AgentFormDialog({ editing, open, onSubmit, onClose }: Props) {
  const ref = useModalDialog(open);
  const titleId = useId();
  const errorId = useId();
  const limitHint = useId();
  const [name, setName] = useState(editing?.name ?? '');
  const [email, setEmail] = useState(editing?.email ?? '');
  const [roles, setRoles] = useState<Role[]>(editing?.roles ?? ['agent']);
  const [languages, setLanguages] = useState<Language[]>(editing?.languages ?? []);
  const [limit, setLimit] = useState(majorUnits(editing?.refundLimit.amount ?? 0));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amount = parseMajorUnits(limit.trim() === '' ? '0' : limit);
    if (amount === null) return setError('Enter the refund limit in euros, such as 150 or 150.00.');
    if (roles.length === 0) return setError('Choose at least one role.');
    setBusy(true);
    const failed = await onSubmit({
      name: name.trim(),
      email: email.trim(),
      roles,
      languages,
      refundLimit: { amount, currency: 'EUR' },
    });
    setBusy(false);
    setError(failed);
  };

  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog agent-form">
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined}>
        <h2 id={titleId}>{editing ? `Edit ${editing.name}` : 'Invite agent'}</h2>
        <label className="field">
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {!editing && (
          <label className="field">
            Email
            <input
              type="email"
              required
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
        )}
        <fieldset>
          <legend>Roles</legend>
          {ROLES.map((r) => (
            <label key={r} className="choice">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => setRoles(toggle(roles, r, e.target.checked))}
              />
              {ROLE_LABELS[r]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Languages</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input
                type="checkbox"
                checked={languages.includes(l)}
                onChange={(e) => setLanguages(toggle(languages, l, e.target.checked))}
              />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          Refund limit
          <input
            inputMode="decimal"
            aria-describedby={limitHint}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
        </label>
        <p id={limitHint} className="muted small">
          In EUR: refunds above it need a lead’s or T&amp;S approval.
        </p>
        {error && (
          <p id={errorId} role="alert" className="error small">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {editing ? 'Save changes' : 'Send invitation'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
