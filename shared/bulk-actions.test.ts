import { describe, expect, it } from 'vitest';
import { canActInBulk, canAssignInBulk, planBulk, type BulkCase } from './bulk-actions';

const c = (reference: string, over: Partial<BulkCase> = {}): BulkCase => ({
  id: `id-${reference}`,
  reference,
  status: 'open',
  assigneeId: null,
  priority: 'normal',
  ...over,
});

describe('bulk actions', () => {
  it('makes one assign mutation per case and skips cases already the agent’s or resolved', () => {
    const plan = planBulk({ kind: 'assign', agentId: 'tom' }, [
      c('CD-1'),
      c('CD-2', { assigneeId: 'tom' }),
      c('CD-3', { status: 'resolved' }),
      c('CD-4', { assigneeId: 'ana' }),
    ]);
    expect(plan.mutations).toEqual([
      {
        caseId: 'id-CD-1',
        reference: 'CD-1',
        op: 'case.assign',
        args: { caseId: 'id-CD-1', agentId: 'tom' },
      },
      {
        caseId: 'id-CD-4',
        reference: 'CD-4',
        op: 'case.assign',
        args: { caseId: 'id-CD-4', agentId: 'tom' },
      },
    ]);
    expect(plan.skipped).toEqual([
      { reference: 'CD-2', why: 'already theirs' },
      { reference: 'CD-3', why: 'resolved' },
    ]);
  });

  it('releases only assigned cases and changes status from each case’s own status', () => {
    expect(
      planBulk({ kind: 'release' }, [c('CD-1'), c('CD-2', { assigneeId: 'ana' })]).mutations.map(
        (m) => m.reference,
      ),
    ).toEqual(['CD-2']);
    const status = planBulk({ kind: 'status', status: 'pending_seller' }, [
      c('CD-1', { status: 'new' }),
      c('CD-2', { status: 'pending_seller' }),
    ]);
    expect(status.mutations.map((m) => m.args)).toEqual([
      { caseId: 'id-CD-1', from: 'new', to: 'pending_seller' },
    ]);
    expect(status.skipped).toEqual([{ reference: 'CD-2', why: 'already that status' }]);
    expect(planBulk({ kind: 'status', status: 'resolved' }, [c('CD-1')]).mutations).toEqual([]);
  });

  it('resolves every case not yet resolved with the one summary', () => {
    const plan = planBulk({ kind: 'resolve', summary: 'Duplicate of CD-9' }, [
      c('CD-1', { status: 'pending_buyer' }),
      c('CD-2', { status: 'resolved' }),
    ]);
    expect(plan.mutations).toEqual([
      {
        caseId: 'id-CD-1',
        reference: 'CD-1',
        op: 'case.resolve',
        args: { caseId: 'id-CD-1', summary: 'Duplicate of CD-9' },
      },
    ]);
    expect(plan.skipped).toEqual([{ reference: 'CD-2', why: 'resolved' }]);
  });

  it('sets priority only where it differs', () => {
    const plan = planBulk({ kind: 'priority', priority: 'urgent' }, [
      c('CD-1'),
      c('CD-2', { priority: 'urgent' }),
    ]);
    expect(plan.mutations.map((m) => m.args)).toEqual([{ caseId: 'id-CD-1', priority: 'urgent' }]);
  });

  it('is for leads and T&S; only leads assign', () => {
    expect(canActInBulk({ roles: ['agent'] })).toBe(false);
    expect(canActInBulk({ roles: ['trust_safety'] })).toBe(true);
    expect(canAssignInBulk({ roles: ['trust_safety'] })).toBe(false);
    expect(canAssignInBulk({ roles: ['lead'] })).toBe(true);
  });
});
