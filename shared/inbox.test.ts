import { describe, expect, it } from 'vitest';
import { inboxItemFor, mentions, type InboxFacts } from './inbox';

const ana = {
  id: 'ana',
  name: 'Ana de Vries',
  email: 'ana@demo.casedesk',
  roles: ['agent' as const],
  languages: ['de' as const],
  refundLimit: { amount: 250_00, currency: 'EUR' as const },
};
const tess = {
  ...ana,
  id: 'tess',
  name: 'Tess Bakker',
  email: 'tess@demo.casedesk',
  roles: ['trust_safety' as const],
};
const facts = (over: Partial<InboxFacts['event']>, rest: Partial<InboxFacts> = {}): InboxFacts => ({
  event: {
    id: 'e1',
    caseId: 'c1',
    type: 'case.assigned',
    actorId: 'lena',
    at: '2026-12-02T08:00:00.000Z',
    data: {},
    ...over,
  },
  reference: 'CD-1',
  assigneeId: 'ana',
  actorName: 'Lena Kowalska',
  ...rest,
});

describe('what happened to me', () => {
  it('tells an agent a lead assigned them a case, not when it went to someone else', () => {
    expect(inboxItemFor(facts({ data: { toAssigneeId: 'ana' } }), ana)).toMatchObject({
      kind: 'assigned',
      caseId: 'c1',
      text: 'Lena Kowalska assigned CD-1 to you',
    });
    expect(inboxItemFor(facts({ data: { toAssigneeId: 'marco' } }), ana)).toBeNull();
  });

  it('never tells someone what they did themselves', () => {
    expect(inboxItemFor(facts({ actorId: 'ana', data: { toAssigneeId: 'ana' } }), ana)).toBeNull();
  });

  it('tells the proposer of a decision on their proposal, with the reason of a rejection', () => {
    const rejected = facts(
      {
        type: 'action.rejected',
        actorId: 'tess',
        data: { actionType: 'restrict_account', reason: 'No proof' },
      },
      {
        actorName: 'Tess Bakker',
        action: { type: 'restrict_account', proposedBy: 'ana', status: 'rejected' },
      },
    );
    expect(inboxItemFor(rejected, ana)?.text).toBe(
      'Tess Bakker rejected your restrict account on CD-1: No proof',
    );
    expect(inboxItemFor(rejected, tess)).toBeNull();
  });

  it('tells the assignee a buyer answered, and a reviewer an approval waits for them', () => {
    expect(
      inboxItemFor(facts({ type: 'message.received', actorId: null, data: { from: 'buyer' } }), ana)
        ?.kind,
    ).toBe('buyer_answered');
    expect(
      inboxItemFor(
        facts({ type: 'message.received', actorId: null }, { assigneeId: 'marco' }),
        ana,
      ),
    ).toBeNull();
    const proposed = facts(
      { type: 'action.proposed', actorId: 'ana' },
      {
        action: { type: 'restrict_account', proposedBy: 'ana', status: 'pending_approval' },
        actorName: 'Ana de Vries',
      },
    );
    expect(inboxItemFor(proposed, tess)?.kind).toBe('approval');
    expect(
      inboxItemFor({ ...proposed, action: { ...proposed.action!, status: 'executed' } }, tess),
    ).toBeNull();
  });

  it('tells a colleague named with @ in an internal note', () => {
    const note = (body: string) =>
      inboxItemFor(facts({ type: 'note.added' }, { noteBody: body }), tess);
    expect(note('@Tess can you check the photos?')?.text).toBe(
      'Lena Kowalska mentioned you in a note on CD-1',
    );
    expect(note('Asked @tess.')).not.toBeNull();
    expect(note('Mail tess@demo.casedesk')).toBeNull();
    expect(note('@Tessa knows')).toBeNull();
  });
});

describe('mentions', () => {
  it('finds a first name or the start of the email address after an @', () => {
    expect(mentions('Hi @ana, see above', ana)).toBe(true);
    expect(mentions('(@Ana)', ana)).toBe(true);
    expect(mentions('no mention of ana', ana)).toBe(false);
    expect(mentions('x@ana', ana)).toBe(false);
  });
});
