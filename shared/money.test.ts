import { describe, expect, it } from 'vitest';
import { Money, formatMoney, parseMajorUnits, toEurMinor, withinLimit } from './money';

describe('money', () => {
  it('accepts only positive integer minor units in a known currency', () => {
    expect(Money.safeParse({ amount: 1250, currency: 'EUR' }).success).toBe(true);
    expect(Money.safeParse({ amount: 12.5, currency: 'EUR' }).success).toBe(false);
    expect(Money.safeParse({ amount: 0, currency: 'EUR' }).success).toBe(false);
    expect(Money.safeParse({ amount: 100, currency: 'XXX' }).success).toBe(false);
    expect(Money.safeParse({ amount: 100, currency: 'EUR', extra: 1 }).success).toBe(false);
  });

  it('parses amounts typed in major units without floating-point loss', () => {
    expect(parseMajorUnits('12.50')).toBe(1250);
    expect(parseMajorUnits('12,5')).toBe(1250);
    expect(parseMajorUnits('0.29')).toBe(29);
    expect(parseMajorUnits('1000')).toBe(100000);
    expect(parseMajorUnits('12.345')).toBeNull();
    expect(parseMajorUnits('-1')).toBeNull();
    expect(parseMajorUnits('abc')).toBeNull();
  });

  it('compares limits in EUR, rounding foreign amounts up', () => {
    expect(toEurMinor({ amount: 100_00, currency: 'GBP' })).toBe(117_00);
    expect(
      withinLimit({ amount: 250_00, currency: 'EUR' }, { amount: 250_00, currency: 'EUR' }),
    ).toBe(true);
    expect(
      withinLimit({ amount: 250_01, currency: 'EUR' }, { amount: 250_00, currency: 'EUR' }),
    ).toBe(false);
    expect(
      withinLimit({ amount: 220_00, currency: 'GBP' }, { amount: 250_00, currency: 'EUR' }),
    ).toBe(false);
  });

  it('formats money with its currency', () => {
    expect(formatMoney({ amount: 1250, currency: 'EUR' }, 'en')).toBe('€12.50');
    expect(formatMoney({ amount: 1250, currency: 'CHF' }, 'de-CH')).toContain('12.50');
  });
});
