import { SHORTCUTS, shortcutText } from '../../shared/shortcuts';
import { useModalDialog } from './use-modal-dialog';

const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** A native modal dialog: focus is trapped and Escape closes it, by the browser. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModalDialog(open);
  const rows = (onCase: boolean) =>
    SHORTCUTS.filter((s) => !!s.onCase === onCase).map((s) => (
      <div key={s.command}>
        <dt>
          <kbd>{shortcutText(s, mac)}</kbd>
        </dt>
        <dd>{s.label}</dd>
      </div>
    ));
  return (
    <dialog ref={ref} aria-labelledby="shortcuts-title" onClose={onClose} className="dialog">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="muted small">Single keys do nothing while you type in a field.</p>
      <dl className="shortcuts">{rows(false)}</dl>
      <h3>With a case open</h3>
      <dl className="shortcuts">{rows(true)}</dl>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
