import { describe, expect, it } from 'vitest';
import { incomingMessageEffect } from './incoming-effect';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe('incomingMessageEffect', () => {
  it('moves a case waiting on the buyer back to open when the buyer answers', () => {
    expect(incomingMessageEffect('pending_buyer', 'buyer', null, now).kind).toBe('back_to_open');
    expect(incomingMessageEffect('pending_buyer', 'seller', null, now).kind).toBe('none');
  });

  it('moves a case waiting on the seller back to open only for the seller', () => {
    expect(incomingMessageEffect('pending_seller', 'seller', null, now).kind).toBe('back_to_open');
    expect(incomingMessageEffect('pending_seller', 'buyer', null, now).kind).toBe('none');
  });

  it('leaves new, open and T&S cases as they are', () => {
    for (const s of ['new', 'open', 'ts_review'] as const) {
      expect(incomingMessageEffect(s, 'buyer', null, now).kind).toBe('none');
    }
  });

  it('reopens a case resolved within 14 days, and opens a follow-up for an older one', () => {
    expect(incomingMessageEffect('resolved', 'buyer', daysAgo(13.9), now).kind).toBe('reopen');
    expect(incomingMessageEffect('resolved', 'seller', daysAgo(14), now).kind).toBe('reopen');
    expect(incomingMessageEffect('resolved', 'buyer', daysAgo(14.1), now).kind).toBe('follow_up');
    expect(incomingMessageEffect('resolved', 'buyer', daysAgo(120), now).kind).toBe('follow_up');
  });
});
