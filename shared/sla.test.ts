import { describe, expect, it } from 'vitest';
import { sellerAnswerDueAt, slaDueDates, slaState } from './sla';

const t0 = new Date('2026-11-24T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('SLA clocks', () => {
  it('gives chat and phone 15 minutes and email 24 hours for a first response', () => {
    expect(slaDueDates(t0, 'chat').firstResponseDueAt).toEqual(at(15));
    expect(slaDueDates(t0, 'phone').firstResponseDueAt).toEqual(at(15));
    expect(slaDueDates(t0, 'email').firstResponseDueAt).toEqual(at(24 * 60));
  });

  it('gives every case five days to resolve', () => {
    expect(slaDueDates(t0, 'email').resolutionDueAt).toEqual(at(5 * 24 * 60));
  });

  it('reads a policy given as data', () => {
    const policy = {
      firstResponseMinutes: { chat: 5, phone: 5, email: 60 },
      resolutionMinutes: 120,
      dueSoonFraction: 0.5,
    };
    expect(slaDueDates(t0, 'email', policy)).toEqual({
      firstResponseDueAt: at(60),
      resolutionDueAt: at(120),
    });
  });

  it('marks a clock ok, due soon, overdue or met', () => {
    const due = at(100);
    expect(slaState(t0, due, at(10))).toBe('ok');
    expect(slaState(t0, due, at(80))).toBe('due_soon');
    expect(slaState(t0, due, at(101))).toBe('overdue');
    expect(slaState(t0, due, at(200), at(90))).toBe('met');
    expect(slaState(t0, due, at(200), at(110))).toBe('overdue');
  });

  it('gives a seller three business days to answer, not counting the weekend', () => {
    // Thursday 26 November 2026, 10:00 UTC → Tuesday 1 December, same time.
    expect(sellerAnswerDueAt(new Date('2026-11-26T10:00:00Z'))).toEqual(
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(sellerAnswerDueAt(new Date('2026-11-23T10:00:00Z'))).toEqual(
      new Date('2026-11-26T10:00:00Z'),
    );
  });
});
