import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../http/openapi';

/** `GET /api/v1/openapi.json`: no token, like health (contract part 2). */
export function openApiRoutes(app: FastifyInstance): void {
  // Built on first ask, then kept: the catalog does not change while the service runs.
  let text: string | null = null;
  app.get('/api/v1/openapi.json', async (_req, reply) => {
    text ??= JSON.stringify(buildOpenApiDocument());
    return reply.type('application/json; charset=utf-8').send(text);
  });
}
