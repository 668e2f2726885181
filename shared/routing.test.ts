import { describe, expect, it } from 'vitest';
import { chooseAssignee, type RoutingCandidate } from './routing';

const agent = (id: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  id,
  capacity: 5,
  openCases: 0,
  handledBuyer: false,
  online: true,
  channels: [],
  ...over,
});

describe('choosing an assignee', () => {
  it('gives the case to whoever has the fewest open cases, saying so', () => {
    expect(
      chooseAssignee([agent('a', { openCases: 3 }), agent('b', { openCases: 1 })], 'nl', 'email'),
    ).toEqual({ agentId: 'b', reason: 'auto: fewest open cases, speaks nl' });
  });

  it('prefers whoever handled the buyer before, while they have room', () => {
    const known = agent('k', { openCases: 4, handledBuyer: true });
    expect(chooseAssignee([agent('a'), known], 'de', 'email')).toEqual({
      agentId: 'k',
      reason: 'auto: handled this buyer before, speaks de',
    });
    expect(chooseAssignee([agent('a'), { ...known, openCases: 5 }], 'de', 'email').agentId).toBe(
      'a',
    );
  });

  it('never goes over a capacity, and a capacity of zero takes no cases', () => {
    const full = [agent('a', { openCases: 5 }), agent('z', { capacity: 0 })];
    expect(chooseAssignee(full, 'nl', 'email')).toEqual({
      agentId: null,
      reason: 'auto: everyone available who speaks nl is at capacity',
    });
  });

  it('gives chat and phone cases only to agents present on that channel', () => {
    const people = [agent('a'), agent('c', { openCases: 2, channels: ['chat'] })];
    expect(chooseAssignee(people, 'en', 'chat').agentId).toBe('c');
    expect(chooseAssignee(people, 'en', 'phone')).toEqual({
      agentId: null,
      reason: 'auto: nobody who speaks en is available for phone now',
    });
    expect(chooseAssignee(people, 'en', 'email').agentId).toBe('a');
  });

  it('leaves email cases to agents at work (their presence has not lapsed)', () => {
    expect(chooseAssignee([agent('a', { online: false })], 'fr', 'email')).toEqual({
      agentId: null,
      reason: 'auto: nobody who speaks fr is at work now',
    });
    expect(chooseAssignee([], 'fr', 'email').agentId).toBeNull();
  });

  it('breaks a tie by the room left, then by id, so every instance decides alike', () => {
    const tie = [agent('b'), agent('a'), agent('c', { capacity: 9 })];
    expect(chooseAssignee(tie, 'nl', 'email').agentId).toBe('c');
    expect(chooseAssignee(tie.slice(0, 2), 'nl', 'email').agentId).toBe('a');
  });
});
