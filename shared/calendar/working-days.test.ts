import { describe, expect, it } from 'vitest';
import { disputeDeadline, disputeResponseDueAt } from '../dispute-deadline';
import { addWorkingDays, workingDaysBetween } from './working-days';
import { dayFromIso, isoDay } from './zoned-time';

describe('working days', () => {
  it('skips weekends and public holidays', () => {
    // Thursday 24 December 2026 in the Netherlands: Christmas Friday, weekend, then Monday.
    expect(isoDay(addWorkingDays('NL', dayFromIso('2026-12-24'), 1))).toBe('2026-12-28');
    // In England Boxing Day (a Saturday) is kept on Monday 28: Tuesday.
    expect(isoDay(addWorkingDays('GB', dayFromIso('2026-12-24'), 1))).toBe('2026-12-29');
  });

  it('counts the working days after a day up to another', () => {
    expect(workingDaysBetween('NL', dayFromIso('2026-12-24'), dayFromIso('2026-12-29'))).toBe(2);
    expect(workingDaysBetween('NL', dayFromIso('2026-12-29'), dayFromIso('2026-12-24'))).toBe(0);
  });
});

describe('the response to an ADR body', () => {
  it('is due at the end of the 20th working day after filing, across Christmas and New Year', () => {
    // Filed Monday 7 December 2026 with De Geschillencommissie: 25, 26 December and
    // 1 January do not count → Wednesday 6 January 2027, end of day in Amsterdam (CET).
    expect(
      disputeResponseDueAt(
        'De Geschillencommissie',
        new Date('2026-12-07T10:00:00Z'),
      ).toISOString(),
    ).toBe('2027-01-06T22:59:59.999Z');
  });

  it("counts Easter Monday and King's Day in the Netherlands, in summer time", () => {
    expect(
      disputeResponseDueAt(
        'De Geschillencommissie',
        new Date('2026-03-27T10:00:00Z'),
      ).toISOString(),
    ).toBe('2026-04-28T21:59:59.999Z');
    // The German body counts Good Friday but not King's Day: 27 April works there.
    expect(
      disputeResponseDueAt(
        'Universalschlichtungsstelle des Bundes',
        new Date('2026-03-27T10:00:00Z'),
      ).toISOString(),
    ).toBe('2026-04-28T21:59:59.999Z');
    expect(
      disputeResponseDueAt(
        'Consumer Ombudsman (UK)',
        new Date('2026-03-27T10:00:00Z'),
      ).toISOString(),
    ).toBe('2026-04-28T22:59:59.999Z');
  });

  it("takes the filing day in the body's own time zone", () => {
    // 23:30 UTC on Sunday 6 December is already Monday 7 December in Amsterdam.
    expect(
      disputeResponseDueAt(
        'De Geschillencommissie',
        new Date('2026-12-06T23:30:00Z'),
      ).toISOString(),
    ).toBe('2027-01-06T22:59:59.999Z');
  });

  it('counts a body typed by hand in the Netherlands', () => {
    expect(disputeResponseDueAt('Some local board', new Date('2026-12-07T10:00:00Z'))).toEqual(
      disputeResponseDueAt('De Geschillencommissie', new Date('2026-12-07T10:00:00Z')),
    );
  });

  it('is ok, due soon within three working days, then overdue; nothing once decided', () => {
    const d = {
      body: 'De Geschillencommissie',
      status: 'filed' as const,
      responseDueAt: '2027-01-06T22:59:59.999Z',
    };
    expect(disputeDeadline(d, new Date('2026-12-30T10:00:00Z'))?.state).toBe('ok');
    // Thursday 31 December: 4, 5, 6 January are left (1 January is a holiday).
    expect(disputeDeadline(d, new Date('2026-12-31T10:00:00Z'))).toEqual({
      state: 'due_soon',
      workingDaysLeft: 3,
      label: 'Due in 3 working days (2027-01-06)',
    });
    expect(disputeDeadline(d, new Date('2027-01-06T20:00:00Z'))?.label).toBe(
      'Due today (2027-01-06)',
    );
    expect(disputeDeadline(d, new Date('2027-01-07T08:00:00Z'))).toMatchObject({
      state: 'overdue',
      label: 'Overdue since 2027-01-06',
    });
    expect(disputeDeadline({ ...d, status: 'decided' }, new Date('2027-02-01'))).toBeNull();
  });
});
