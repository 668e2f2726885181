import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../shared';
import { useModalDialog } from '../workspace/use-modal-dialog';

/**
 * The second look before approving what cannot be undone by a click (an account
 * restriction, a referral to law enforcement): what is approved, in words, and an optional
 * comment kept on the case's history.
 */
export function ConfirmApprovalDialog({
  what,
  onConfirm,
  onClose,
}: {
  what: string;
  onConfirm: (comment: string) => void;
  onClose: () => void;
}) {
  const ref = useModalDialog(true);
  const [comment, setComment] = useState('');
  const titleId = useId();
  const tooLong = comment.length > LIMITS.reason;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (tooLong) return;
    onConfirm(comment.trim());
    onClose();
  };
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog">
      <form onSubmit={submit}>
        <h2 id={titleId}>Approve: {what}?</h2>
        <p className="small">
          It takes effect as soon as it reaches the service, and the person concerned is affected at
          once.
        </p>
        <label className="field">
          Comment (optional)
          <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        {tooLong && (
          <p role="alert" className="error small">
            At most {LIMITS.reason} characters.
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary">
            Confirm approval
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
