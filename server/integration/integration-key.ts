import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../shared';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** preHandler for the marketplace's routes: the configured X-Integration-Key or 401. */
export function requireIntegrationKey(key: string | null) {
  return async (req: FastifyRequest): Promise<void> => {
    const given = req.headers['x-integration-key'];
    const ok =
      key !== null && typeof given === 'string' && timingSafeEqual(digest(given), digest(key));
    if (!ok) throw new DomainError('unauthenticated', 'A valid X-Integration-Key is required.');
  };
}
