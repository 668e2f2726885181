import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { DomainError, type Agent } from '../../shared';
import type { Database } from '../db/database';
import { findAgentByEmail, findAgentRow, toAgent } from '../repositories/agents';
import { hashToken, newSessionToken, openSession } from './auth';

/** CASEDESK_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const LOGIN_TTL_MS = 10 * 60_000;
/** The contract's one-time code lives 60 seconds. */
const CODE_TTL_MS = 60_000;

export interface SingleSignOn {
  /** Where to send the browser: the provider's authorization endpoint. */
  start(redirectUri: string, ownOrigin: string, now?: Date): Promise<string>;
  /** Where to send the browser back: the app's redirect_uri with `code` or `error`. */
  callback(query: Record<string, string>, ownOrigin: string, now?: Date): Promise<string>;
  exchange(code: string, now?: Date): Promise<{ token: string; agent: Agent }>;
}

/**
 * Sign-in through any OpenID Connect provider: authorization code with PKCE, `state` and
 * `nonce`, every token check done by openid-client. The provider vouches for an email
 * (`email_verified`); only an existing, active account with that email gets a session —
 * handed over through a one-time code, never in the redirect itself.
 */
export function singleSignOn(db: Database, settings: OidcSettings): SingleSignOn {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        // A provider on plain http is only ever a local one (tests, a lab).
        settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((err: unknown) => {
        discovered = undefined; // the provider may be back next time
        throw err;
      });
    return discovered;
  };

  return {
    async start(redirectUri, ownOrigin, now = new Date()) {
      const target = allowedRedirectUri(redirectUri, ownOrigin);
      if (!target) {
        throw new DomainError(
          'validation_failed',
          'redirect_uri must be a loopback address (http://127.0.0.1:<port>/…) or on this service’s origin.',
          { fields: [{ path: 'query.redirect_uri', message: 'not an allowed redirect' }] },
        );
      }
      // The provider down or misconfigured is not the caller's fault, and the app waits on
      // its redirect: send it back with OAuth's own word for that.
      const config = await configuration().catch(() => null);
      if (!config) {
        target.searchParams.set('error', 'temporarily_unavailable');
        return target.href;
      }
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const callback = `${ownOrigin}${CALLBACK_PATH}`;
      await db.query('DELETE FROM oidc_logins WHERE expires_at <= $1', [now]);
      await db.query(
        `INSERT INTO oidc_logins (state_hash, code_verifier, nonce, redirect_uri, callback_uri, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          hashToken(state),
          verifier,
          nonce,
          target.href,
          callback,
          new Date(now.getTime() + LOGIN_TTL_MS),
        ],
      );
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      }).href;
    },

    async callback(query, _ownOrigin, now = new Date()) {
      // Single use: the row goes whatever happens next.
      const found = await db.query<{
        code_verifier: string;
        nonce: string;
        redirect_uri: string;
        callback_uri: string;
        expires_at: Date;
      }>('DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING *', [
        hashToken(query.state ?? ''),
      ]);
      const login = found.rows[0];
      if (!login || new Date(login.expires_at) <= now) {
        // Nowhere trustworthy to send the browser: answer here.
        throw new DomainError(
          'validation_failed',
          'This sign-in is unknown, used or expired. Start again from Casedesk.',
          { fields: [{ path: 'query.state', message: 'unknown, used or expired' }] },
        );
      }
      const back = (params: Record<string, string>) => {
        const url = new URL(login.redirect_uri);
        for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
        return url.href;
      };
      if (query.error || !query.code) return back({ error: 'access_denied' });

      let email: string | undefined;
      let verified = false;
      try {
        const config = await configuration();
        const current = new URL(login.callback_uri);
        for (const [k, v] of Object.entries(query)) current.searchParams.set(k, v);
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: login.code_verifier,
          expectedState: query.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        let claims: Record<string, unknown> = tokens.claims() ?? {};
        if (typeof claims.email !== 'string') {
          claims = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        }
        email = typeof claims.email === 'string' ? claims.email : undefined;
        verified = claims.email_verified === true;
      } catch {
        return back({ error: 'access_denied' });
      }
      const agent = email && verified ? await findAgentByEmail(db, email) : null;
      if (!agent?.active) return back({ error: 'access_denied' });

      const code = randomBytes(32).toString('base64url');
      await db.query('DELETE FROM oidc_codes WHERE expires_at <= $1', [now]);
      await db.query(
        'INSERT INTO oidc_codes (code_hash, agent_id, expires_at) VALUES ($1, $2, $3)',
        [hashToken(code), agent.id, new Date(now.getTime() + CODE_TTL_MS)],
      );
      return back({ code });
    },

    async exchange(code, now = new Date()) {
      return db.transaction(async (tx) => {
        const used = await tx.query<{ agent_id: string; expires_at: Date }>(
          'DELETE FROM oidc_codes WHERE code_hash = $1 RETURNING agent_id, expires_at',
          [hashToken(code)],
        );
        const row = used.rows[0];
        const agent =
          row && new Date(row.expires_at) > now ? await findAgentRow(tx, row.agent_id) : null;
        if (!agent?.active) {
          throw new DomainError(
            'invalid_credentials',
            'This sign-in code is unknown, used or expired. Sign in again.',
          );
        }
        const token = newSessionToken();
        await openSession(tx, agent.id, token, now, { viaSso: true });
        return { token, agent: toAgent({ ...agent, last_seen_at: now }) };
      });
    },
  };
}

/**
 * A redirect_uri the service may send a one-time code to: `http://127.0.0.1:<port>/…` or
 * `http://[::1]:<port>/…` (RFC 8252's loopback redirect, any port), or a URL on the
 * service's own origin. Anything else could hand the code to someone else.
 */
export function allowedRedirectUri(raw: string, ownOrigin: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password || url.hash) return null;
  const loopback =
    url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');
  return loopback || url.origin === ownOrigin ? url : null;
}
