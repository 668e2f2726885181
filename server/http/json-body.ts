import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A sync push checks each mutation's `args` itself, so that one bad mutation is that
     * mutation's rejection and never a 400 for the whole batch.
     */
    argsCheckedPerMutation?: boolean;
  }
}

const MUTATION_ARGS = /^body\.mutations\.\d+\.args$/;
import { DomainError } from '../../shared';
import { requireCleanText } from './request-text';

/**
 * Our own JSON parser: an empty body counts as none (clients often send the header on a
 * bare POST), anything unparsable is the contract's 400 malformed_json, and text the
 * service cannot store or nesting it cannot walk is a 400 validation_failed here, once,
 * for every route (V8's JSON.parse itself does not recurse, so it survives any depth).
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return done(new DomainError('malformed_json', 'The body is not valid JSON.'), undefined);
    }
    try {
      const perMutation = req.routeOptions.config.argsCheckedPerMutation === true;
      requireCleanText(value, 'body', perMutation ? (p) => MUTATION_ARGS.test(p) : undefined);
    } catch (err) {
      return done(err as DomainError, undefined);
    }
    done(null, value);
  });
}

/** Query strings and path parameters get the same check as bodies. */
export function registerQueryAndParamsCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    requireCleanText(req.query, 'query');
    requireCleanText(req.params, 'params');
  });
}
