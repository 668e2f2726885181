import { useAppDispatch } from '../app/hooks';
import { filterSet, type PeriodKind, type QueueFilters } from '../app/ui-slice';
import type { AgentRead } from '../data/read-schemas';

const PERIOD_LABELS: Record<PeriodKind, string> = {
  created: 'Created',
  responded: 'First answered',
  resolved: 'Resolved',
  refunded: 'Refunded',
  restricted: 'Restricted',
};

const dayText = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** "Created 1 Dec 2026", "Refunded 30 Nov 2026 to 6 Dec 2026" (UTC days, both included). */
export function periodText(f: Pick<QueueFilters, 'periodOf' | 'periodFrom' | 'periodTo'>): string {
  if (!f.periodOf) return '';
  const days =
    f.periodFrom === f.periodTo
      ? dayText(f.periodFrom)
      : `${dayText(f.periodFrom)} to ${dayText(f.periodTo)}`;
  return `${PERIOD_LABELS[f.periodOf]} ${days} (UTC)`;
}

/**
 * The filters a dashboard bar sets that have no select of their own (an agent, some days):
 * each a chip with its own remove button; "Clear filters" clears them with the rest.
 */
export function FilterChips({
  filters,
  agents,
}: {
  filters: QueueFilters;
  agents: Map<string, AgentRead>;
}) {
  const dispatch = useAppDispatch();
  const chips: { text: string; key: 'assignee' | 'periodOf' }[] = [];
  if (filters.assignee) {
    const name = agents.get(filters.assignee)?.name ?? 'an agent no longer known';
    chips.push({ key: 'assignee', text: `Assigned to ${name}` });
  }
  if (filters.periodOf) chips.push({ key: 'periodOf', text: periodText(filters) });
  if (!chips.length) return null;
  return (
    <ul className="filter-chips" aria-label="Dashboard filters">
      {chips.map((c) => (
        <li key={c.key} className="filter-chip">
          <span>{c.text}</span>
          <button
            type="button"
            aria-label={`Remove filter: ${c.text}`}
            onClick={() => dispatch(filterSet({ key: c.key, value: '' }))}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
