import { randomUUID } from 'node:crypto';
import type {
  AccountRestriction,
  Action,
  Attachment,
  CaseEvent,
  MessageDeliveryStatus,
  EventType,
  ExternalDispute,
  Message,
  Note,
  RestrictionEndReason,
} from '../../shared';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from './timestamps';

interface MessageRow {
  id: string;
  case_id: string;
  direction: 'to' | 'from';
  party: 'buyer' | 'seller';
  author_id: string | null;
  body: string;
  created_at: Date | string;
  delivery_status?: MessageDeliveryStatus | null;
  delivery_attempts?: number;
  sent_at?: Date | string | null;
  last_error?: string | null;
  attachments?: Attachment[];
}
export const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  caseId: r.case_id,
  [r.direction]: r.party,
  authorId: r.author_id,
  body: r.body,
  createdAt: iso(r.created_at),
  ...(r.direction === 'to'
    ? {
        delivery: {
          // Messages stored before mail existed never left the service.
          status: r.delivery_status ?? 'not_configured',
          attempts: r.delivery_attempts ?? 0,
          sentAt: isoOrNull(r.sent_at ?? null),
          lastError: r.last_error ?? null,
        },
      }
    : {}),
  attachments: r.attachments ?? [],
});

interface NoteRow {
  id: string;
  case_id: string;
  author_id: string;
  body: string;
  created_at: Date | string;
  attachments?: Attachment[];
}
export const toNote = (r: NoteRow): Note => ({
  id: r.id,
  caseId: r.case_id,
  authorId: r.author_id,
  body: r.body,
  createdAt: iso(r.created_at),
  attachments: r.attachments ?? [],
});

export interface ActionRow {
  id: string;
  case_id: string;
  order_id: string | null;
  type: Action['type'];
  status: Action['status'];
  details: Record<string, unknown>;
  amount_minor: number | null;
  currency: string | null;
  proposed_by: string;
  approved_by: string | null;
  rejected_by: string | null;
  rejection_reason: string | null;
  created_at: Date | string;
  decided_at: Date | string | null;
  external_ref?: string | null;
  failure_reason?: string | null;
  effective_at?: Date | string | null;
  ended_at?: Date | string | null;
  end_reason?: RestrictionEndReason | null;
  ended_by?: string | null;
  end_note?: string | null;
}
export const toAction = ({ details: { notify: _notices, ...details }, ...r }: ActionRow): Action =>
  ({
    id: r.id,
    caseId: r.case_id,
    type: r.type,
    ...details,
    status: r.status,
    proposedBy: r.proposed_by,
    approvedBy: r.approved_by,
    rejectedBy: r.rejected_by,
    rejectionReason: r.rejection_reason,
    createdAt: iso(r.created_at),
    decidedAt: isoOrNull(r.decided_at),
    externalRef: r.external_ref ?? null,
    failureReason: r.failure_reason ?? null,
    effectiveAt: isoOrNull(r.effective_at ?? null),
    endedAt: isoOrNull(r.ended_at ?? null),
    endReason: r.end_reason ?? null,
    endedBy: r.ended_by ?? null,
    endNote: r.end_note ?? null,
  }) as Action;

interface DisputeRow {
  id: string;
  case_id: string;
  body: string;
  reference: string;
  filed_at: Date | string;
  status: ExternalDispute['status'];
  notes: string;
  outcome: string | null;
  response_due_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}
export const toDispute = (r: DisputeRow): ExternalDispute => ({
  id: r.id,
  caseId: r.case_id,
  body: r.body,
  reference: r.reference,
  filedAt: iso(r.filed_at),
  status: r.status,
  notes: r.notes,
  outcome: r.outcome,
  responseDueAt: isoOrNull(r.response_due_at),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

interface EventRow {
  id: string;
  case_id: string;
  type: EventType;
  actor_id: string | null;
  at: Date | string;
  data: Record<string, unknown>;
}
export const toEvent = (r: EventRow): CaseEvent => ({
  id: r.id,
  caseId: r.case_id,
  type: r.type,
  actorId: r.actor_id,
  at: iso(r.at),
  data: r.data,
});

interface RestrictionRow {
  id: string;
  subject: 'buyer' | 'seller';
  subject_id: string;
  restriction: AccountRestriction['restriction'];
  until: Date | string | null;
  action_id: string;
  case_id: string;
  created_at: Date | string;
  ended_at?: Date | string | null;
  end_reason?: RestrictionEndReason | null;
}
export const toRestriction = (r: RestrictionRow): AccountRestriction => ({
  id: r.id,
  subject: r.subject,
  subjectId: r.subject_id,
  restriction: r.restriction,
  until: isoOrNull(r.until),
  actionId: r.action_id,
  caseId: r.case_id,
  createdAt: iso(r.created_at),
  endedAt: isoOrNull(r.ended_at ?? null),
  endReason: r.end_reason ?? null,
});

export async function findDispute(
  db: Queryable,
  id: string,
  lock = false,
): Promise<ExternalDispute | null> {
  const res = await db.query<DisputeRow>(
    `SELECT * FROM external_disputes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return res.rows[0] ? toDispute(res.rows[0]) : null;
}

export interface NewEvent {
  caseId: string;
  type: EventType;
  actorId: string | null;
  at: Date;
  data: Record<string, unknown>;
}

/** Appends to the audit trail; call it inside the transaction that makes the change. */
export async function recordEvent(tx: Queryable, e: NewEvent): Promise<void> {
  await tx.query(
    'INSERT INTO events (id, case_id, type, actor_id, at, data) VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), e.caseId, e.type, e.actorId, e.at, JSON.stringify(e.data)],
  );
}
