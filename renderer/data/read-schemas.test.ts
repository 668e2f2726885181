import { describe, expect, it } from 'vitest';
import { AgentRead, labelOf } from './read-schemas';

describe('labels for values a newer service may send', () => {
  it('says a known value in its own words and shows an unknown one as sent', () => {
    const labels = { executed: 'Done', pending_approval: 'Waiting for approval' };
    expect(labelOf(labels, 'executed')).toBe('Done');
    expect(labelOf(labels, 'requested')).toBe('requested');
    expect(labelOf(labels, 'lifted_early')).toBe('lifted early');
    expect(labelOf(labels, 'toString')).toBe('toString');
  });
});

describe('a colleague as the service sends them', () => {
  const directory = {
    id: 'a1',
    name: 'Ada',
    roles: ['admin'],
    languages: [],
    active: false,
  };

  it('reads the directory entry most callers get, and the admin role', () => {
    expect(AgentRead.safeParse(directory).success).toBe(true);
  });

  it('reads the full record admins and leads get', () => {
    const full = {
      ...directory,
      email: 'ada@team.example',
      refundLimit: { amount: 0, currency: 'EUR' },
      lastSeenAt: null,
    };
    expect(AgentRead.parse(full)).toMatchObject({ email: 'ada@team.example' });
  });
});
