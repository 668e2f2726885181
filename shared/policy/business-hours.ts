import type { Language } from '../languages';
import type { HolidayCountry } from './public-holidays';

/** When a team works: its time zone, its country's public holidays, its weekday hours. */
export interface BusinessHours {
  timeZone: string;
  holidays: HolidayCountry;
  /** Minutes after local midnight, Monday to Friday. */
  opensAt: number;
  closesAt: number;
}

const nineToFive = (timeZone: string, holidays: HolidayCountry): BusinessHours => ({
  timeZone,
  holidays,
  opensAt: 9 * 60,
  closesAt: 17 * 60,
});

/**
 * The team of each language and when its SLA clocks run. English is served from London;
 * Chinese from Amsterdam with the Dutch team (the buyers are in Europe, and China's
 * lunisolar holidays follow no rule this table could compute), so zh keeps Dutch hours
 * and holidays.
 */
export const BUSINESS_HOURS: Readonly<Record<Language, BusinessHours>> = {
  en: nineToFive('Europe/London', 'GB'),
  es: nineToFive('Europe/Madrid', 'ES'),
  it: nineToFive('Europe/Rome', 'IT'),
  fr: nineToFive('Europe/Paris', 'FR'),
  nl: nineToFive('Europe/Amsterdam', 'NL'),
  de: nineToFive('Europe/Berlin', 'DE'),
  zh: nineToFive('Europe/Amsterdam', 'NL'),
  pt: nineToFive('Europe/Lisbon', 'PT'),
  pl: nineToFive('Europe/Warsaw', 'PL'),
};
