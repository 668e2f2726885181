import { useId, type ReactNode } from 'react';

/**
 * A label tied to its control by id. The label holds only its text: a label wrapping a
 * select would otherwise fold the chosen option into the control's accessible name.
 */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(id, hint ? hintId : undefined)}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** What stops a form, all of it at once: one problem as a line, several as a list. */
export function FormError({ message }: { message: string | readonly string[] | null }) {
  const all = message === null ? [] : typeof message === 'string' ? [message] : message;
  if (all.length === 0) return null;
  if (all.length === 1) {
    return (
      <p role="alert" className="error">
        {all[0]}
      </p>
    );
  }
  return (
    <div role="alert" className="error">
      <ul className="form-problems">
        {all.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
