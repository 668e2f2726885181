import { describe, expect, it } from 'vitest';
import { ANA, makeCase } from './testing/case-fixtures';
import { checkServerChanges, parsePulledPage, SyncDataError } from './validate-changes';

const c = makeCase(1);
const upsert = (entity: string, data: Record<string, unknown>) => ({
  entity,
  id: data.id,
  op: 'upsert',
  data,
});
const refund = {
  id: 'act-1',
  caseId: c.id,
  type: 'refund',
  amount: { amount: 10_00, currency: 'EUR' },
  reason: 'late',
  status: 'executed',
  proposedBy: ANA.id,
  approvedBy: null,
  rejectedBy: null,
  rejectionReason: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  decidedAt: null,
};
const event = {
  id: 'ev-1',
  caseId: c.id,
  type: 'case.created',
  actorId: null,
  at: '2026-11-01T10:00:00.000Z',
  data: {},
};

describe('reading pulled changes', () => {
  it('reads a page of known entities as they are', () => {
    const { readable, unreadable } = checkServerChanges([
      upsert('case', c),
      upsert('agent', ANA),
      upsert('action', refund),
      upsert('event', event),
      { entity: 'note', id: 'n1', op: 'delete', data: null },
    ]);
    expect(unreadable).toEqual([]);
    expect(readable.map((r) => `${r.entity}:${r.op}`)).toEqual([
      'case:upsert',
      'agent:upsert',
      'action:upsert',
      'event:upsert',
      'note:delete',
    ]);
  });

  it('sets aside a case that does not parse and keeps reading the rest of the page', () => {
    const broken = { ...makeCase(2), createdAt: '2026-11-01T10:00:00+02:00' };
    const { readable, unreadable } = checkServerChanges([
      upsert('case', c),
      upsert('case', broken),
      upsert('agent', ANA),
    ]);
    expect(readable.map((r) => r.id)).toEqual([c.id, ANA.id]);
    expect(unreadable).toEqual([
      {
        entity: 'case',
        id: broken.id,
        op: 'upsert',
        data: broken,
        reason: expect.stringMatching(/^The case could not be read: .*createdAt/),
      },
    ]);
  });

  it('reads an agent with a role this version does not know as an agent', () => {
    const { readable, unreadable } = checkServerChanges([
      upsert('agent', { ...ANA, roles: ['lead', 'admin'] }),
    ]);
    expect(unreadable).toEqual([]);
    expect(readable[0]!.data).toMatchObject({ roles: ['lead', 'admin'] });
  });

  it('reads an action with a status this version does not know, keeping the raw status', () => {
    const { readable, unreadable } = checkServerChanges([
      upsert('action', { ...refund, status: 'requested' }),
    ]);
    expect(unreadable).toEqual([]);
    expect(readable[0]!.data).toMatchObject({ status: 'requested', type: 'refund' });
  });

  it('reads an event of a type this version does not know', () => {
    const { readable } = checkServerChanges([
      upsert('event', { ...event, type: 'delivery.failed' }),
    ]);
    expect(readable[0]!.data).toMatchObject({ type: 'delivery.failed' });
  });

  it('still refuses what no screen could show: an unknown action type, a case status, a wrong id', () => {
    const { readable, unreadable } = checkServerChanges([
      upsert('action', { ...refund, type: 'gift_card' }),
      upsert('case', { ...c, status: 'archived' }),
      { entity: 'agent', id: 'other', op: 'upsert', data: ANA },
    ]);
    expect(readable).toEqual([]);
    expect(unreadable.map((u) => u.entity)).toEqual(['action', 'case', 'agent']);
    expect(unreadable[2]!.reason).toMatch(/id does not match/);
  });

  it('sets aside an entity type it does not know, and a change that is not a change', () => {
    const { readable, unreadable } = checkServerChanges([
      { entity: 'attachment', id: 'att-1', op: 'upsert', data: { id: 'att-1', caseId: c.id } },
      { entity: 'case', op: 'upsert' },
      'nonsense',
      upsert('case', c),
    ]);
    expect(readable.map((r) => r.id)).toEqual([c.id]);
    expect(unreadable).toMatchObject([
      { entity: 'attachment', id: 'att-1', reason: expect.stringContaining('"attachment"') },
      { entity: 'case', id: '', reason: expect.stringContaining('malformed') },
      { entity: 'unknown', id: '', data: 'nonsense' },
    ]);
  });

  it('lets a later readable change of the same entity in one page settle an unreadable one', () => {
    const { readable, unreadable } = checkServerChanges([
      upsert('case', { ...c, status: 'archived' }),
      upsert('case', c),
      upsert('case', { ...makeCase(3), status: 'archived' }),
    ]);
    expect(readable.map((r) => r.id)).toEqual([c.id]);
    expect(unreadable.map((u) => u.id)).toEqual([makeCase(3).id]);
  });

  it('refuses a page without a cursor or without changes as a whole', () => {
    expect(() => parsePulledPage({ changes: [], hasMore: false })).toThrow(SyncDataError);
    expect(() => parsePulledPage(null)).toThrow(SyncDataError);
    expect(() => parsePulledPage({ changes: {}, cursor: 'c', hasMore: false })).toThrow(
      SyncDataError,
    );
    expect(parsePulledPage({ changes: ['x'], cursor: 'c', hasMore: false }).changes).toEqual(['x']);
  });
});
