import { describe, expect, it } from 'vitest';
import { countClocks, runningClocks, type ClockedCase } from './queue-health-clocks';

const now = new Date('2026-12-02T10:00:00Z');
const base: ClockedCase = {
  status: 'open',
  language: 'de',
  firstRespondedAt: null,
  firstResponseDueAt: '2026-12-02T10:30:00Z',
  resolutionDueAt: '2026-12-07T10:00:00Z',
};

describe('running clocks', () => {
  it('runs the first response until the first reply, and the resolution until resolved', () => {
    expect(runningClocks(base)).toEqual({
      first_response: base.firstResponseDueAt,
      resolution: base.resolutionDueAt,
    });
    expect(runningClocks({ ...base, firstRespondedAt: '2026-12-02T09:00:00Z' })).toEqual({
      resolution: base.resolutionDueAt,
    });
    expect(runningClocks({ ...base, status: 'resolved' })).toEqual({});
  });

  it('stands the team clocks still while waiting, and runs the seller answer only on the seller', () => {
    const waiting = { ...base, clockPausedAt: '2026-12-01T10:00:00Z' };
    expect(runningClocks({ ...waiting, status: 'pending_buyer' })).toEqual({});
    expect(
      runningClocks({
        ...waiting,
        status: 'pending_seller',
        sellerAnswerDueAt: '2026-12-04T10:00:00Z',
      }),
    ).toEqual({ seller_answer: '2026-12-04T10:00:00Z' });
  });
});

describe('counting clocks', () => {
  it('counts due within the hour with both ends in, and overdue strictly before now', () => {
    const cases: ClockedCase[] = [
      { ...base, firstResponseDueAt: now.toISOString() },
      { ...base, firstResponseDueAt: '2026-12-02T11:00:00.000Z' },
      { ...base, firstResponseDueAt: '2026-12-02T11:00:00.001Z' },
      {
        ...base,
        firstResponseDueAt: '2026-12-02T09:59:59.999Z',
        resolutionDueAt: '2026-12-01T00:00:00Z',
      },
      { ...base, language: 'fr', firstResponseDueAt: '2026-12-01T00:00:00Z' },
    ];
    const counts = countClocks(cases, ['de', 'nl'], now);
    expect(counts.find((c) => c.clock === 'first_response' && c.language === 'de')).toEqual({
      clock: 'first_response',
      language: 'de',
      dueWithinHour: 2,
      overdue: 1,
    });
    expect(counts.find((c) => c.clock === 'resolution' && c.language === 'de')?.overdue).toBe(1);
    expect(counts).toHaveLength(6);
    expect(
      counts.filter((c) => c.language === 'nl').every((c) => c.overdue + c.dueWithinHour === 0),
    ).toBe(true);
  });
});
