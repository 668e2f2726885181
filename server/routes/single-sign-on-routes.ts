import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, OidcCallbackQuery, OidcExchangeRequest, OidcStartQuery } from '../../shared';
import { parse } from '../http/validation';
import type { SingleSignOn } from '../services/single-sign-on';

/** The service's own origin, as the browser reached it (behind a trusted proxy, as it says). */
const ownOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * start → the provider → callback → the app's redirect_uri with a one-time code →
 * exchange for a session. Registered always (the catalog and OpenAPI list them); without
 * CASEDESK_OIDC_* they answer 404 once the request is valid.
 */
export function singleSignOnRoutes(app: FastifyInstance, sso: SingleSignOn | null): void {
  const configured = () => {
    if (!sso) throw new DomainError('not_found', 'Single sign-on is not configured here.');
    return sso;
  };

  app.get('/api/v1/auth/oidc/start', async (req, reply) => {
    const q = parse(OidcStartQuery, req.query, 'query');
    const to = await configured().start(q.redirect_uri, ownOrigin(req));
    return reply.header('cache-control', 'no-store').redirect(to, 302);
  });

  app.get('/api/v1/auth/oidc/callback', async (req, reply) => {
    const q = parse(OidcCallbackQuery, req.query, 'query');
    const to = await configured().callback(q, ownOrigin(req));
    return reply.header('cache-control', 'no-store').redirect(to, 302);
  });

  // Like login: answers with a session token, which is never stored, so no Idempotency-Key.
  app.post('/api/v1/auth/oidc/exchange', async (req) => {
    const body = parse(OidcExchangeRequest, req.body);
    return configured().exchange(body.code);
  });
}
