import type { FastifyInstance } from 'fastify';
import { PullQuery, PushRequest } from '../../shared';
import type { Database } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import { actorOf, requireAgent } from '../http/auth';
import { parse } from '../http/validation';
import { hashToken } from '../services/auth';
import type { ChangeFeed } from '../sync/change-feed';
import { pullChanges } from '../sync/pull-changes';
import { pushMutations } from '../sync/push-mutations';
import type { PresenceFeed } from '../sync/presence-feed';
import type { SessionWatch } from '../sync/session-watch';

const KEEPALIVE_MS = 15_000;

export function syncRoutes(
  app: FastifyInstance,
  db: Database,
  feed: ChangeFeed,
  sessions: SessionWatch,
  mail: MailSettings | null = null,
  presence: PresenceFeed | null = null,
): void {
  const staff = { preHandler: requireAgent(db) };
  const open = new Set<() => void>();
  // Before the server waits for connections to finish: streams never finish by themselves.
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get('/api/v1/sync/pull', staff, async (req) => {
    const { cursor, limit, historySince } = parse(PullQuery, req.query, 'query');
    return pullChanges(db, actorOf(req), cursor, limit, historySince ?? null);
  });

  app.post(
    '/api/v1/sync/push',
    { ...staff, config: { argsCheckedPerMutation: true } },
    async (req) => {
      const { mutations } = parse(PushRequest, req.body);
      const results = await pushMutations(
        db,
        actorOf(req),
        mutations,
        (err, m) =>
          req.log.error({ err, mutation: { id: m.id, op: m.op } }, 'sync mutation failed'),
        mail,
      );
      return { results };
    },
  );

  // Server-Sent Events: `poke` whenever something the caller may see changed. EventSource
  // cannot send headers, so the token may come as ?token= (requireAgent accepts it here).
  app.get(
    '/api/v1/sync/stream',
    { preHandler: requireAgent(db, { tokenInQuery: true }) },
    async (req, reply) => {
      const actor = actorOf(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (cursor: string) =>
        res.write(`event: poke\ndata: ${JSON.stringify({ cursor })}\n\n`);
      res.write('retry: 3000\n\n');
      // A fresh connection may have missed pokes while it was away: start with one.
      send(await feed.head());
      const subscription = feed.subscribe(actor, send);
      // Who else has a case open, for the cases this caller may see (see case-presence).
      const viewers = presence?.subscribe(actor, (p) =>
        res.write(`event: presence\ndata: ${JSON.stringify(p)}\n\n`),
      );
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
      // A logout, a revoked or an expired session ends the stream within seconds, on
      // whichever instance it was ended (see SessionWatch); the client learns why.
      const unwatch = sessions.watch(
        hashToken(req.token!),
        () => {
          res.write('event: session_ended\ndata: {}\n\n');
          close();
        },
        (agent) => {
          subscription.setActor(agent);
          viewers?.setActor(agent);
        },
      );
      const end = () => {
        clearInterval(keepalive);
        subscription.unsubscribe();
        viewers?.unsubscribe();
        unwatch();
        open.delete(close);
      };
      const close = () => {
        end();
        res.end();
      };
      open.add(close);
      req.raw.once('close', end);
    },
  );
}
