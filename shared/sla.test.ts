import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isBusinessTime,
} from './calendar/business-hours';
import { BUSINESS_HOURS } from './policy/business-hours';
import { clockChange, resumeClocks, sellerAnswerDueAt, slaDueDates, slaState } from './sla';

const t0 = new Date('2026-11-24T10:00:00Z'); // Tuesday, 11:00 in Amsterdam
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const utc = (s: string) => new Date(s);

describe('SLA clocks in business hours', () => {
  it('gives chat and phone 15 minutes and email one business day for a first response', () => {
    expect(slaDueDates(t0, 'chat', 'nl').firstResponseDueAt).toEqual(at(15));
    expect(slaDueDates(t0, 'phone', 'nl').firstResponseDueAt).toEqual(at(15));
    // 11:00 Tuesday + 8 business hours = 11:00 Wednesday.
    expect(slaDueDates(t0, 'email', 'nl').firstResponseDueAt).toEqual(at(24 * 60));
  });

  it('gives every case five business days to resolve, not counting the weekend', () => {
    // Tuesday 11:00 → Tuesday a week later, 11:00.
    expect(slaDueDates(t0, 'email', 'nl').resolutionDueAt).toEqual(at(7 * 24 * 60));
  });

  it('starts a clock for a case arriving after hours at the next opening', () => {
    // Friday 27 November 2026, 16:50 in Amsterdam (15:50 UTC): 10 minutes Friday, 5 Monday.
    expect(slaDueDates(utc('2026-11-27T15:50:00Z'), 'chat', 'nl').firstResponseDueAt).toEqual(
      utc('2026-11-30T08:05:00Z'),
    );
    // Saturday night: Monday 09:15.
    expect(slaDueDates(utc('2026-11-28T22:00:00Z'), 'chat', 'nl').firstResponseDueAt).toEqual(
      utc('2026-11-30T08:15:00Z'),
    );
  });

  it("counts each language in its own team's hours and time zone", () => {
    // 08:30 UTC Tuesday: 09:30 in Amsterdam but 08:30 in London, before opening.
    const start = utc('2026-11-24T08:30:00Z');
    expect(slaDueDates(start, 'chat', 'nl').firstResponseDueAt).toEqual(
      utc('2026-11-24T08:45:00Z'),
    );
    expect(slaDueDates(start, 'chat', 'en').firstResponseDueAt).toEqual(
      utc('2026-11-24T09:15:00Z'),
    );
    // Chinese is served with Dutch hours.
    expect(slaDueDates(start, 'chat', 'zh')).toEqual(slaDueDates(start, 'chat', 'nl'));
  });

  it('skips public holidays of the language', () => {
    // Thursday 24 December 2026, 16:00 London: an hour Thursday; Christmas, the weekend and
    // Boxing Day's substitute Monday do not run; the second hour ends Tuesday 10:00.
    expect(addBusinessMinutes(utc('2026-12-24T16:00:00Z'), 120, BUSINESS_HOURS.en)).toEqual(
      utc('2026-12-29T10:00:00Z'),
    );
    // Easter Monday 2026 in Italy.
    expect(addBusinessMinutes(utc('2026-04-03T14:00:00Z'), 120, BUSINESS_HOURS.it)).toEqual(
      utc('2026-04-07T08:00:00Z'),
    );
  });

  it('keeps local opening hours across a daylight-saving change', () => {
    // Friday 27 March 2026 16:00 CET (15:00 UTC); clocks go forward on Sunday 29 March.
    // One hour Friday, one Monday from 09:00 CEST (07:00 UTC).
    expect(addBusinessMinutes(utc('2026-03-27T15:00:00Z'), 120, BUSINESS_HOURS.nl)).toEqual(
      utc('2026-03-30T08:00:00Z'),
    );
    // And back in October: Friday 23 October 16:00 CEST → Monday 26 October 10:00 CET.
    expect(addBusinessMinutes(utc('2026-10-23T14:00:00Z'), 120, BUSINESS_HOURS.nl)).toEqual(
      utc('2026-10-26T09:00:00Z'),
    );
  });

  it('measures the business time between two instants', () => {
    const hours = BUSINESS_HOURS.nl;
    // Friday 16:00 to Monday 10:00 in Amsterdam: one hour each side of the weekend.
    expect(
      businessMinutesBetween(utc('2026-11-27T15:00:00Z'), utc('2026-11-30T09:00:00Z'), hours),
    ).toBe(120);
    expect(
      businessMinutesBetween(utc('2026-11-28T10:00:00Z'), utc('2026-11-29T10:00:00Z'), hours),
    ).toBe(0);
    expect(isBusinessTime(utc('2026-11-27T15:00:00Z'), hours)).toBe(true);
    expect(isBusinessTime(utc('2026-11-28T10:00:00Z'), hours)).toBe(false);
  });

  it('marks a clock ok, due soon, overdue or met', () => {
    const due = at(100);
    expect(slaState(t0, due, at(10))).toBe('ok');
    expect(slaState(t0, due, at(80))).toBe('due_soon');
    expect(slaState(t0, due, at(101))).toBe('overdue');
    expect(slaState(t0, due, at(200), at(90))).toBe('met');
    expect(slaState(t0, due, at(200), at(110))).toBe('overdue');
  });
});

describe('paused clocks', () => {
  it('pause on waiting for the buyer or the seller and resume when the case is worked again', () => {
    expect(clockChange('open', 'pending_buyer')).toBe('pause');
    expect(clockChange('new', 'pending_seller')).toBe('pause');
    expect(clockChange('pending_buyer', 'pending_seller')).toBeNull();
    expect(clockChange('pending_seller', 'open')).toBe('resume');
    expect(clockChange('pending_buyer', 'resolved')).toBe('resume');
    expect(clockChange('open', 'ts_review')).toBeNull();
  });

  it('move the due times by the business time the pause took', () => {
    // Paused Tuesday 11:00 to 13:30 Amsterdam: 150 business minutes.
    const resumed = resumeClocks(
      {
        firstResponseDueAt: at(60),
        resolutionDueAt: utc('2026-12-01T10:00:00Z'),
        firstRespondedAt: null,
        clockPausedAt: t0,
      },
      'nl',
      at(150),
    );
    expect(resumed.pausedMinutes).toBe(150);
    expect(resumed.firstResponseDueAt).toEqual(at(210));
    expect(resumed.resolutionDueAt).toEqual(utc('2026-12-01T12:30:00Z'));
  });

  it('gain nothing from a pause over a weekend, and keep a first response already met', () => {
    const c = {
      firstResponseDueAt: utc('2026-11-27T12:00:00Z'),
      resolutionDueAt: utc('2026-12-02T12:00:00Z'),
      firstRespondedAt: utc('2026-11-27T11:00:00Z'),
      // Friday 17:30 Amsterdam to Monday 08:30: no business time between.
      clockPausedAt: utc('2026-11-27T16:30:00Z'),
    };
    const resumed = resumeClocks(c, 'nl', utc('2026-11-30T07:30:00Z'));
    expect(resumed.pausedMinutes).toBe(0);
    expect(resumed.resolutionDueAt).toEqual(c.resolutionDueAt);
    const later = resumeClocks(c, 'nl', utc('2026-11-30T09:00:00Z'));
    expect(later.pausedMinutes).toBe(60);
    expect(later.firstResponseDueAt).toEqual(c.firstResponseDueAt);
    // Due Wednesday 13:00 Amsterdam, an hour later → 14:00.
    expect(later.resolutionDueAt).toEqual(utc('2026-12-02T13:00:00Z'));
  });

  it('move a due time that falls at closing into the next business day', () => {
    const resumed = resumeClocks(
      {
        firstResponseDueAt: utc('2026-11-27T16:00:00Z'), // Friday 17:00, closing
        resolutionDueAt: utc('2026-11-27T16:00:00Z'),
        firstRespondedAt: null,
        clockPausedAt: utc('2026-11-26T09:00:00Z'), // Thursday 10:00
      },
      'nl',
      utc('2026-11-26T10:30:00Z'),
    );
    expect(resumed.firstResponseDueAt).toEqual(utc('2026-11-30T09:30:00Z'));
  });
});

describe("the seller's answer", () => {
  it('is due three business days after the case begins waiting on the seller, not counting the weekend', () => {
    // Thursday 26 November 2026, 10:00 UTC → Tuesday 1 December, same time.
    expect(sellerAnswerDueAt(utc('2026-11-26T10:00:00Z'), 'nl')).toEqual(
      utc('2026-12-01T10:00:00Z'),
    );
    expect(sellerAnswerDueAt(utc('2026-11-23T10:00:00Z'), 'nl')).toEqual(
      utc('2026-11-26T10:00:00Z'),
    );
  });

  it('does not count the public holidays of the language', () => {
    // Wednesday 23 December 2026 10:00 Amsterdam: 7 hours Wednesday, 8 Thursday, Christmas
    // and the weekend off, 8 Monday, the last hour Tuesday → Tuesday 29 10:00.
    expect(sellerAnswerDueAt(utc('2026-12-23T09:00:00Z'), 'nl')).toEqual(
      utc('2026-12-29T09:00:00Z'),
    );
  });
});
