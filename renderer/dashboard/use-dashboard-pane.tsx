import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { canSeeQueueHealth, hasRole, languagesSeen, type Agent } from '../../shared';
import { useAppDispatch } from '../app/hooks';
import { filteredQueueOpened, pageChosen } from '../app/ui-slice';
import { useLive } from '../app/use-live';
import { keptQueueHealth, liveQueue } from '../data/dashboard-figures';
import type { ReplicaDb } from '../data/replica-db';
import { dashboardPeriod, exportChartCsv, refreshQueueHealth } from '../reports/dashboard-thunks';
import { Dashboard } from './Dashboard';
import { dashboardCharts } from './dashboard-charts';

/** How often the service's figures are read again while the dashboard shows. */
const REFRESH_MS = 5 * 60_000;

/**
 * The Dashboard for those who may see it (leads and T&S), bound to the replica (what is
 * open and due now, live) and to the kept service figures (read again on opening, every
 * few minutes and when the connection returns). Leads land on it when they sign in.
 */
export function useDashboardPane(
  db: ReplicaDb,
  me: Agent,
  now: Date,
  online: boolean,
  showing: boolean,
): ReactNode | undefined {
  const dispatch = useAppDispatch();
  const allowed = canSeeQueueHealth(me);
  const languages = useMemo(() => languagesSeen(me), [me]);

  const landed = useRef(false);
  useEffect(() => {
    if (landed.current) return;
    landed.current = true;
    if (hasRole(me, 'lead')) dispatch(pageChosen('dashboard'));
  }, [dispatch, me]);

  const live = useLive(
    () => (allowed && showing ? liveQueue(db, languages, now) : Promise.resolve(null)),
    [db, allowed, showing, languages, now],
    null,
  ).value;
  const kept = useLive(
    () => (allowed && showing ? keptQueueHealth(db) : Promise.resolve(null)),
    [db, allowed, showing],
    null,
  ).value;

  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(() => {
    setRefreshing(true);
    void dispatch(refreshQueueHealth()).finally(() => setRefreshing(false));
  }, [dispatch]);
  useEffect(() => {
    if (!allowed || !showing || !online) return;
    refresh();
    const t = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(t);
  }, [allowed, showing, online, refresh]);

  const charts = useMemo(
    () => dashboardCharts(live, kept?.data ?? null, languages),
    [live, kept, languages],
  );
  if (!allowed) return undefined;
  return (
    <Dashboard
      charts={charts}
      period={kept ? { from: kept.data.from, to: kept.data.to } : dashboardPeriod(now)}
      keptAt={kept?.at ?? null}
      online={online}
      refreshing={refreshing}
      now={now}
      onRefresh={refresh}
      onOpen={(target) => dispatch(filteredQueueOpened(target))}
      onExport={(chart) => dispatch(exportChartCsv(chart))}
    />
  );
}
