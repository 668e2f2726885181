import { QueueHealth } from '../../shared';
import { request } from '../app/api-client';
import type { AppThunk } from '../app/store';
import { keepQueueHealth } from '../data/dashboard-figures';
import { chartCsv, csvFileName } from '../dashboard/chart-csv';
import type { ChartData } from '../dashboard/chart-data';
import { saveFile } from '../platform/save-file';

const DAY_MS = 86_400_000;
/** The dashboard's period: the last 30 days, today included (UTC days, as the service counts). */
export const DASHBOARD_DAYS = 30;

export function dashboardPeriod(now: Date): { from: string; to: string } {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(now.getTime() - (DASHBOARD_DAYS - 1) * DAY_MS), to: day(now.getTime()) };
}

export type RefreshOutcome = 'fresh' | 'offline' | 'refused';

/**
 * Reads the service's queue health for the last 30 days and keeps it on the device. Offline
 * or refused, the kept figures stay (the dashboard shows their age); a read, never queued.
 */
export const refreshQueueHealth =
  (now = new Date()): AppThunk<Promise<RefreshOutcome>> =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const open = connection.get();
    if (!open) return 'offline';
    const q = new URLSearchParams(dashboardPeriod(now));
    let body: unknown;
    try {
      body = await request<unknown>(serverUrl, `/api/v1/reports/queue-health?${q}`, {
        token: open.token,
      });
    } catch (err) {
      return err instanceof Error && err.name === 'UnreachableError' ? 'offline' : 'refused';
    }
    const read = QueueHealth.safeParse(body);
    if (!read.success) return 'refused';
    await keepQueueHealth(open.db, read.data, new Date());
    return 'fresh';
  };

/** A chart's numbers as a CSV file, named for the chart and the day. */
export const exportChartCsv =
  (chart: ChartData, now = new Date()): AppThunk<void> =>
  () => {
    const csv = chartCsv(chart);
    saveFile(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      csvFileName(chart, now.toISOString().slice(0, 10)),
    );
  };
