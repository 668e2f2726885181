import { describe, expect, it } from 'vitest';
import { rankedPriority, reportingWindow } from './reporting-window';

const order = (shippedAt: string | null, deliveredAt: string | null) => ({
  shippedAt,
  deliveredAt,
});

describe('reporting windows', () => {
  it('says a problem reported within 14 days of delivery is within the window', () => {
    expect(
      reportingWindow({
        topic: 'not_as_described',
        createdAt: '2026-12-04T09:00:00Z',
        order: order('2026-11-27T09:00:00Z', '2026-12-01T08:00:00Z'),
      }),
    ).toEqual({
      state: 'within',
      days: 3,
      label: 'Reported 3 days after delivery — within the 14-day window',
    });
  });

  it('says a problem reported after the window is outside it, and ranks it one step lower', () => {
    const late = {
      topic: 'damaged_in_transit' as const,
      createdAt: '2026-12-20T09:00:00Z',
      order: order('2026-11-27T09:00:00Z', '2026-12-01T08:00:00Z'),
    };
    expect(reportingWindow(late)).toMatchObject({
      state: 'late',
      days: 19,
      label: 'Reported 19 days after delivery — outside the 14-day window',
    });
    expect(rankedPriority(late, 'email')).toBe('low');
    expect(rankedPriority({ ...late, createdAt: '2026-12-04T09:00:00Z' }, 'email')).toBe('normal');
  });

  it('gives a suspected counterfeit 30 days, still urgent-minded on a live channel', () => {
    const c = {
      topic: 'counterfeit_suspected' as const,
      createdAt: '2026-12-25T09:00:00Z',
      order: order(null, '2026-12-01T08:00:00Z'),
    };
    expect(reportingWindow(c)?.state).toBe('within');
    expect(rankedPriority(c, 'chat')).toBe('urgent');
  });

  it('checks "not arrived" only some weeks after shipping', () => {
    const early = {
      topic: 'item_not_received' as const,
      createdAt: '2026-12-06T09:00:00Z',
      order: order('2026-12-01T08:00:00Z', null),
    };
    expect(reportingWindow(early)).toMatchObject({
      state: 'early',
      label: 'Reported 5 days after shipping — before the 21-day “not arrived” check',
    });
    expect(rankedPriority(early, 'email')).toBe('low');
    const due = { ...early, createdAt: '2026-12-23T09:00:00Z' };
    expect(reportingWindow(due)).toMatchObject({ state: 'within', days: 22 });
    expect(rankedPriority(due, 'email')).toBe('normal');
  });

  it('cannot check without the date it counts from, and leaves the rank alone', () => {
    const c = {
      topic: 'not_as_described' as const,
      createdAt: '2026-12-06T09:00:00Z',
      order: order('2026-12-01T08:00:00Z', null),
    };
    expect(reportingWindow(c)?.state).toBe('unknown');
    expect(rankedPriority(c, 'email')).toBe('normal');
    expect(reportingWindow({ ...c, topic: 'general_question' })).toBeNull();
    expect(reportingWindow({ ...c, order: null })).toBeNull();
  });
});
