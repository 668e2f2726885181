import { useEffect, useRef } from 'react';

/**
 * A native modal `<dialog>` shown while `open`: the browser traps focus and Escape closes
 * it (its `close` event tells the owner). Returns the ref to put on the dialog.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}
