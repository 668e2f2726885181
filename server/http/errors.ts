import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, describeBytes } from '../../shared';
import { WORKSPACE_HEADERS } from './security-headers';
import { WORKSPACE_CSP } from './workspace';

/**
 * One error handler for the whole service: domain refusals keep their code and message,
 * framework errors are mapped onto the contract, and anything unexpected becomes a 500
 * that tells the caller nothing about our insides (the log has the detail).
 */
export function registerErrorHandling(
  app: FastifyInstance,
  opts: { spaIndex?: boolean } = {},
): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) {
      return reply.code(err.status).send(err.toBody());
    }
    const mapped = mapFrameworkError(
      err,
      req.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit,
    );
    if (mapped) return reply.code(mapped.status).send(mapped.toBody());
    req.log.error({ err }, 'request failed');
    return reply
      .code(500)
      .send(
        new DomainError('internal_error', 'Something went wrong on our side; try again.').toBody(),
      );
  });

  app.setNotFoundHandler((req, reply) => {
    // The workspace routes on the client: its deep paths all load index.html.
    if (opts.spaIndex && req.method === 'GET' && !req.url.startsWith('/api/')) {
      if (/\.map$/i.test(req.url.split('?')[0]!)) return notFound(req, reply);
      return reply
        .header('content-security-policy', WORKSPACE_CSP)
        .headers(WORKSPACE_HEADERS)
        .sendFile('index.html');
    }
    return notFound(req, reply);
  });
}

function notFound(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .send(
      new DomainError('not_found', `No route ${req.method} ${req.url.split('?')[0]}.`).toBody(),
    );
}

/** Says the limit of the route that refused the body: routes differ (1, 10 or 40 MiB). */
const bodyTooLarge = (limit: number | undefined) =>
  new DomainError(
    'payload_too_large',
    limit === undefined
      ? 'The body is larger than this route takes.'
      : `The body is larger than ${describeBytes(limit)}, the limit of this route.`,
    limit === undefined ? undefined : { limit },
  );

function mapFrameworkError(err: FastifyError, bodyLimit: number | undefined): DomainError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge(bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError(
        'unsupported_media_type',
        'Send JSON with content-type: application/json.',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('malformed_json', 'The body is not valid JSON.');
  }
  if (err instanceof SyntaxError || err.statusCode === 400) {
    return new DomainError('malformed_json', 'The body is not valid JSON.');
  }
  if (err.statusCode === 413) return bodyTooLarge(bodyLimit);
  return null;
}
