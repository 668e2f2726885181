import type { ReactNode } from 'react';
import { useModalDialog } from '../use-modal-dialog';

interface Props {
  open: boolean;
  title: string;
  confirm: string;
  children: ReactNode;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** A question before something that takes effect at once and for others. */
export function ConfirmDialog({ open, title, confirm, children, onConfirm, onClose }: Props) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onClose={onClose}
      className="dialog"
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-text" className="small">
        {children}
      </p>
      <div className="row">
        <button type="button" className="danger" onClick={() => void onConfirm()}>
          {confirm}
        </button>
        <button type="button" autoFocus onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
