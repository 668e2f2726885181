import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelativeTime } from './format';

describe('relative times', () => {
  const now = new Date('2026-12-02T15:00:00.000Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('say just now, then minutes and hours ago', () => {
    expect(formatRelativeTime(ago(20_000), now)).toBe('just now');
    expect(formatRelativeTime(ago(60_000), now)).toBe('1 minute ago');
    expect(formatRelativeTime(ago(5 * 60_000), now)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3_600_000 + 59 * 60_000), now)).toBe('3 hours ago');
  });

  it('give the weekday and time within the week, and the date beyond it', () => {
    expect(formatRelativeTime(ago(2 * 86_400_000), now)).toMatch(/^Mon,? \d{1,2}:00/);
    const old = ago(9 * 86_400_000);
    expect(formatRelativeTime(old, now)).toBe(formatDateTime(old));
  });

  it('give a time ahead of this clock exactly, not as "in 5 minutes"', () => {
    const ahead = new Date(now.getTime() + 5 * 60_000).toISOString();
    expect(formatRelativeTime(ahead, now)).toBe(formatDateTime(ahead));
  });
});
