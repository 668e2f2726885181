import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import {
  CASE_STATUSES,
  CHANNELS,
  LANGUAGES,
  LANGUAGE_NAMES,
  PRIORITIES,
  TOPICS,
  canExportStatements,
  canActInBulk,
  canManageAccounts,
  seesFullDirectory,
  type Agent,
  type Case,
} from '../../shared';
import { Field } from '../case/Field';
import { count, PRIORITY_LABELS, STATUS_LABELS, TOPIC_LABELS } from '../format';
import {
  QUEUE_VIEWS,
  VIEW_LABELS,
  caseOpened,
  filterSet,
  filtersCleared,
  pageChosen,
  rowsPicked,
  searchChanged,
  selectionMoved,
  selectionSet,
  shortcutsToggled,
  sortChosen,
  viewChosen,
  type QueueFilters,
  type QueueView,
} from '../app/ui-slice';
import type { AgentRead } from '../data/read-schemas';
import type { CaseJump } from '../data/replica-reads';
import { BulkBar } from './BulkBar';
import { CommandPalette } from './CommandPalette';
import { runCaseCommand, type CaseCommand } from './case-commands';
import { DeliveriesDialog } from '../integration/DeliveriesDialog';
import { DsaExportDialog } from '../reports/DsaExportDialog';
import { AvailabilitySwitches } from './AvailabilitySwitches';
import { NotificationsButton, type NotificationsProps } from './NotificationsButton';
import { QueueTable, type QueueWindow } from './QueueTable';
import { FilterChips } from './FilterChips';
import { FirstSyncProgress } from './FirstSyncProgress';
import type { FirstSyncProgress as FirstSyncProgressRow } from '../data/replica-db';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SyncStatus, type SyncStatusProps } from './SyncStatus';
import { TeamView } from './team/TeamView';

interface Props {
  me: Agent;
  agents: Map<string, AgentRead>;
  now: Date;
  counts: Partial<Record<QueueView, number>>;
  total: number;
  /** A search or a combination of filters is counted after its rows show, or estimated. */
  totalShown?: 'exact' | 'about' | 'counting';
  window: QueueWindow;
  onRange: (start: number, end: number) => void;
  sync: SyncStatusProps;
  casePane: ReactNode;
  /** The Account view of the party chosen (page `account`). */
  accountPane?: ReactNode;
  /** The Dashboard (page `dashboard`), for those who may see it. */
  dashboardPane?: ReactNode;
  onSignOut: () => void;
  /** What happened to me (issue 16), from the replica. */
  notifications?: NotificationsProps;
  /** Cases by reference for the command palette, from the replica. */
  findCases: (typed: string) => Promise<CaseJump[]>;
  /** The open case's reference, once it shows. */
  openReference?: string;
  /** Shown after the queue: a search's cases found by the service only. */
  belowQueue?: ReactNode;
  /** What an empty view says instead of "No cases in this view." (e.g. the service found some). */
  emptyText?: string;
  /** A first sync under way: its progress shows above the queue. */
  firstSync?: FirstSyncProgressRow | null;
}

const CASE_KEYS: Record<string, CaseCommand> = {
  r: 'reply',
  n: 'note',
  c: 'claim',
  e: 'resolve',
  a: 'assign',
};

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

const FILTERS: {
  key: keyof QueueFilters;
  label: string;
  options: readonly string[];
  text: (v: string) => string;
}[] = [
  {
    key: 'status',
    label: 'Status',
    options: CASE_STATUSES,
    text: (v) => STATUS_LABELS[v as Case['status']],
  },
  {
    key: 'language',
    label: 'Language',
    options: LANGUAGES,
    text: (v) => LANGUAGE_NAMES[v as Case['language']],
  },
  {
    key: 'channel',
    label: 'Channel',
    options: CHANNELS,
    text: (v) => v[0]!.toUpperCase() + v.slice(1),
  },
  { key: 'topic', label: 'Topic', options: TOPICS, text: (v) => TOPIC_LABELS[v as Case['topic']] },
  {
    key: 'priority',
    label: 'Priority',
    options: PRIORITIES,
    text: (v) => PRIORITY_LABELS[v as Case['priority']],
  },
];

/** The screen agents live in: views on the left, the queue, the open case beside it. */
/** A sidebar link to one of the pages beside the queue views. */
function PageLink(p: { page: 'dashboard' | 'team'; label: string; current: boolean }) {
  const dispatch = useAppDispatch();
  return (
    <li>
      <a
        href={`#/${p.page}`}
        aria-current={p.current ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault();
          dispatch(pageChosen(p.page));
        }}
      >
        {p.label}
      </a>
    </li>
  );
}

export function Workspace(p: Props) {
  const dispatch = useAppDispatch();
  const ui = useAppSelector((s) => s.ui);
  const search = useRef<HTMLInputElement>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [deliveriesOpen, setDeliveriesOpen] = useState(false);
  const [dsaExportOpen, setDsaExportOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const selected = p.window.rows[ui.selectedIndex - p.window.offset];
  // Admins manage the team; leads see it, read-only.
  const seesTeam = canManageAccounts(p.me) || seesFullDirectory(p.me);
  const onTeam = seesTeam && ui.page === 'team';
  const onAccount = ui.page === 'account' && !!p.accountPane;
  const onDashboard = ui.page === 'dashboard' && !!p.dashboardPane;
  const bulk = canActInBulk(p.me);
  const pick = (c: Case, index: number, range: boolean) => {
    const from = range && ui.pickAnchor !== null ? Math.min(ui.pickAnchor, index) : index;
    const to = range && ui.pickAnchor !== null ? Math.max(ui.pickAnchor, index) : index;
    // A range reaches the rows read around the screen (the queue's window), no further.
    const rows = p.window.rows
      .slice(Math.max(0, from - p.window.offset), to - p.window.offset + 1)
      .map((r) => ({ id: r.id, reference: r.reference }));
    dispatch(
      rowsPicked({
        rows: rows.length ? rows : [{ id: c.id, reference: c.reference }],
        index,
        range: from !== to,
      }),
    );
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The palette opens from anywhere, a field included: Ctrl/Cmd+K types nothing.
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPaletteOpen(true);
        return;
      }
      if (e.key === 'Escape' && !isTyping(e.target) && ui.openCaseId) {
        dispatch(caseOpened(null));
        return;
      }
      if (onTeam || onDashboard || isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const caseKey = ui.openCaseId ? CASE_KEYS[e.key] : undefined;
      if (caseKey) {
        if (!runCaseCommand(caseKey)) return;
      } else if ((e.key === 'j' || e.key === 'k') && ui.openCaseId) {
        // With a case open, moving opens the next one: reading down the queue.
        const by = e.key === 'j' ? 1 : -1;
        const to = Math.max(0, Math.min(ui.selectedIndex + by, p.total - 1));
        const row = p.window.rows[to - p.window.offset];
        dispatch(selectionSet(to));
        if (row) dispatch(caseOpened(row.id));
      } else if (e.key === 'j') dispatch(selectionMoved({ by: 1, count: p.total }));
      else if (e.key === 'k') dispatch(selectionMoved({ by: -1, count: p.total }));
      else if (e.key === 'Enter' && selected && !(e.target instanceof HTMLButtonElement))
        dispatch(caseOpened(selected.id));
      else if (e.key === 'x' && bulk && selected) pick(selected, ui.selectedIndex, false);
      else if (e.key === '/') search.current?.focus();
      else if (e.key === '?') dispatch(shortcutsToggled(true));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className={!onTeam && ui.openCaseId ? 'workspace with-case' : 'workspace'}>
      <header className="topbar">
        <span className="brand">Casedesk</span>
        <input
          ref={search}
          type="search"
          className="search"
          aria-label="Search cases"
          placeholder="Search cases (reference, buyer, lot)   /"
          value={ui.search}
          onChange={(e) => dispatch(searchChanged(e.target.value))}
        />
        <SyncStatus {...p.sync} />
        <AvailabilitySwitches />
        {p.notifications && <NotificationsButton {...p.notifications} />}
        <button
          type="button"
          onClick={() => dispatch(shortcutsToggled(true))}
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </header>
      {/* Who is signed in and what concerns the account sit at the foot of the sidebar, as in
          Linear and Front: the top bar keeps what is used all day, on one line from 1280 px. */}
      <div className="sidebar">
        <nav className="views" aria-label="Views">
          <ul>
            {p.dashboardPane && (
              <PageLink page="dashboard" label="Dashboard" current={onDashboard} />
            )}
            {QUEUE_VIEWS.map((v) => (
              <li key={v}>
                <a
                  href={`#/${v}`}
                  aria-current={
                    !onTeam && !onAccount && !onDashboard && ui.view === v ? 'page' : undefined
                  }
                  aria-describedby={`count-${v}`}
                  onClick={(e) => {
                    e.preventDefault();
                    dispatch(viewChosen(v));
                  }}
                >
                  {VIEW_LABELS[v]}
                </a>
                <span id={`count-${v}`} className="count" aria-label={`${p.counts[v] ?? 0} cases`}>
                  {p.counts[v] ?? 0}
                </span>
              </li>
            ))}
            {seesTeam && <PageLink page="team" label="Team" current={onTeam} />}
          </ul>
        </nav>
        <div className="sidebar-foot">
          <p className="me">
            {p.me.name}{' '}
            <span className="muted small">({p.me.roles.join(', ').replace('_', ' & ')})</span>
          </p>
          {canExportStatements(p.me) && (
            <button type="button" onClick={() => setDsaExportOpen(true)}>
              Export DSA statements
            </button>
          )}
          {canManageAccounts(p.me) && (
            <button type="button" onClick={() => setDeliveriesOpen(true)}>
              Deliveries
            </button>
          )}
          <button type="button" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
          <button type="button" onClick={p.onSignOut}>
            Sign out
          </button>
        </div>
      </div>
      {onTeam ? (
        <main className="team-pane" aria-label="Team">
          <TeamView me={p.me} />
        </main>
      ) : onDashboard ? (
        <main className="dashboard-pane" aria-label="Dashboard">
          {/* A lead lands here: their first sync says how far it is here too. */}
          {p.firstSync && <FirstSyncProgress progress={p.firstSync} />}
          {p.dashboardPane}
        </main>
      ) : onAccount ? (
        <main className="account-pane" aria-label="Account">
          {p.accountPane}
        </main>
      ) : (
        <main className="queue-pane" aria-label="Queue">
          {p.firstSync && <FirstSyncProgress progress={p.firstSync} />}
          <div className="filters" role="group" aria-label="Filters">
            {FILTERS.map((f) => (
              <Field key={f.key} label={f.label}>
                {(id) => (
                  <select
                    id={id}
                    value={ui.filters[f.key]}
                    onChange={(e) => dispatch(filterSet({ key: f.key, value: e.target.value }))}
                  >
                    <option value="">All</option>
                    {f.options.map((o) => (
                      <option key={o} value={o}>
                        {f.text(o)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
            <FilterChips filters={ui.filters} agents={p.agents} />
            <div className="filters-end">
              <button type="button" onClick={() => dispatch(filtersCleared())}>
                Clear filters
              </button>
              <span className="muted small" aria-live="polite">
                {p.totalShown === 'counting'
                  ? 'Counting…'
                  : `${p.totalShown === 'about' ? 'about ' : ''}${count(p.total, 'case')}`}
              </span>
            </div>
          </div>
          {bulk && <BulkBar me={p.me} agents={p.agents} />}
          <QueueTable
            view={ui.view}
            total={p.total}
            window={p.window}
            selectedIndex={ui.selectedIndex}
            sort={ui.sort}
            agents={p.agents}
            now={p.now}
            onRange={p.onRange}
            onSelect={(i) => dispatch(selectionSet(i))}
            onOpen={(c) => dispatch(caseOpened(c.id))}
            onSort={(k) => dispatch(sortChosen(k))}
            {...(bulk ? { picked: ui.picked, onPick: pick } : {})}
            {...(p.firstSync
              ? { emptyText: 'No cases in this view yet: they show as they arrive.' }
              : p.emptyText
                ? { emptyText: p.emptyText }
                : {})}
          />
          {p.belowQueue}
        </main>
      )}
      {!onTeam && ui.openCaseId && (
        <section className="case-pane" aria-label="Open case">
          <button type="button" className="close-case" onClick={() => dispatch(caseOpened(null))}>
            Close case
          </button>
          {p.casePane}
        </section>
      )}
      <CommandPalette
        open={paletteOpen}
        onClose={() => setPaletteOpen(false)}
        views={[
          ...QUEUE_VIEWS.map((v) => ({ label: VIEW_LABELS[v], go: () => dispatch(viewChosen(v)) })),
          ...(p.dashboardPane
            ? [{ label: 'Dashboard', go: () => dispatch(pageChosen('dashboard')) }]
            : []),
          ...(seesTeam ? [{ label: 'Team', go: () => dispatch(pageChosen('team')) }] : []),
          { label: 'Settings', go: () => setSettingsOpen(true) },
          { label: 'Keyboard shortcuts', go: () => dispatch(shortcutsToggled(true)) },
        ]}
        openCase={!onTeam && ui.openCaseId ? (p.openReference ?? null) : null}
        findCases={p.findCases}
        onOpenCase={(id) => {
          if (onTeam) dispatch(pageChosen('queue'));
          dispatch(caseOpened(id));
        }}
      />
      <ShortcutsDialog open={ui.shortcutsOpen} onClose={() => dispatch(shortcutsToggled(false))} />
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      {canManageAccounts(p.me) && (
        <DeliveriesDialog open={deliveriesOpen} onClose={() => setDeliveriesOpen(false)} />
      )}
      {canExportStatements(p.me) && dsaExportOpen && (
        <DsaExportDialog open now={p.now} onClose={() => setDsaExportOpen(false)} />
      )}
    </div>
  );
}
