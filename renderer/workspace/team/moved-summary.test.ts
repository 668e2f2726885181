import { describe, expect, it } from 'vitest';
import { movedSummary } from './MoveCasesDialog';

describe('what a lead reads after moving an agent’s open cases', () => {
  it('counts the reassigned cases and those back in the queue', () => {
    const moved = (to: string | null) => ({
      caseId: 'c',
      reference: 'CD-1',
      toAssigneeId: to,
      reason: 'r',
    });
    expect(movedSummary('Ana', { moved: [moved('m'), moved(null), moved('t')] })).toBe(
      'Moved 3 of Ana’s open cases: 2 reassigned, 1 back to the queue.',
    );
  });

  it('says so when there was nothing to move', () => {
    expect(movedSummary('Ana', { moved: [] })).toBe('Ana had no open cases to move.');
  });
});
