import { formatDistanceStrict } from 'date-fns';
import type { ChartData, QueueTarget } from './chart-data';
import { ChartCard } from './ChartCard';

interface Props {
  charts: ChartData[];
  period: { from: string; to: string };
  /** When the service's figures shown were read, or null if none were ever read. */
  keptAt: string | null;
  online: boolean;
  refreshing: boolean;
  now: Date;
  onRefresh: () => void;
  onOpen: (target: QueueTarget) => void;
  onExport: (chart: ChartData) => void;
}

/** A figure older than this is called stale, even online. */
const STALE_MS = 10 * 60_000;

/** The lead's view: what is open and due now (live), and the team's last 30 days. */
export function Dashboard(p: Props) {
  const age = p.keptAt ? p.now.getTime() - Date.parse(p.keptAt) : null;
  const ago =
    age === null
      ? null
      : age < 60_000
        ? 'just now'
        : `${formatDistanceStrict(new Date(p.keptAt!), p.now)} ago`;
  const stale = age !== null && (!p.online || age > STALE_MS);
  return (
    <div className="dashboard">
      <div className="dashboard-head">
        <h1>Dashboard</h1>
        <span className="muted small">
          Last 30 days, {p.period.from} to {p.period.to} (UTC)
        </span>
        <p className={stale ? 'figures-age warning' : 'figures-age muted small'} role="status">
          {ago === null
            ? p.online
              ? 'Reading the figures from the service…'
              : 'Offline: the service’s figures have not been read on this device yet.'
            : `Figures from ${ago}${p.online ? '' : ' (offline)'}`}
        </p>
        <button type="button" onClick={p.onRefresh} disabled={!p.online || p.refreshing}>
          {p.refreshing ? 'Refreshing…' : 'Refresh figures'}
        </button>
      </div>
      <div className="chart-grid">
        {p.charts.map((c) => (
          <ChartCard key={c.id} chart={c} onOpen={p.onOpen} onExport={p.onExport} />
        ))}
      </div>
    </div>
  );
}
