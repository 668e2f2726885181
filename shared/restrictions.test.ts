import { describe, expect, it } from 'vitest';
import {
  complaintDecisionRight,
  complaintWindowEnd,
  complaintWindowOpen,
  restrictionState,
} from './restrictions';

describe('restrictions and complaints', () => {
  it('is in effect once executed and until the service records its end, whatever the time', () => {
    expect(restrictionState({ status: 'executed', endedAt: null })).toBe('in_effect');
    expect(restrictionState({ status: 'executed', endedAt: '2026-01-01T00:00:00.000Z' })).toBe(
      'ended',
    );
    expect(restrictionState({ status: 'lifted', endedAt: '2026-01-01T00:00:00.000Z' })).toBe(
      'ended',
    );
    expect(restrictionState({ status: 'pending_approval', endedAt: null })).toBe('not_in_effect');
    expect(restrictionState({ status: 'requested' })).toBe('not_in_effect');
  });

  it('keeps the complaint window open six calendar months, to the month’s last day when shorter', () => {
    expect(complaintWindowEnd('2026-03-15T10:00:00.000Z').toISOString()).toBe(
      '2026-09-15T10:00:00.000Z',
    );
    expect(complaintWindowEnd('2026-08-31T08:00:00.000Z').toISOString()).toBe(
      '2027-02-28T08:00:00.000Z',
    );
    expect(complaintWindowEnd('2027-08-31T08:00:00.000Z').toISOString()).toBe(
      '2028-02-29T08:00:00.000Z',
    );
    const from = '2026-03-15T10:00:00.000Z';
    expect(complaintWindowOpen(from, new Date('2026-09-15T10:00:00.000Z'))).toBe(true);
    expect(complaintWindowOpen(from, new Date('2026-09-15T10:00:00.001Z'))).toBe(false);
  });

  it('lets only an uninvolved reviewer decide a complaint, and a lead only without one', () => {
    const d = { proposedBy: 'ana', approvedBy: 'tess' };
    const ts = (id: string) => ({ id, roles: ['trust_safety' as const] });
    expect(complaintDecisionRight(ts('tom'), d, 1)).toBe('allowed');
    expect(complaintDecisionRight(ts('tess'), d, 1)).toBe('involved');
    expect(complaintDecisionRight({ id: 'ana', roles: ['agent'] }, d, 1)).toBe('forbidden');
    const lead = { id: 'lena', roles: ['lead' as const] };
    expect(complaintDecisionRight(lead, d, 1)).toBe('lead_only_without_reviewer');
    expect(complaintDecisionRight(lead, d, 0)).toBe('allowed');
    expect(complaintDecisionRight(lead, { proposedBy: 'lena', approvedBy: 'tess' }, 0)).toBe(
      'involved',
    );
  });
});
