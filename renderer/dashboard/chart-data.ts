import type { QueueFilters } from '../app/ui-slice';

/** One series of a chart: a colour in the legend, a column in its table and its CSV. */
export interface Series {
  key: string;
  label: string;
}

export interface ChartRow {
  /** Identifies the row (a language code, a day, an agent id). */
  key: string;
  /** What the row is (a language, a day, an agent), as shown on the axis and in the table. */
  label: string;
  values: Record<string, number | null>;
  /** Extra table columns that are not drawn (an agent's oldest case, last seen). */
  notes?: Record<string, string>;
}

/** The team queue with these filters: what a bar or point opens. */
export type QueueTarget = Partial<QueueFilters>;

export interface ChartData {
  id: string;
  title: string;
  /** The chart's text alternative: what it shows and what stands out. */
  summary: string;
  /** The heading of the row labels' column. */
  rowLabel: string;
  series: Series[];
  rows: ChartRow[];
  /** Heading and key of extra, undrawn columns. */
  noteColumns?: Series[];
  /** Bars of a row stacked into one (parts of a whole), else side by side. */
  stacked?: boolean;
  unit: 'cases' | 'minutes' | 'percent' | 'count';
  /** The filtered queue a bar opens, when the queue can filter by what the bar is. */
  target?: (row: ChartRow, series: Series) => QueueTarget | null;
  /** Where the numbers come from: the device's replica now, or the service's kept figures. */
  source: 'live' | 'service';
}

/** A number as the table and the tooltip show it. */
export function formatValue(v: number | null, unit: ChartData['unit']): string {
  if (v === null) return '–';
  if (unit === 'percent') return `${v.toFixed(1)} %`;
  if (unit === 'minutes')
    return v >= 120 ? `${(v / 60).toFixed(v % 60 === 0 ? 0 : 1)} h` : `${Math.round(v)} min`;
  return String(v);
}
