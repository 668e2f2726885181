import type { MenuCommand } from './desktop/ipc-contract';

export interface Shortcut {
  key: string;
  label: string;
  /** The application-menu command that does the same, in the desktop app. */
  command: MenuCommand;
}

/** The workspace's keyboard shortcuts: the ? dialog and the desktop menu both list these. */
export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'j', label: 'Next case in the queue', command: 'queue.next' },
  { key: 'k', label: 'Previous case in the queue', command: 'queue.previous' },
  { key: 'Enter', label: 'Open the selected case', command: 'case.open-selected' },
  { key: '/', label: 'Search cases', command: 'search.focus' },
  { key: 'Escape', label: 'Close the case or this dialog', command: 'case.close' },
  { key: '?', label: 'Show these shortcuts', command: 'shortcuts.show' },
];
