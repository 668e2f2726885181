import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Case } from '../../shared';
import { formatDateTime, PRIORITY_LABELS, STATUS_LABELS, TOPIC_LABELS, slaClock } from '../format';
import { describeAction } from '../case/action-text';
import { DISPUTE_STATUS_LABELS as DISPUTE_STATUS_TEXT } from '../case/DisputeForm';
import { DisputeDue } from '../case/DisputeDue';
import { labelOf, type AgentRead } from '../data/read-schemas';
import type { RowDetail } from '../data/replica-reads';
import type { QueueView, SortKey } from '../app/ui-slice';

export const ROW_HEIGHT = 36;
const OVERSCAN = 10;

export interface QueueWindow {
  /** Index of the first row in `rows`. */
  offset: number;
  rows: Case[];
  /** The rows are still the previous query's (a view, filter or search just changed). */
  busy: boolean;
  /** What waits in each row, for the Approvals and External disputes lists. */
  details?: Map<string, RowDetail>;
}

interface Props {
  /** Approvals and External disputes show what matters there instead of the general columns. */
  view?: QueueView;
  total: number;
  window: QueueWindow;
  selectedIndex: number;
  sort: { key: SortKey; direction: 'asc' | 'desc' };
  agents: Map<string, AgentRead>;
  now: Date;
  /** Asks for the rows in [start, end) when the visible range moves. */
  onRange: (start: number, end: number) => void;
  onSelect: (index: number) => void;
  onOpen: (c: Case) => void;
  onSort: (key: SortKey) => void;
  /** Ticked cases for a bulk action, and a tick (shift: a range); no ticks without it. */
  picked?: Readonly<Record<string, string>>;
  onPick?: (c: Case, index: number, range: boolean) => void;
  /** What an empty view says (during a first sync: that cases are still arriving). */
  emptyText?: string;
}

interface Column {
  key: string;
  label: string;
  sort?: SortKey;
}

const COLUMNS: Column[] = [
  { key: 'reference', label: 'Reference', sort: 'reference' },
  { key: 'buyer', label: 'Buyer' },
  { key: 'topic', label: 'Topic' },
  { key: 'language', label: 'Language' },
  { key: 'channel', label: 'Channel' },
  { key: 'priority', label: 'Priority', sort: 'priority' },
  { key: 'status', label: 'Status' },
  { key: 'assignee', label: 'Assignee' },
  { key: 'sla', label: 'SLA', sort: 'sla' },
];

// Reference and buyer first and the SLA last in every list: with a case open, those three stay.
const APPROVAL_COLUMNS: Column[] = [
  COLUMNS[0]!,
  COLUMNS[1]!,
  { key: 'waiting', label: 'Waiting for approval' },
  { key: 'proposedBy', label: 'Proposed by' },
  { key: 'since', label: 'Since' },
  COLUMNS[8]!,
];
const DISPUTE_COLUMNS: Column[] = [
  COLUMNS[0]!,
  COLUMNS[1]!,
  { key: 'disputeBody', label: 'Dispute body' },
  { key: 'responseDue', label: 'Response due' },
  { key: 'disputeStatus', label: 'Dispute status' },
  { key: 'status', label: 'Case status' },
  COLUMNS[8]!,
];

// A complaint's clock: when it came, by when to decide it (the SLA column), and its state.
const APPEAL_COLUMNS: Column[] = [
  COLUMNS[0]!,
  COLUMNS[1]!,
  { key: 'received', label: 'Complaint received' },
  { key: 'decideBy', label: 'Decide by' },
  { key: 'status', label: 'Case status' },
  COLUMNS[7]!,
  COLUMNS[8]!,
];

const columnsOf = (view: QueueView | undefined) =>
  view === 'approvals'
    ? APPROVAL_COLUMNS
    : view === 'disputes'
      ? DISPUTE_COLUMNS
      : view === 'appeals'
        ? APPEAL_COLUMNS
        : COLUMNS;

/**
 * The case queue as a real table, virtualised with TanStack Virtual (docs/workspace-ui.md
 * has the measurement against the windowing it replaced): only the rows in view (plus a
 * margin) are in the DOM, padded above and below by spacer rows, so 100,000 cases scroll
 * like 100 and the table stays a table. aria-rowcount and aria-rowindex keep the full size
 * known to assistive technology.
 */
export function QueueTable({
  view,
  total,
  window: win,
  selectedIndex,
  sort,
  agents,
  now,
  onRange,
  onSelect,
  onOpen,
  onSort,
  picked,
  onPick,
  emptyText = 'No cases in this view.',
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // Rows have one fixed height (no measuring); the sticky header row sits before the first
  // row inside the scroller (paddingStart) and covers the top of the view when j/k scroll a
  // row into it (scrollPaddingStart).
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    paddingStart: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
    // Rows on the first paint, before the scroller has been measured.
    initialRect: { width: 0, height: 600 },
    // Scroll updates go through React's batching instead of a flushSync per scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length ? items[items.length - 1]!.index + 1 : 0;

  useEffect(() => onRange(first, last), [first, last, onRange]);

  // Keep the selected row in view when j/k move it.
  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < virtualizer.options.count)
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const columns = columnsOf(view);
  const span = columns.length + (onPick ? 1 : 0);
  const rows = win.rows
    .map((c, i) => ({ c, index: win.offset + i }))
    .filter((r) => r.index >= first && r.index < last);
  const padTop = (rows[0]?.index ?? first) * ROW_HEIGHT;
  const padBottom = Math.max(
    0,
    (total - (rows.length ? rows[rows.length - 1]!.index + 1 : first)) * ROW_HEIGHT,
  );

  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, c: Case, index: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(index);
      onOpen(c);
    }
  };

  return (
    <div className="queue-scroll" ref={scroller}>
      <table
        className={onPick ? 'queue selectable' : 'queue'}
        aria-label="Cases"
        aria-rowcount={total + 1}
        aria-busy={win.busy}
      >
        <thead>
          <tr aria-rowindex={1}>
            {onPick && (
              <th scope="col" className="col-pick">
                <span className="visually-hidden">Selected</span>
              </th>
            )}
            {columns.map((col) => (
              <th
                key={col.key}
                scope="col"
                className={`col-${col.key}`}
                aria-sort={
                  col.sort && sort.key === col.sort
                    ? sort.direction === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
              >
                {col.sort ? (
                  <button type="button" className="th-sort" onClick={() => onSort(col.sort!)}>
                    {col.label}
                  </button>
                ) : (
                  col.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={span} />
            </tr>
          )}
          {rows.map(({ c, index }) => {
            const clock = slaClock(c, now);
            const selected = index === selectedIndex;
            return (
              <tr
                key={c.id}
                aria-rowindex={index + 2}
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                className={selected ? 'selected' : undefined}
                onClick={() => {
                  onSelect(index);
                  onOpen(c);
                }}
                onKeyDown={(e) => onKey(e, c, index)}
                style={{ height: ROW_HEIGHT }}
              >
                {onPick && (
                  <td className="pick">
                    <input
                      type="checkbox"
                      aria-label={`Select ${c.reference}`}
                      checked={!!picked?.[c.id]}
                      // The click carries the shift key; Space on the box clicks it too.
                      onChange={() => undefined}
                      onKeyDown={(e) => e.stopPropagation()}
                      onClick={(e) => {
                        e.stopPropagation();
                        onPick(c, index, e.shiftKey);
                      }}
                    />
                  </td>
                )}
                <td className="mono">{c.reference}</td>
                <td>{c.buyer.name}</td>
                {view === 'approvals' || view === 'disputes' ? (
                  <DetailCells
                    view={view}
                    c={c}
                    detail={win.details?.get(c.id)}
                    agents={agents}
                    now={now}
                  />
                ) : view === 'appeals' ? (
                  <AppealCells c={c} agents={agents} />
                ) : (
                  <GeneralCells c={c} agents={agents} />
                )}
                <td>
                  {clock ? (
                    <span
                      className={`sla ${clock.state}`}
                      title={
                        c.clockPausedAt
                          ? `Paused since ${formatDateTime(c.clockPausedAt)}: the case waits on the ${c.status === 'pending_seller' ? 'seller' : 'buyer'}`
                          : `${clock.which === 'resolution' ? 'Resolution' : 'First response'} due ${formatDateTime(clock.dueAt)}`
                      }
                    >
                      {clock.label}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={span} />
            </tr>
          )}
        </tbody>
      </table>
      {total === 0 && !win.busy && <p className="empty">{emptyText}</p>}
    </div>
  );
}

function GeneralCells({ c, agents }: { c: Case; agents: Map<string, AgentRead> }) {
  return (
    <>
      <td>{TOPIC_LABELS[c.topic]}</td>
      <td>{c.language.toUpperCase()}</td>
      <td>{c.channel}</td>
      <td>
        <span className={`prio ${c.priority}`}>{PRIORITY_LABELS[c.priority]}</span>
      </td>
      <td>{STATUS_LABELS[c.status]}</td>
      <td>{c.assigneeId ? (agents.get(c.assigneeId)?.name ?? '—') : 'Unassigned'}</td>
    </>
  );
}

/** A complaint: when it came and by when it is to be decided (its resolution clock). */
function AppealCells({ c, agents }: { c: Case; agents: Map<string, AgentRead> }) {
  return (
    <>
      <td>{formatDateTime(c.createdAt)}</td>
      <td>{c.status === 'resolved' ? 'Decided' : formatDateTime(c.resolutionDueAt)}</td>
      <td>{STATUS_LABELS[c.status]}</td>
      <td>{c.assigneeId ? (agents.get(c.assigneeId)?.name ?? '—') : 'Unassigned'}</td>
    </>
  );
}

/** What a reviewer or a lead looks for in these two lists: what waits, and since when. */
function DetailCells({
  view,
  c,
  detail,
  agents,
  now,
}: {
  view: 'approvals' | 'disputes';
  c: Case;
  detail: RowDetail | undefined;
  agents: Map<string, AgentRead>;
  now: Date;
}) {
  if (view === 'approvals') {
    const a = detail?.waiting;
    return (
      <>
        <td title={a ? describeAction(a) : undefined}>{a ? describeAction(a) : '…'}</td>
        <td>{a ? (agents.get(a.proposedBy)?.name ?? 'Unknown agent') : ''}</td>
        <td>{a ? formatDateTime(a.createdAt) : ''}</td>
      </>
    );
  }
  const d = detail?.dispute;
  return (
    <>
      <td title={d?.body}>{d ? d.body : '…'}</td>
      <td>{d ? <DisputeDue d={d} now={now} /> : ''}</td>
      <td>{d ? labelOf(DISPUTE_STATUS_TEXT, d.status) : ''}</td>
      <td>{STATUS_LABELS[c.status]}</td>
    </>
  );
}
