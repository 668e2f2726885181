import type { ChartData } from './chart-data';

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A field
// starting with = + - @ is prefixed so a spreadsheet does not run it as a formula.
function field(v: string): string {
  const safe = /^[=+\-@]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A chart's numbers as CSV: the same columns as its table, raw numbers (no units). */
export function chartCsv(chart: ChartData): string {
  const notes = chart.noteColumns ?? [];
  const header = [
    chart.rowLabel,
    ...chart.series.map((s) => s.label),
    ...notes.map((n) => n.label),
  ];
  const lines = chart.rows.map((r) => [
    r.label,
    ...chart.series.map((s) => {
      const v = r.values[s.key];
      return v === null || v === undefined ? '' : String(Math.round(v * 1000) / 1000);
    }),
    ...notes.map((n) => r.notes?.[n.key] ?? ''),
  ]);
  return `${[header, ...lines].map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
}

export const csvFileName = (chart: ChartData, day: string) => `${chart.id}-${day}.csv`;
