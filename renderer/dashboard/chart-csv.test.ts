import { describe, expect, it } from 'vitest';
import { chartCsv } from './chart-csv';
import type { ChartData } from './chart-data';

const chart: ChartData = {
  id: 'workload',
  title: 'Workload per agent',
  summary: '',
  rowLabel: 'Agent',
  series: [{ key: 'open', label: 'Open assigned' }],
  noteColumns: [{ key: 'seen', label: 'Last seen' }],
  rows: [
    { key: 'a', label: 'Ana, "the fast"', values: { open: 3 }, notes: { seen: '2026-12-02' } },
    { key: 'b', label: '=cmd()', values: { open: null } },
    { key: 'c', label: 'Lena', values: { open: 2.33333 } },
  ],
  unit: 'cases',
  source: 'service',
};

describe('chart CSV', () => {
  it('has the table’s columns, quotes what needs quoting and defuses formulas', () => {
    expect(chartCsv(chart)).toBe(
      'Agent,Open assigned,Last seen\r\n' +
        '"Ana, ""the fast""",3,2026-12-02\r\n' +
        "'=cmd(),,\r\n" +
        'Lena,2.333,\r\n',
    );
  });
});
