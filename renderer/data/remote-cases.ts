import { z } from 'zod';
import { Case, Message, Note } from '../../shared';

/** The service's answer to GET /api/v1/cases, read leniently: only the cases are used. */
export const CasesPageRead = z.object({ cases: z.array(Case) });

/** GET /api/v1/cases/:id as a read-only view needs it: the case and its conversation. */
export const RemoteCaseRead = z.object({
  case: Case,
  messages: z.array(Message),
  notes: z.array(Note),
});
export type RemoteCaseRead = z.infer<typeof RemoteCaseRead>;

/** A case the service found that this device does not hold. */
export interface RemoteHit {
  id: string;
  reference: string;
  buyerName: string;
  status: Case['status'];
  topic: Case['topic'];
  updatedAt: string;
}

/**
 * How a search asks the service: a reference as typed ("cd-100213") by `reference`, which
 * the service matches exactly; anything else by `q`, its search text (buyer, email, lot).
 */
export function remoteSearchPath(typed: string, limit = 20): string | null {
  const text = typed.trim();
  if (text.length < 2) return null;
  const params = new URLSearchParams(
    /^[a-z]{1,5}-\d+$/i.test(text) ? { reference: text } : { q: text },
  );
  params.set('limit', String(limit));
  return `/api/v1/cases?${params.toString()}`;
}
