import { useState } from 'react';
import { BarChart, seriesColour } from './BarChart';
import { formatValue, type ChartData, type QueueTarget } from './chart-data';

interface Props {
  chart: ChartData;
  onOpen: (target: QueueTarget) => void;
  onExport: (chart: ChartData) => void;
}

/**
 * One chart as a figure: its title, the bars (or, toggled, a real table of the same
 * numbers), a legend, and its text alternative as the caption. Each can be exported as CSV.
 */
export function ChartCard({ chart, onOpen, onExport }: Props) {
  const [table, setTable] = useState(false);
  const titleId = `chart-${chart.id}`;
  const notes = chart.noteColumns ?? [];
  return (
    <figure className="chart-card" aria-labelledby={titleId}>
      <div className="chart-head">
        <h2 id={titleId}>{chart.title}</h2>
        <span className="muted small">
          {chart.source === 'live' ? 'Now, from this device' : 'From the service'}
        </span>
        <span className="chart-tools">
          <button type="button" aria-pressed={table} onClick={() => setTable(!table)}>
            Show table
          </button>
          <button
            type="button"
            aria-label={`Export CSV: ${chart.title}`}
            onClick={() => onExport(chart)}
          >
            Export CSV
          </button>
        </span>
      </div>
      {table ? (
        <div className="chart-table">
          <table>
            <caption className="visually-hidden">{chart.title}</caption>
            <thead>
              <tr>
                <th scope="col">{chart.rowLabel}</th>
                {chart.series.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label}
                  </th>
                ))}
                {notes.map((n) => (
                  <th scope="col" key={n.key}>
                    {n.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {chart.series.map((s) => (
                    <td key={s.key}>{formatValue(r.values[s.key] ?? null, chart.unit)}</td>
                  ))}
                  {notes.map((n) => (
                    <td key={n.key}>{r.notes?.[n.key] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <>
          <BarChart chart={chart} onOpen={onOpen} />
          <ul className="chart-legend" aria-label="Legend">
            {chart.series.map((s, i) => (
              <li key={s.key}>
                <span className="swatch" style={{ background: seriesColour(i) }} aria-hidden />
                {s.label}
              </li>
            ))}
          </ul>
        </>
      )}
      <figcaption className="small">{chart.summary}</figcaption>
    </figure>
  );
}
