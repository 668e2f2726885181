import { decisionRight, toldOfDeadDeliveries, type Actor } from './permissions';
import type { ActionType } from './schemas/actions';

/** What happened to me, as the Notifications list shows it (issue 16). */
export type InboxKind =
  'assigned' | 'decision' | 'buyer_answered' | 'approval' | 'failed' | 'mention';

export const INBOX_EVENT_TYPES = [
  'case.assigned',
  'action.approved',
  'action.rejected',
  'message.received',
  'action.proposed',
  'action.failed',
  'delivery.dead',
  'note.added',
] as const;

export interface InboxItem {
  /** The event's id: what the device marks read. */
  id: string;
  caseId: string;
  kind: InboxKind;
  at: string;
  text: string;
}

/** An event with what the rules need to know about its case, action and note. */
export interface InboxFacts {
  event: {
    id: string;
    caseId: string;
    type: string;
    actorId: string | null;
    at: string;
    data: Record<string, unknown>;
  };
  reference: string;
  assigneeId: string | null;
  action?: { type: ActionType; proposedBy: string; status: string };
  noteBody?: string;
  actorName: string;
}

const words = (t: unknown) => String(t ?? 'action').replaceAll('_', ' ');

/**
 * Whether a note names `me` with an @: their first name or the start of their email
 * address (`@lena`, `@Lena`, `@lena.k`), not inside a word or an email address.
 */
export function mentions(body: string, me: { name: string; email: string }): boolean {
  const handles = new Set(
    [me.name.split(/\s+/)[0] ?? '', me.email.split('@')[0] ?? '']
      .map((h) => h.toLowerCase())
      .filter(Boolean),
  );
  for (const m of body.matchAll(/(^|[^\w@.])@([\p{L}\d][\p{L}\d._-]*)/gu)) {
    const handle = m[2]!.replace(/[._-]+$/, '').toLowerCase();
    if (handles.has(handle)) return true;
  }
  return false;
}

/** The notification an event makes for `me`, or null when it is not about them. */
export function inboxItemFor(
  f: InboxFacts,
  me: Actor & { name: string; email: string },
): InboxItem | null {
  const e = f.event;
  if (e.actorId === me.id) return null; // what I did myself is no news to me
  const item = (kind: InboxKind, text: string): InboxItem => ({
    id: e.id,
    caseId: e.caseId,
    kind,
    at: e.at,
    text,
  });
  const mine = f.assigneeId === me.id;
  switch (e.type) {
    case 'case.assigned':
      return e.data.toAssigneeId === me.id
        ? item('assigned', `${f.actorName} assigned ${f.reference} to you`)
        : null;
    case 'action.approved':
    case 'action.rejected': {
      const proposer = (e.data.proposedBy as string | undefined) ?? f.action?.proposedBy;
      if (proposer !== me.id) return null;
      const verb = e.type === 'action.approved' ? 'approved' : 'rejected';
      const why = e.type === 'action.rejected' && e.data.reason ? `: ${String(e.data.reason)}` : '';
      return item(
        'decision',
        `${f.actorName} ${verb} your ${words(e.data.actionType)} on ${f.reference}${why}`,
      );
    }
    case 'message.received':
      return mine
        ? item(
            'buyer_answered',
            `The ${e.data.from === 'seller' ? 'seller' : 'buyer'} answered on ${f.reference}`,
          )
        : null;
    case 'action.proposed':
      return f.action &&
        f.action.status === 'pending_approval' &&
        f.action.proposedBy !== me.id &&
        decisionRight(me, f.action) === 'allowed'
        ? item(
            'approval',
            `${f.actorName} proposes a ${words(f.action.type)} on ${f.reference}: waiting for your approval`,
          )
        : null;
    case 'action.failed':
      return mine
        ? item(
            'failed',
            `The marketplace could not carry out the ${words(e.data.actionType)} on ${f.reference}`,
          )
        : null;
    case 'delivery.dead':
      return toldOfDeadDeliveries(me)
        ? item('failed', `An event of ${f.reference} never reached the marketplace`)
        : null;
    case 'note.added':
      return f.noteBody !== undefined && mentions(f.noteBody, me)
        ? item('mention', `${f.actorName} mentioned you in a note on ${f.reference}`)
        : null;
    default:
      return null;
  }
}
