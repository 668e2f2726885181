/**
 * National public holidays as policy data: rules, not dates typed per year, so the table
 * holds for every year the rules do. Regional holidays (a German Land, a Spanish community)
 * are left out: an ADR body or a support team counts the national ones.
 */
export type HolidayRule =
  /** A fixed date; `substitute` moves it to the next free weekday when it falls on a weekend. */
  | {
      name: string;
      month: number;
      day: number;
      substitute?: boolean;
      /** The Netherlands keep King's Day on the Saturday before when the 27th is a Sunday. */
      sundayToSaturday?: boolean;
      from?: number;
      /** Only in these years (Liberation Day is a day off in the Netherlands every fifth year). */
      everyFifthYearFrom?: number;
    }
  /** Days after Easter Sunday (negative: before). */
  | { name: string; easter: number }
  /** The nth weekday (0 Sunday … 6 Saturday) of a month; nth -1 is the last. */
  | { name: string; month: number; weekday: number; nth: 1 | 2 | 3 | 4 | -1 };

export const HOLIDAY_COUNTRIES = ['NL', 'DE', 'FR', 'GB', 'ES', 'IT', 'PT', 'PL'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

const GOOD_FRIDAY = { name: 'Good Friday', easter: -2 };
const EASTER_SUNDAY = { name: 'Easter Sunday', easter: 0 };
const EASTER_MONDAY = { name: 'Easter Monday', easter: 1 };
const ASCENSION = { name: 'Ascension Day', easter: 39 };
const WHIT_SUNDAY = { name: 'Whit Sunday', easter: 49 };
const WHIT_MONDAY = { name: 'Whit Monday', easter: 50 };
const CORPUS_CHRISTI = { name: 'Corpus Christi', easter: 60 };
const NEW_YEAR = { name: "New Year's Day", month: 1, day: 1 };
const LABOUR_DAY = { name: 'Labour Day', month: 5, day: 1 };
const ASSUMPTION = { name: 'Assumption Day', month: 8, day: 15 };
const ALL_SAINTS = { name: "All Saints' Day", month: 11, day: 1 };
const CHRISTMAS = { name: 'Christmas Day', month: 12, day: 25 };
const EPIPHANY = { name: 'Epiphany', month: 1, day: 6 };
const IMMACULATE = { name: 'Immaculate Conception', month: 12, day: 8 };

export const PUBLIC_HOLIDAYS: Readonly<Record<HolidayCountry, readonly HolidayRule[]>> = {
  NL: [
    NEW_YEAR,
    EASTER_SUNDAY,
    EASTER_MONDAY,
    { name: "King's Day", month: 4, day: 27, sundayToSaturday: true },
    { name: 'Liberation Day', month: 5, day: 5, everyFifthYearFrom: 2025 },
    ASCENSION,
    WHIT_SUNDAY,
    WHIT_MONDAY,
    CHRISTMAS,
    { name: 'Second Day of Christmas', month: 12, day: 26 },
  ],
  DE: [
    NEW_YEAR,
    GOOD_FRIDAY,
    EASTER_MONDAY,
    LABOUR_DAY,
    ASCENSION,
    WHIT_MONDAY,
    { name: 'Day of German Unity', month: 10, day: 3 },
    CHRISTMAS,
    { name: 'Second Day of Christmas', month: 12, day: 26 },
  ],
  FR: [
    NEW_YEAR,
    EASTER_MONDAY,
    LABOUR_DAY,
    { name: 'Victory in Europe Day', month: 5, day: 8 },
    ASCENSION,
    WHIT_MONDAY,
    { name: 'Bastille Day', month: 7, day: 14 },
    ASSUMPTION,
    ALL_SAINTS,
    { name: 'Armistice Day', month: 11, day: 11 },
    CHRISTMAS,
  ],
  // England and Wales: the bank holidays, with substitute days for those on a weekend.
  GB: [
    { ...NEW_YEAR, substitute: true },
    GOOD_FRIDAY,
    EASTER_MONDAY,
    { name: 'Early May bank holiday', month: 5, weekday: 1, nth: 1 },
    { name: 'Spring bank holiday', month: 5, weekday: 1, nth: -1 },
    { name: 'Summer bank holiday', month: 8, weekday: 1, nth: -1 },
    { ...CHRISTMAS, substitute: true },
    { name: 'Boxing Day', month: 12, day: 26, substitute: true },
  ],
  ES: [
    NEW_YEAR,
    EPIPHANY,
    GOOD_FRIDAY,
    LABOUR_DAY,
    ASSUMPTION,
    { name: 'National Day', month: 10, day: 12 },
    ALL_SAINTS,
    { name: 'Constitution Day', month: 12, day: 6 },
    IMMACULATE,
    CHRISTMAS,
  ],
  IT: [
    NEW_YEAR,
    EPIPHANY,
    EASTER_SUNDAY,
    EASTER_MONDAY,
    { name: 'Liberation Day', month: 4, day: 25 },
    LABOUR_DAY,
    { name: 'Republic Day', month: 6, day: 2 },
    ASSUMPTION,
    ALL_SAINTS,
    IMMACULATE,
    CHRISTMAS,
    { name: "St Stephen's Day", month: 12, day: 26 },
  ],
  PT: [
    NEW_YEAR,
    GOOD_FRIDAY,
    EASTER_SUNDAY,
    { name: 'Freedom Day', month: 4, day: 25 },
    LABOUR_DAY,
    CORPUS_CHRISTI,
    { name: 'Portugal Day', month: 6, day: 10 },
    ASSUMPTION,
    { name: 'Republic Day', month: 10, day: 5 },
    ALL_SAINTS,
    { name: 'Restoration of Independence', month: 12, day: 1 },
    IMMACULATE,
    CHRISTMAS,
  ],
  PL: [
    NEW_YEAR,
    EPIPHANY,
    EASTER_SUNDAY,
    EASTER_MONDAY,
    LABOUR_DAY,
    { name: 'Constitution Day', month: 5, day: 3 },
    WHIT_SUNDAY,
    CORPUS_CHRISTI,
    ASSUMPTION,
    ALL_SAINTS,
    { name: 'Independence Day', month: 11, day: 11 },
    // A public holiday since 2025.
    { name: 'Christmas Eve', month: 12, day: 24, from: 2025 },
    CHRISTMAS,
    { name: 'Second Day of Christmas', month: 12, day: 26 },
  ],
};

/** The time zone each country's working days are counted in. */
export const COUNTRY_TIME_ZONES: Readonly<Record<HolidayCountry, string>> = {
  NL: 'Europe/Amsterdam',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  PT: 'Europe/Lisbon',
  PL: 'Europe/Warsaw',
};
