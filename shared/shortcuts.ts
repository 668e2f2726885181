import type { MenuCommand } from './desktop/ipc-contract';

export interface Shortcut {
  key: string;
  label: string;
  /** The application-menu command that does the same, in the desktop app. */
  command: MenuCommand;
  /** Pressed with Ctrl (Cmd on macOS); every other shortcut is a single key. */
  withCommandKey?: true;
  /** Only with a case open (acts on it). */
  onCase?: true;
}

/**
 * The workspace's keyboard shortcuts: the ? dialog and the desktop menu both list these.
 * The single keys never fire while the agent types in a field.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    key: 'j',
    label: 'Next case in the queue (opens it when a case is open)',
    command: 'queue.next',
  },
  {
    key: 'k',
    label: 'Previous case in the queue (opens it when a case is open)',
    command: 'queue.previous',
  },
  { key: 'Enter', label: 'Open the selected case', command: 'case.open-selected' },
  {
    key: 'x',
    label: 'Tick or untick the selected case for bulk actions (leads and T&S)',
    command: 'queue.toggle-row',
  },
  { key: '/', label: 'Search cases', command: 'search.focus' },
  { key: 'k', label: 'Command palette', command: 'palette.open', withCommandKey: true },
  { key: 'r', label: 'Reply to the open case', command: 'case.reply', onCase: true },
  {
    key: 'n',
    label: 'Write an internal note on the open case',
    command: 'case.note',
    onCase: true,
  },
  { key: 'c', label: 'Claim the open case', command: 'case.claim', onCase: true },
  { key: 'e', label: 'Resolve the open case', command: 'case.resolve', onCase: true },
  { key: 'a', label: 'Assign the open case', command: 'case.assign', onCase: true },
  { key: 'Escape', label: 'Close the case or this dialog', command: 'case.close' },
  { key: '?', label: 'Show these shortcuts', command: 'shortcuts.show' },
];

/** How a shortcut is written for people: "Ctrl+K" (⌘K on macOS), or the key itself. */
export function shortcutText(s: Shortcut, mac: boolean): string {
  if (!s.withCommandKey) return s.key;
  return mac ? `⌘${s.key.toUpperCase()}` : `Ctrl+${s.key.toUpperCase()}`;
}
