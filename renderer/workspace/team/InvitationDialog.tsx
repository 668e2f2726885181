import { useState } from 'react';
import type { Invitation } from '../../../shared';
import { formatDateTime } from '../../format';
import { useModalDialog } from '../use-modal-dialog';

interface Props {
  /** Whom it is for and the invitation itself; shown once, never stored by the workspace. */
  shown: { name: string; invitation: Invitation; link: string | null } | null;
  onClose: () => void;
}

/** The invitation token (and link) to hand to the person: shown this once, with a copy button. */
export function InvitationDialog({ shown, onClose }: Props) {
  const ref = useModalDialog(shown !== null);
  const [copied, setCopied] = useState(false);
  const text = shown ? (shown.link ?? shown.invitation.token) : '';
  const copy = async () => {
    const ok = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    setCopied(ok);
  };
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <dialog ref={ref} aria-labelledby="invitation-title" onClose={close} className="dialog">
      <h2 id="invitation-title">Invitation for {shown?.name}</h2>
      <p className="small">
        Send this to them yourself. It is shown only now, works once, and expires on{' '}
        {formatDateTime(shown?.invitation.expiresAt)}.
      </p>
      {shown?.link && (
        <label className="field">
          Invitation link
          <input readOnly value={shown.link} onFocus={(e) => e.target.select()} />
        </label>
      )}
      <label className="field">
        Invitation token
        <input readOnly value={shown?.invitation.token ?? ''} onFocus={(e) => e.target.select()} />
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={() => void copy()}>
          {shown?.link ? 'Copy link' : 'Copy token'}
        </button>
        <button type="button" onClick={close}>
          Done
        </button>
        <span role="status" className="small">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </dialog>
  );
}
