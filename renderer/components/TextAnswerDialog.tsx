import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useModalDialog } from '../workspace/use-modal-dialog';

export interface TextAnswerDialogProps {
  title: string;
  /** What happens on confirming, in a sentence or two. */
  children: ReactNode;
  /** The textbox's label, its accessible name. */
  label: string;
  /** Why an empty answer is refused; absent when the answer is optional. */
  required?: string;
  maxLength: number;
  confirm: string;
  onConfirm: (answer: string) => void;
  onClose: () => void;
}

/**
 * The second look before a step that is hard to take back: what it does, one text answer
 * kept with it (required or optional), confirm or cancel. A native modal dialog, so the
 * browser traps focus and Escape cancels.
 */
export function TextAnswerDialog({
  title,
  children,
  label,
  required,
  maxLength,
  confirm,
  onConfirm,
  onClose,
}: TextAnswerDialogProps) {
  const ref = useModalDialog(true);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = answer.trim();
    if (required && !text) return setError(required);
    if (text.length > maxLength) return setError(`At most ${maxLength} characters.`);
    onConfirm(text);
    onClose();
  };
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog">
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        <p className="small">{children}</p>
        <label className="field">
          {label}
          <textarea
            rows={3}
            value={answer}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setAnswer(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error small">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary">
            {confirm}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
