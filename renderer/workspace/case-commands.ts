/**
 * What the case keys (r, n, c, e, a) and the command palette's case actions do: each does
 * what its control on the open case does — it focuses the composer or field, or presses the
 * button — found by its accessible name in the open case. So a key obeys the same rules as
 * the control (it is there only when the agent may use it), and does nothing otherwise.
 */
export type CaseCommand = 'reply' | 'note' | 'claim' | 'resolve' | 'assign';

export const CASE_COMMANDS: readonly { command: CaseCommand; label: string; key: string }[] = [
  { command: 'reply', label: 'Reply to the buyer or seller', key: 'r' },
  { command: 'note', label: 'Write an internal note', key: 'n' },
  { command: 'claim', label: 'Claim the case', key: 'c' },
  { command: 'resolve', label: 'Resolve the case', key: 'e' },
  { command: 'assign', label: 'Assign the case', key: 'a' },
];

const casePane = () => document.querySelector<HTMLElement>('section[aria-label="Open case"]');

/** The enabled control labelled exactly `label` (by a <label for>) in the open case. */
function control(pane: HTMLElement, label: string): HTMLElement | null {
  for (const l of pane.querySelectorAll<HTMLLabelElement>('label[for]')) {
    if (l.textContent?.trim() !== label) continue;
    const el = document.getElementById(l.htmlFor);
    if (el && !(el as HTMLInputElement).disabled) return el;
  }
  return null;
}

function button(pane: HTMLElement, name: string): HTMLButtonElement | null {
  for (const b of pane.querySelectorAll<HTMLButtonElement>('button')) {
    if (!b.disabled && (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name) return b;
  }
  return null;
}

/** The control a command would use on the open case now, or null when it cannot be done. */
function target(command: CaseCommand): HTMLElement | null {
  const pane = casePane();
  if (!pane) return null;
  switch (command) {
    case 'reply':
      return control(pane, 'Reply');
    case 'note':
      return control(pane, 'Internal note');
    case 'claim':
      return button(pane, 'Claim');
    case 'resolve':
      return control(pane, 'Summary') ?? button(pane, 'Resolve case');
    case 'assign':
      return control(pane, 'Assign to');
  }
}

export const canRunCaseCommand = (command: CaseCommand) => target(command) !== null;

/** Runs the command on the open case; false when the case offers no such control now. */
export function runCaseCommand(command: CaseCommand): boolean {
  const el = target(command);
  if (!el) return false;
  if (el instanceof HTMLButtonElement) {
    el.click();
    // Resolving opens its form: the summary is what the agent writes next.
    if (command === 'resolve') focusWhenShown(() => control(casePane()!, 'Summary'));
  } else {
    el.scrollIntoView({ block: 'nearest' });
    el.focus();
  }
  return true;
}

function focusWhenShown(find: () => HTMLElement | null, tries = 20) {
  const el = find();
  if (el) {
    el.scrollIntoView({ block: 'nearest' });
    el.focus();
  } else if (tries > 0) requestAnimationFrame(() => focusWhenShown(find, tries - 1));
}
