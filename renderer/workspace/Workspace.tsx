import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import {
  CASE_STATUSES,
  CHANNELS,
  LANGUAGES,
  LANGUAGE_NAMES,
  PRIORITIES,
  TOPICS,
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
import { DeliveriesDialog } from '../integration/DeliveriesDialog';
import { QueueTable, type QueueWindow } from './QueueTable';
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
  onSignOut: () => void;
}

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
export function Workspace(p: Props) {
  const dispatch = useAppDispatch();
  const ui = useAppSelector((s) => s.ui);
  const search = useRef<HTMLInputElement>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [deliveriesOpen, setDeliveriesOpen] = useState(false);
  const selected = p.window.rows[ui.selectedIndex - p.window.offset];
  // Admins manage the team; leads see it, read-only.
  const seesTeam = canManageAccounts(p.me) || seesFullDirectory(p.me);
  const onTeam = seesTeam && ui.page === 'team';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isTyping(e.target) && ui.openCaseId) {
        dispatch(caseOpened(null));
        return;
      }
      if (onTeam || isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'j') dispatch(selectionMoved({ by: 1, count: p.total }));
      else if (e.key === 'k') dispatch(selectionMoved({ by: -1, count: p.total }));
      else if (e.key === 'Enter' && selected && !(e.target instanceof HTMLButtonElement))
        dispatch(caseOpened(selected.id));
      else if (e.key === '/') search.current?.focus();
      else if (e.key === '?') dispatch(shortcutsToggled(true));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, onTeam, p.total, selected, ui.openCaseId]);

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
        <span className="me">
          {p.me.name}{' '}
          <span className="muted small">({p.me.roles.join(', ').replace('_', ' & ')})</span>
        </span>
        <button
          type="button"
          onClick={() => dispatch(shortcutsToggled(true))}
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
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
      </header>
      <nav className="views" aria-label="Views">
        <ul>
          {QUEUE_VIEWS.map((v) => (
            <li key={v}>
              <a
                href={`#/${v}`}
                aria-current={!onTeam && ui.view === v ? 'page' : undefined}
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
          {seesTeam && (
            <li>
              <a
                href="#/team"
                aria-current={onTeam ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  dispatch(pageChosen('team'));
                }}
              >
                Team
              </a>
            </li>
          )}
        </ul>
      </nav>
      {onTeam ? (
        <main className="team-pane" aria-label="Team">
          <TeamView me={p.me} />
        </main>
      ) : (
        <main className="queue-pane" aria-label="Queue">
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
            <button type="button" onClick={() => dispatch(filtersCleared())}>
              Clear filters
            </button>
            <span className="muted small" aria-live="polite">
              {p.totalShown === 'counting'
                ? 'Counting…'
                : `${p.totalShown === 'about' ? 'about ' : ''}${count(p.total, 'case')}`}
            </span>
          </div>
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
          />
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
      <ShortcutsDialog open={ui.shortcutsOpen} onClose={() => dispatch(shortcutsToggled(false))} />
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      {canManageAccounts(p.me) && (
        <DeliveriesDialog open={deliveriesOpen} onClose={() => setDeliveriesOpen(false)} />
      )}
    </div>
  );
}
