import type { CaseStatus } from './schemas/case';

/**
 * The case status machine. `new` cases become `open` when claimed; working states move
 * freely among themselves; only resolve leaves them, only reopen comes back.
 */
export const WORKING: readonly CaseStatus[] = [
  'open',
  'pending_buyer',
  'pending_seller',
  'ts_review',
];

export function isOpen(status: CaseStatus): boolean {
  return status !== 'resolved';
}

export type StatusCommand = 'claim' | 'release' | 'change' | 'resolve' | 'reopen';

/** The status after a command, or null when the command is not allowed from `from`. */
export function nextStatus(
  from: CaseStatus,
  command: StatusCommand,
  to?: CaseStatus,
): CaseStatus | null {
  switch (command) {
    case 'claim':
      return from === 'resolved' ? null : from === 'new' ? 'open' : from;
    case 'release':
      return from === 'resolved' ? null : from;
    case 'change':
      return from !== 'resolved' && to !== undefined && WORKING.includes(to) ? to : null;
    case 'resolve':
      return from === 'resolved' ? null : 'resolved';
    case 'reopen':
      return from === 'resolved' ? 'open' : null;
  }
}
