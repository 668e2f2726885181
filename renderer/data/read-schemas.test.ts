import { describe, expect, it } from 'vitest';
import { labelOf } from './read-schemas';

describe('labels for values a newer service may send', () => {
  it('says a known value in its own words and shows an unknown one as sent', () => {
    const labels = { executed: 'Done', pending_approval: 'Waiting for approval' };
    expect(labelOf(labels, 'executed')).toBe('Done');
    expect(labelOf(labels, 'requested')).toBe('requested');
    expect(labelOf(labels, 'lifted_early')).toBe('lifted early');
    expect(labelOf(labels, 'toString')).toBe('toString');
  });
});
