import { describe, expect, it } from 'vitest';
import { Timestamp } from './time';

describe('the border time schema', () => {
  it('answers any accepted time as the same instant in UTC with Z', () => {
    expect(Timestamp.parse('2027-06-01T10:00:00+02:00')).toBe('2027-06-01T08:00:00.000Z');
    expect(Timestamp.parse('2027-06-01T10:00:00-15:59')).toBe('2027-06-02T01:59:00.000Z');
    expect(Timestamp.parse('2027-06-01T10:00:00.123456Z')).toBe('2027-06-01T10:00:00.123Z');
    expect(Timestamp.parse('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00.000Z');
    expect(Timestamp.parse('9999-12-31T23:59:59+01:00')).toBe('9999-12-31T22:59:59.000Z');
  });

  it('refuses offsets beyond ±15:59 that PostgreSQL cannot read', () => {
    for (const t of [
      '2027-06-01T10:00:00+16:00',
      '2027-06-01T10:00:00+20:00',
      '2027-06-01T10:00:00-23:59',
    ]) {
      expect(Timestamp.safeParse(t).success, t).toBe(false);
    }
  });

  it('refuses instants outside years 0001 to 9999 in UTC', () => {
    for (const t of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:30:00+01:00',
      '9999-12-31T23:59:59-05:00',
    ]) {
      expect(Timestamp.safeParse(t).success, t).toBe(false);
    }
  });

  it('refuses what is not a full ISO time with an offset', () => {
    for (const t of ['2027-06-01', '2027-06-01T10:00:00', '2027-02-29T00:00:00Z', 'soon', '']) {
      expect(Timestamp.safeParse(t).success, t).toBe(false);
    }
  });
});
