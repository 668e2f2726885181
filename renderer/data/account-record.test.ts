import { describe, expect, it } from 'vitest';
import type { AccountCase } from '../../shared';
import { decisionOf, mergeAccount, type LocalAccount } from './account-record';
import type { ActionRead, PartyAccountRead } from './read-schemas';

const kase = (id: string, createdAt: string, over: Partial<AccountCase> = {}): AccountCase => ({
  id,
  reference: `CD-${id}`,
  status: 'open',
  topic: 'item_not_received',
  createdAt,
  resolvedAt: null,
  resolutionSummary: null,
  complaintOf: null,
  ...over,
});

const restriction = (id: string, caseId: string, over: Partial<ActionRead> = {}) =>
  ({
    id,
    caseId,
    type: 'restrict_account',
    subject: 'buyer',
    restriction: 'suspend',
    until: null,
    statementOfReasons: {
      facts: 'f',
      ground: 'g',
      groundType: 'contractual',
      automated: false,
      redress: 'r',
    },
    status: 'executed',
    proposedBy: 'ana',
    approvedBy: 'tess',
    rejectedBy: null,
    rejectionReason: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    decidedAt: '2026-11-01T11:00:00.000Z',
    effectiveAt: '2026-11-01T11:00:00.000Z',
    endedAt: null,
    ...over,
  }) as ActionRead;

describe('an account’s record', () => {
  const local: LocalAccount = {
    cases: [kase('b', '2026-11-02T00:00:00.000Z')],
    actions: [restriction('r1', 'b', { status: 'lifted', endedAt: '2026-11-05T00:00:00.000Z' })],
    decisions: [],
  };

  it('is the device’s alone until the service answers', () => {
    const r = mergeAccount(local, null, 'buyer');
    expect(r.source).toBe('device');
    expect(r.cases.map((c) => c.id)).toEqual(['b']);
    expect(r.restrictions.map((a) => a.id)).toEqual(['r1']);
  });

  it('joins the service’s cases, keeps the device’s newer state, and lists newest first', () => {
    const served: PartyAccountRead = {
      party: { kind: 'buyer', id: 'p', externalId: 'x', name: 'Robin', country: 'DE' },
      cases: [
        kase('a', '2026-10-01T00:00:00.000Z'),
        kase('b', '2026-11-02T00:00:00.000Z'),
        kase('c', '2026-11-03T00:00:00.000Z', { topic: 'complaint', complaintOf: 'r1' }),
      ],
      actions: [restriction('r1', 'b'), restriction('r0', 'a')],
      complaintDecisions: [
        {
          caseId: 'c',
          actionId: 'r1',
          outcome: 'reversed',
          reasons: 'ok',
          decidedBy: 'tom',
          decidedAt: '2026-11-05T00:00:00.000Z',
        },
      ],
      truncated: false,
    };
    const r = mergeAccount(local, served, 'buyer');
    expect(r.source).toBe('service');
    expect(r.cases.map((c) => c.id)).toEqual(['c', 'b', 'a']);
    // The device's lifted state wins over the service's older copy.
    expect(r.restrictions.find((a) => a.id === 'r1')?.status).toBe('lifted');
    expect(r.complaints).toMatchObject([{ case: { id: 'c' }, decision: { outcome: 'reversed' } }]);
  });

  it('reads a complaint decision from its event, and nothing from other events', () => {
    const e = {
      id: 'e',
      caseId: 'c',
      type: 'complaint.decided',
      actorId: 'tom',
      at: '2026-11-05T00:00:00.000Z',
      data: { actionId: 'r1', outcome: 'upheld', reasons: 'stands' },
    };
    expect(decisionOf(e)).toMatchObject({ caseId: 'c', outcome: 'upheld', decidedBy: 'tom' });
    expect(decisionOf({ ...e, type: 'case.resolved' })).toBeNull();
    expect(decisionOf({ ...e, data: { outcome: 'maybe' } })).toBeNull();
  });
});
