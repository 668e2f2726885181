import { z } from 'zod';
import { EUR_RATES } from './policy/currency-rates';

export const CURRENCIES = Object.keys(EUR_RATES) as [
  keyof typeof EUR_RATES,
  ...(keyof typeof EUR_RATES)[],
];
export const Currency = z.enum(CURRENCIES);
export type Currency = z.infer<typeof Currency>;

// Integer minor units only: floats would lose cents. The upper bound keeps every sum of
// amounts far inside Number.MAX_SAFE_INTEGER and inside a PostgreSQL bigint.
const MAX_MINOR = 1_000_000_000_00;

/** An amount that moves: strictly positive (the contract's `Money`). */
export const Money = z.strictObject({
  amount: z.number().int().positive().max(MAX_MINOR),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/** A balance such as "already refunded": may be zero. */
export const Balance = z.strictObject({
  amount: z.number().int().min(0).max(MAX_MINOR),
  currency: Currency,
});
export type Balance = z.infer<typeof Balance>;

/** All supported currencies have two minor digits. */
export const MINOR_DIGITS = 2;

/** Converts to EUR minor units, rounding up so a limit check never under-counts. */
export function toEurMinor(money: Balance): number {
  return Math.ceil(money.amount * EUR_RATES[money.currency]);
}

export function withinLimit(amount: Money, limit: Balance): boolean {
  return toEurMinor(amount) <= toEurMinor(limit);
}

/** Parses "12.50" or "12,5" (major units as typed by a person) into minor units, or null. */
export function parseMajorUnits(text: string): number | null {
  const m = /^\s*(\d{1,12})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number((m[2] ?? '').padEnd(MINOR_DIGITS, '0'));
  return major * 100 + minor;
}

// One formatter per locale and currency: building one costs far more than using it.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Balance, locale = 'en'): string {
  const key = `${locale}|${money.currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    moneyFormats.set(key, f);
  }
  return f.format(money.amount / 100);
}
