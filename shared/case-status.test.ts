import { describe, expect, it } from 'vitest';
import { nextStatus } from './case-status';
import { channelSupportsLanguage } from './languages';
import { initialPriority } from './policy/priority-policy';

describe('the case status machine', () => {
  it('opens a new case when it is claimed and keeps a working status otherwise', () => {
    expect(nextStatus('new', 'claim')).toBe('open');
    expect(nextStatus('pending_buyer', 'claim')).toBe('pending_buyer');
    expect(nextStatus('resolved', 'claim')).toBeNull();
  });

  it('moves among working statuses but never to new or resolved by a status change', () => {
    expect(nextStatus('open', 'change', 'ts_review')).toBe('ts_review');
    expect(nextStatus('open', 'change', 'new')).toBeNull();
    expect(nextStatus('open', 'change', 'resolved')).toBeNull();
    expect(nextStatus('resolved', 'change', 'open')).toBeNull();
  });

  it('resolves only open cases and reopens only resolved ones', () => {
    expect(nextStatus('pending_seller', 'resolve')).toBe('resolved');
    expect(nextStatus('resolved', 'resolve')).toBeNull();
    expect(nextStatus('resolved', 'reopen')).toBe('open');
    expect(nextStatus('open', 'reopen')).toBeNull();
  });
});

describe('channels and languages', () => {
  it('offers phone in six languages and email and chat in all nine', () => {
    expect(channelSupportsLanguage('phone', 'nl')).toBe(true);
    for (const l of ['zh', 'pt', 'pl'] as const) {
      expect(channelSupportsLanguage('phone', l)).toBe(false);
      expect(channelSupportsLanguage('chat', l)).toBe(true);
      expect(channelSupportsLanguage('email', l)).toBe(true);
    }
  });

  it('derives priority from the topic and raises it on live channels', () => {
    expect(initialPriority('general_question', 'email')).toBe('low');
    expect(initialPriority('general_question', 'chat')).toBe('normal');
    expect(initialPriority('fraud_suspected', 'phone')).toBe('urgent');
  });
});
