import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { KeyboardEvent } from 'react';
import {
  formatValue,
  type ChartData,
  type ChartRow,
  type QueueTarget,
  type Series,
} from './chart-data';

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 8, right: 8, bottom: 36, left: 52 };

interface Props {
  chart: ChartData;
  onOpen: (target: QueueTarget) => void;
}

const HOUR_STEPS = [1, 2, 3, 4, 6, 8, 12, 24, 48, 96];

/** Counts tick at whole numbers (no 0.2 of a case); long durations at whole hours. */
function axisTicks(unit: ChartData['unit'], top: number, nice: number[]): number[] {
  if (unit === 'minutes' && top >= 120) {
    const step = (HOUR_STEPS.find((h) => top / 60 / h <= 5) ?? 192) * 60;
    return Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  }
  return unit === 'percent' || unit === 'minutes' ? nice : nice.filter(Number.isInteger);
}

/** Series colours: CSS variables, so light and dark each get theirs. */
export const seriesColour = (i: number) => `var(--chart-${(i % 6) + 1})`;

/**
 * Bars side by side or stacked, drawn with visx. A bar whose queue can be filtered to what
 * it counts is a button (Enter or Space too) that opens that queue; its name says what it
 * is and how many. The SVG scales with its box (a viewBox), so it fits any width.
 */
export function BarChart({ chart, onOpen }: Props) {
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const height = (r: ChartRow) =>
    chart.stacked
      ? chart.series.reduce((n, s) => n + (r.values[s.key] ?? 0), 0)
      : Math.max(0, ...chart.series.map((s) => r.values[s.key] ?? 0));
  const max = Math.max(1, ...chart.rows.map(height));
  const x = scaleBand<string>({
    domain: chart.rows.map((r) => r.key),
    range: [0, innerW],
    padding: 0.2,
  });
  const inner = scaleBand<string>({
    domain: chart.series.map((s) => s.key),
    range: [0, x.bandwidth()],
    padding: 0.05,
  });
  const y = scaleLinear<number>({
    domain: [0, chart.unit === 'percent' ? 100 : max],
    range: [innerH, 0],
    nice: true,
  });
  const labels = new Map(chart.rows.map((r) => [r.key, r.label]));
  // Thirty days do not fit as thirty labels: every few, and always the last.
  const every = Math.ceil(chart.rows.length / 10);
  const ticks = chart.rows
    .map((r) => r.key)
    .filter((_k, i, all) => i % every === 0 || i === all.length - 1);

  const bar = (
    row: ChartRow,
    s: Series,
    si: number,
    bx: number,
    by: number,
    bw: number,
    bh: number,
  ) => {
    const value = row.values[s.key] ?? null;
    if (value === null || bh <= 0) return null;
    const target = chart.target?.(row, s) ?? null;
    const name = `${row.label}, ${s.label}: ${formatValue(value, chart.unit)}`;
    const open = () => target && onOpen(target);
    return (
      <Bar
        key={`${row.key}-${s.key}`}
        x={bx}
        y={by}
        width={Math.max(1, bw)}
        height={bh}
        fill={seriesColour(si)}
        className={target ? 'chart-bar clickable' : 'chart-bar'}
        {...(target
          ? {
              role: 'button',
              tabIndex: 0,
              'aria-label': `${name}. Open the queue`,
              onClick: open,
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  open();
                }
              },
            }
          : { 'aria-hidden': true })}
      >
        <title>{name}</title>
      </Bar>
    );
  };

  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label={`${chart.title}: bars`}
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft
          scale={y}
          tickValues={axisTicks(chart.unit, y.domain()[1] ?? 1, y.ticks(5))}
          stroke="var(--line)"
          tickStroke="var(--line)"
          tickFormat={(v) => formatValue(Number(v), chart.unit)}
          tickLabelProps={{ fill: 'var(--muted)', fontSize: 10, textAnchor: 'end', dx: -4, dy: 3 }}
        />
        {chart.rows.map((row) => {
          const x0 = x(row.key) ?? 0;
          if (chart.stacked) {
            let acc = 0;
            return chart.series.map((s, si) => {
              const v = row.values[s.key] ?? 0;
              const top = y(acc + v);
              const h = y(acc) - top;
              acc += v;
              return bar(row, s, si, x0, top, x.bandwidth(), h);
            });
          }
          return chart.series.map((s, si) => {
            const v = row.values[s.key] ?? null;
            if (v === null) return null;
            const top = y(v);
            return bar(row, s, si, x0 + (inner(s.key) ?? 0), top, inner.bandwidth(), innerH - top);
          });
        })}
        <AxisBottom
          top={innerH}
          scale={x}
          tickValues={ticks}
          stroke="var(--line)"
          tickStroke="var(--line)"
          tickFormat={(k) => labels.get(k) ?? k}
          tickLabelProps={{ fill: 'var(--muted)', fontSize: 10, textAnchor: 'middle' }}
        />
      </Group>
    </svg>
  );
}
