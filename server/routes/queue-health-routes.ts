import type { FastifyInstance } from 'fastify';
import {
  DomainError,
  QueueHealthQuery,
  canSeeQueueHealth,
  languagesSeen,
  seesFullDirectory,
} from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { parse } from '../http/validation';
import { queueHealth } from '../reports/queue-health';

/** The dashboard's figures (issue 18): leads and Trust & Safety. */
export function queueHealthRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/v1/reports/queue-health', { preHandler: requireAgent(db) }, async (req, reply) => {
    const actor = actorOf(req);
    if (!canSeeQueueHealth(actor))
      throw new DomainError('forbidden', 'Queue health is for leads and Trust & Safety.');
    const q = parse(QueueHealthQuery, req.query, 'query');
    const seen = languagesSeen(actor);
    const languages = q.languages ? seen.filter((l) => q.languages!.includes(l)) : seen;
    void reply.header('cache-control', 'no-store');
    return queueHealth(db, {
      languages,
      from: q.from,
      to: q.to,
      now: new Date(),
      withLastSeen: seesFullDirectory(actor),
    });
  });
}
