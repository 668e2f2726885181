import type { CaseStatus } from '../../shared';
import type { Queryable } from '../db/database';
import { enqueueIntegrationEvent } from '../integration/outbox';
import { changeCase } from './case-access';

/**
 * Resolves a case: its columns, its `case.resolved` audit event and the `case.resolved`
 * integration event, in the caller's transaction. An agent's resolve, a complaint's decision
 * and the waiting-case worker's automatic close all end a case this one way, so the
 * marketplace hears of each exactly as the audit trail records it.
 */
export async function markResolved(
  tx: Queryable,
  c: { id: string; status: CaseStatus },
  p: { actorId: string | null; summary: string; now: Date; data?: Record<string, unknown> },
): Promise<void> {
  const { actorId, summary, now } = p;
  await changeCase(
    tx,
    c.id,
    { status: 'resolved', resolved_at: now, resolution_summary: summary },
    {
      caseId: c.id,
      type: 'case.resolved',
      actorId,
      at: now,
      data: { from: c.status, to: 'resolved', summary, ...p.data },
    },
  );
  await enqueueIntegrationEvent(tx, {
    type: 'case.resolved',
    caseId: c.id,
    at: now,
    data: { resolvedAt: now.toISOString() },
  });
}
