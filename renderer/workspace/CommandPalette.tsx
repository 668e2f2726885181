import { useEffect, useRef, useState } from 'react';
import { Command } from 'cmdk';
import type { CaseJump } from '../data/replica-reads';
import { CASE_COMMANDS, canRunCaseCommand, runCaseCommand } from './case-commands';
import { useModalDialog } from './use-modal-dialog';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The views and pages this agent has, each with what choosing it does. */
  views: { label: string; go: () => void }[];
  /** The reference of the case open beside the queue, if any: its actions are offered. */
  openCase: string | null;
  findCases: (typed: string) => Promise<CaseJump[]>;
  onOpenCase: (id: string) => void;
}

/**
 * Ctrl/Cmd+K: one box to jump to a view, to a case by its reference (from the replica), or
 * to an action on the open case. cmdk gives the combobox and its list (filtering, arrow
 * keys, the active option told to assistive technology); the dialog is the native modal
 * one the workspace's other dialogs use (focus kept inside, Escape closes).
 */
export function CommandPalette(p: Props) {
  const ref = useModalDialog(p.open);
  const input = useRef<HTMLInputElement>(null);
  // Done once the dialog has closed and given focus back, so a focused composer keeps it.
  const after = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (p.open) input.current?.focus();
  }, [p.open]);

  const choose = (fn: () => void) => {
    after.current = fn;
    ref.current?.close();
  };

  return (
    <dialog
      ref={ref}
      aria-label="Command palette"
      className="dialog palette"
      onClose={() => {
        p.onClose();
        const fn = after.current;
        after.current = null;
        fn?.();
      }}
      onClick={(e) => e.target === e.currentTarget && ref.current?.close()}
    >
      {p.open && <PaletteBody {...p} inputRef={input} choose={choose} />}
    </dialog>
  );
}

function PaletteBody({
  views,
  openCase,
  findCases,
  onOpenCase,
  inputRef,
  choose,
}: Props & {
  inputRef: React.RefObject<HTMLInputElement | null>;
  choose: (fn: () => void) => void;
}) {
  const [typed, setTyped] = useState('');
  const [cases, setCases] = useState<CaseJump[]>([]);
  // What the open case lets this agent do, as it is when the palette opens.
  const [actions] = useState(() =>
    openCase ? CASE_COMMANDS.filter((c) => canRunCaseCommand(c.command)) : [],
  );
  useEffect(() => {
    let current = true;
    findCases(typed).then(
      (found) => current && setCases(found),
      () => current && setCases([]),
    );
    return () => {
      current = false;
    };
  }, [typed, findCases]);

  return (
    <Command label="Search commands" loop>
      <Command.Input
        ref={inputRef}
        value={typed}
        onValueChange={setTyped}
        placeholder="A view, a case reference or an action"
        className="palette-input"
      />
      <Command.List label="Commands" className="palette-list">
        <Command.Empty>Nothing matches.</Command.Empty>
        {actions.length > 0 && (
          <Command.Group heading={`On ${openCase}`}>
            {actions.map((a) => (
              <Command.Item
                key={a.command}
                value={`action ${a.label}`}
                onSelect={() => choose(() => runCaseCommand(a.command))}
              >
                {a.label}
                <kbd aria-hidden="true">{a.key}</kbd>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {cases.length > 0 && (
          <Command.Group heading="Cases">
            {cases.map((c) => (
              <Command.Item
                key={c.id}
                value={`case ${c.reference} ${c.buyerName}`}
                keywords={[c.reference, typed]}
                onSelect={() => choose(() => onOpenCase(c.id))}
              >
                Open {c.reference}
                <span className="muted small">
                  {' '}
                  · {c.buyerName}
                  {c.resolved ? ' · resolved' : ''}
                </span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        <Command.Group heading="Go to">
          {views.map((v) => (
            <Command.Item key={v.label} value={`view ${v.label}`} onSelect={() => choose(v.go)}>
              {v.label}
            </Command.Item>
          ))}
        </Command.Group>
      </Command.List>
    </Command>
  );
}
