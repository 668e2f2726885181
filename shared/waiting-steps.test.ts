import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import {
  dueWaitingStep,
  nextWaitingStep,
  waitingMessageText,
  type WaitingState,
} from './waiting-steps';

const H = 3_600_000;
const since = new Date('2026-12-01T09:00:00Z');
const at = (hours: number) => new Date(since.getTime() + hours * H);
const waiting = (over: Partial<WaitingState> = {}): WaitingState => ({
  status: 'pending_buyer',
  topic: 'general_question',
  since,
  remindedAt: null,
  pendingApprovals: false,
  ...over,
});

describe('the steps of a case waiting on a party', () => {
  it('reminds after the topic’s time, and resolves after the longer one once reminded', () => {
    // general_question: reminder after 48 h, resolved after 120 h.
    expect(dueWaitingStep(waiting(), at(47.9))).toBeNull();
    expect(dueWaitingStep(waiting(), at(48))).toBe('reminder');
    const reminded = waiting({ remindedAt: at(48) });
    expect(dueWaitingStep(reminded, at(119))).toBeNull();
    expect(dueWaitingStep(reminded, at(120))).toBe('resolve');
  });

  it('never resolves before a reminder, and leaves the whole grace after a late reminder', () => {
    expect(dueWaitingStep(waiting(), at(500))).toBe('reminder');
    const late = waiting({ remindedAt: at(500) });
    expect(nextWaitingStep(late)?.at).toEqual(at(500 + 72));
  });

  it('uses each topic’s own times, and never closes a complaint for silence', () => {
    expect(dueWaitingStep(waiting({ topic: 'item_not_received' }), at(48))).toBeNull();
    expect(dueWaitingStep(waiting({ topic: 'item_not_received' }), at(72))).toBe('reminder');
    expect(nextWaitingStep(waiting({ topic: 'complaint' }))).toBeNull();
  });

  it('waits on the seller alike, and not at all on an open case', () => {
    expect(dueWaitingStep(waiting({ status: 'pending_seller' }), at(48))).toBe('reminder');
    expect(dueWaitingStep(waiting({ status: 'open' }), at(500))).toBeNull();
  });

  it('does not resolve a case whose actions await approval', () => {
    expect(
      dueWaitingStep(waiting({ remindedAt: at(48), pendingApprovals: true }), at(999)),
    ).toBeNull();
  });

  it('writes to the party in their language, naming the case and the days left', () => {
    const v = { reference: 'CD-1', buyerName: 'Jan', sellerName: 'Shop', agentName: null };
    expect(waitingMessageText('reminder', 'buyer', 'nl', 'general_question', v)).toBe(
      'Beste Jan,\n\nWe wachten nog op uw antwoord over zaak CD-1. Beantwoord dit bericht zodat we verder kunnen. Als we binnen 3 dagen niets van u horen, sluiten we de zaak.\n\nMet vriendelijke groet,\nUw supportteam',
    );
    for (const l of LANGUAGES) {
      for (const step of ['reminder', 'resolve'] as const) {
        const text = waitingMessageText(step, 'seller', l, 'item_not_received', {
          ...v,
          agentName: 'Ana',
        });
        expect(text).toContain('CD-1');
        expect(text).toContain('Shop');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
