import { describe, expect, it } from 'vitest';
import type { QueueHealth } from '../../shared';
import { dashboardCharts } from './dashboard-charts';

const durations = (count: number, met: number, median: number | null) => ({
  count,
  met,
  medianMinutes: median,
  p90Minutes: median === null ? null : median * 2,
});

const figures: QueueHealth = {
  from: '2026-12-01',
  to: '2026-12-02',
  asOf: '2026-12-02T10:00:00.000Z',
  languages: ['de', 'nl'],
  open: [],
  clocks: [],
  days: [
    {
      day: '2026-12-01',
      incoming: 7,
      firstResponse: durations(4, 3, 30),
      resolution: durations(2, 1, 600),
    },
    {
      day: '2026-12-02',
      incoming: 5,
      firstResponse: durations(0, 0, null),
      resolution: durations(0, 0, null),
    },
  ],
  workload: [
    {
      agentId: 'a',
      name: 'Ana',
      openAssigned: 3,
      oldestOpenAt: '2026-11-30T08:00:00.000Z',
      lastSeenAt: null,
    },
  ],
  weeks: [
    {
      week: '2026-W49',
      weekStart: '2026-11-30',
      refunds: 2,
      refunded: [{ amount: 12_50, currency: 'EUR' }],
      restrictions: 1,
    },
  ],
  aiAnswers: [
    { topic: 'payment_issue', cases: 10, rated: 4, notHelpful: 1 },
    { topic: 'item_not_received', cases: 10, rated: 8, notHelpful: 6 },
    { topic: 'general_question', cases: 3, rated: 0, notHelpful: 0 },
  ],
};

const live = {
  open: [{ status: 'new' as const, language: 'de' as const, count: 4 }],
  clocks: [
    { clock: 'seller_answer' as const, language: 'nl' as const, dueWithinHour: 0, overdue: 2 },
  ],
};

describe('the dashboard charts', () => {
  const charts = dashboardCharts(live, figures, ['de', 'nl']);
  const chart = (id: string) => charts.find((c) => c.id === id)!;

  it('carry the service’s numbers per day, with SLA attainment as the share met', () => {
    expect(chart('incoming-resolved').rows.map((r) => r.values)).toEqual([
      { incoming: 7, resolved: 2 },
      { incoming: 5, resolved: 0 },
    ]);
    expect(chart('sla-attainment').rows.map((r) => r.values)).toEqual([
      { firstResponse: 75, resolution: 50 },
      { firstResponse: null, resolution: null },
    ]);
    expect(chart('first-response-time').rows[0]!.values).toEqual({ median: 30, p90: 60 });
    expect(chart('refunds-restrictions').rows[0]!.notes).toEqual({ refunded: '12.50 EUR' });
  });

  it('put the topic the knowledge base should fix first at the top', () => {
    expect(chart('ai-not-helpful').rows.map((r) => [r.key, r.values.rate])).toEqual([
      ['item_not_received', 75],
      ['payment_issue', 25],
      ['general_question', null],
    ]);
    expect(chart('ai-not-helpful').summary).toContain('fix first: Item not received (75.0 %)');
  });

  it('open the queue a bar counts: language and status, a waiting seller, a topic', () => {
    const open = chart('open-cases');
    const de = open.rows.find((r) => r.key === 'de')!;
    expect(de.values.new).toBe(4);
    expect(open.target!(de, { key: 'new', label: 'New' })).toEqual({
      language: 'de',
      status: 'new',
    });
    const overdue = chart('overdue');
    const nl = overdue.rows.find((r) => r.key === 'nl')!;
    expect(nl.values.seller_answer).toBe(2);
    expect(overdue.target!(nl, { key: 'seller_answer', label: '' })).toEqual({
      language: 'nl',
      status: 'pending_seller',
    });
    const ai = chart('ai-not-helpful');
    expect(ai.target!(ai.rows[0]!, ai.series[0]!)).toEqual({
      topic: 'item_not_received',
      periodOf: 'created',
      periodFrom: '2026-12-01',
      periodTo: '2026-12-02',
    });
  });

  it('open, for every bar of the service’s charts, the cases it counts: by agent, by day, by week', () => {
    const day = (id: string, series: string) => {
      const c = chart(id);
      return c.target!(
        c.rows[0]!,
        c.series.find((s) => s.key === series)!,
      );
    };
    const dec1 = (periodOf: string) => ({
      periodOf,
      periodFrom: '2026-12-01',
      periodTo: '2026-12-01',
    });
    expect(day('incoming-resolved', 'incoming')).toEqual(dec1('created'));
    expect(day('incoming-resolved', 'resolved')).toEqual(dec1('resolved'));
    expect(day('first-response-time', 'median')).toEqual(dec1('responded'));
    expect(day('resolution-time', 'p90')).toEqual(dec1('resolved'));
    expect(day('sla-attainment', 'firstResponse')).toEqual(dec1('responded'));
    expect(day('sla-attainment', 'resolution')).toEqual(dec1('resolved'));
    const work = chart('workload');
    expect(work.target!(work.rows[0]!, work.series[0]!)).toEqual({
      assignee: figures.workload[0]!.agentId,
    });
    const weeks = chart('refunds-restrictions');
    const week = weeks.rows[0]!;
    expect(weeks.target!(week, weeks.series[0]!)).toEqual({
      periodOf: 'refunded',
      periodFrom: week.key,
      periodTo: '2026-12-06',
    });
    expect(weeks.target!(week, weeks.series[1]!)).toMatchObject({ periodOf: 'restricted' });
  });

  it('show only the live charts until the service’s figures were read once', () => {
    expect(dashboardCharts(live, null, ['de']).map((c) => c.source)).toEqual([
      'live',
      'live',
      'live',
    ]);
  });
});
