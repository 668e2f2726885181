import { describe, expect, it } from 'vitest';
import { MUTATION_OPS } from '../../shared';
import { describeChange } from './change-label';

describe('a refused change in the agent’s words', () => {
  it('names the resolution, the recipient and the case', () => {
    expect(describeChange('case.action', { type: 'refund' }, 'CD-100320')).toBe(
      'Refund on CD-100320',
    );
    expect(describeChange('case.message', { to: 'seller' }, 'CD-1')).toBe(
      'Reply to the seller on CD-1',
    );
    expect(describeChange('case.claim', {}, undefined)).toBe('Claim');
  });

  it('has words for every op the outbox can hold, none of them the op name', () => {
    for (const op of MUTATION_OPS) {
      const label = describeChange(op, {}, undefined);
      expect(label, op).toMatch(/^[A-Z][a-z]/);
      expect(label).not.toContain('.');
    }
  });
});
