import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Case } from '../../shared';
import {
  formatDate,
  formatDateTime,
  PRIORITY_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
  slaClock,
} from '../format';
import { describeAction } from '../case/action-text';
import { DISPUTE_STATUS_LABELS as DISPUTE_STATUS_TEXT } from '../case/DisputeForm';
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

const columnsOf = (view: QueueView | undefined) =>
  view === 'approvals' ? APPROVAL_COLUMNS : view === 'disputes' ? DISPUTE_COLUMNS : COLUMNS;

/**
 * The case queue as a real table, virtualised: only the rows in view (plus a margin) are
 * in the DOM, padded above and below, so 100,000 cases scroll like 100. aria-rowcount and
 * aria-rowindex keep the full size known to assistive technology.
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
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  const first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => onRange(first, last), [first, last, onRange]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the selected row in view when j/k move it.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const top = selectedIndex * ROW_HEIGHT;
    const headerHeight = ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - headerHeight) {
      el.scrollTop = top + ROW_HEIGHT * 2 - el.clientHeight;
    }
  }, [selectedIndex]);

  const columns = columnsOf(view);
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
    <div
      className="queue-scroll"
      ref={scroller}
      onScroll={(e) =>
        setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
      }
    >
      <table className="queue" aria-label="Cases" aria-rowcount={total + 1} aria-busy={win.busy}>
        <thead>
          <tr aria-rowindex={1}>
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
              <td colSpan={columns.length} />
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
                <td className="mono">{c.reference}</td>
                <td>{c.buyer.name}</td>
                {view === 'approvals' || view === 'disputes' ? (
                  <DetailCells view={view} c={c} detail={win.details?.get(c.id)} agents={agents} />
                ) : (
                  <GeneralCells c={c} agents={agents} />
                )}
                <td>
                  {clock ? (
                    <span
                      className={`sla ${clock.state}`}
                      title={`${clock.which === 'resolution' ? 'Resolution' : 'First response'} due ${formatDateTime(clock.dueAt)}`}
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
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
      {total === 0 && !win.busy && <p className="empty">No cases in this view.</p>}
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

/** What a reviewer or a lead looks for in these two lists: what waits, and since when. */
function DetailCells({
  view,
  c,
  detail,
  agents,
}: {
  view: 'approvals' | 'disputes';
  c: Case;
  detail: RowDetail | undefined;
  agents: Map<string, AgentRead>;
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
      <td>{d?.responseDueAt ? formatDate(d.responseDueAt) : d ? '—' : ''}</td>
      <td>{d ? labelOf(DISPUTE_STATUS_TEXT, d.status) : ''}</td>
      <td>{STATUS_LABELS[c.status]}</td>
    </>
  );
}
