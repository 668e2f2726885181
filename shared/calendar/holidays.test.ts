import { describe, expect, it } from 'vitest';
import { HOLIDAY_COUNTRIES } from '../policy/public-holidays';
import { easterSunday, holidayName, isWorkingDay, publicHolidays } from './holidays';
import { dayFromIso, isoDay } from './zoned-time';

const day = dayFromIso;

describe('public holidays', () => {
  it('computes Easter Sunday for any year', () => {
    expect(isoDay(easterSunday(2024))).toBe('2024-03-31');
    expect(isoDay(easterSunday(2025))).toBe('2025-04-20');
    expect(isoDay(easterSunday(2026))).toBe('2026-04-05');
    expect(isoDay(easterSunday(2027))).toBe('2027-03-28');
    expect(isoDay(easterSunday(2038))).toBe('2038-04-25');
  });

  it('places the Easter-based holidays from Easter: Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi', () => {
    expect(holidayName('DE', day('2026-04-03'))).toBe('Good Friday');
    expect(holidayName('NL', day('2026-04-06'))).toBe('Easter Monday');
    expect(holidayName('NL', day('2026-05-14'))).toBe('Ascension Day');
    expect(holidayName('FR', day('2027-05-17'))).toBe('Whit Monday');
    expect(holidayName('PL', day('2025-06-19'))).toBe('Corpus Christi');
    // The Netherlands do not keep Good Friday as a day off.
    expect(holidayName('NL', day('2026-04-03'))).toBeNull();
  });

  it("keeps King's Day on the Saturday before when 27 April is a Sunday", () => {
    expect(holidayName('NL', day('2025-04-26'))).toBe("King's Day");
    expect(holidayName('NL', day('2025-04-27'))).toBeNull();
    expect(holidayName('NL', day('2026-04-27'))).toBe("King's Day");
  });

  it('gives the Netherlands Liberation Day off every fifth year only', () => {
    expect(holidayName('NL', day('2025-05-05'))).toBe('Liberation Day');
    expect(holidayName('NL', day('2026-05-05'))).toBeNull();
    expect(holidayName('NL', day('2030-05-05'))).toBe('Liberation Day');
  });

  it('moves English bank holidays on a weekend to the next free weekday', () => {
    // 2027: Christmas on Saturday, Boxing Day on Sunday → Monday 27 and Tuesday 28.
    expect(holidayName('GB', day('2027-12-27'))).toBe('Christmas Day');
    expect(holidayName('GB', day('2027-12-28'))).toBe('Boxing Day');
    // 2026: Boxing Day on Saturday → Monday 28.
    expect(holidayName('GB', day('2026-12-28'))).toBe('Boxing Day');
    expect(holidayName('GB', day('2028-01-03'))).toBe("New Year's Day");
  });

  it('finds the first and last Mondays of the English bank holidays', () => {
    expect(holidayName('GB', day('2026-05-04'))).toBe('Early May bank holiday');
    expect(holidayName('GB', day('2026-05-25'))).toBe('Spring bank holiday');
    expect(holidayName('GB', day('2026-08-31'))).toBe('Summer bank holiday');
    expect(holidayName('GB', day('2025-08-25'))).toBe('Summer bank holiday');
  });

  it('starts Polish Christmas Eve in 2025', () => {
    expect(holidayName('PL', day('2024-12-24'))).toBeNull();
    expect(holidayName('PL', day('2025-12-24'))).toBe('Christmas Eve');
  });

  it('has Christmas and New Year in every country for 2025 to 2027', () => {
    for (const country of HOLIDAY_COUNTRIES) {
      for (const year of [2025, 2026, 2027]) {
        const names = [...publicHolidays(country, year).values()];
        expect(names, `${country} ${year}`).toContain('Christmas Day');
        expect(names, `${country} ${year}`).toContain("New Year's Day");
      }
    }
  });

  it('counts weekends and holidays as no working days', () => {
    expect(isWorkingDay('DE', day('2026-10-02'))).toBe(true);
    expect(isWorkingDay('DE', day('2026-10-03'))).toBe(false); // Saturday and Unity Day
    expect(isWorkingDay('DE', day('2027-10-04'))).toBe(true);
    expect(isWorkingDay('IT', day('2026-06-02'))).toBe(false);
    expect(isWorkingDay('ES', day('2026-10-12'))).toBe(false);
    expect(isWorkingDay('PT', day('2026-06-10'))).toBe(false);
    expect(isWorkingDay('FR', day('2026-07-14'))).toBe(false);
  });
});
