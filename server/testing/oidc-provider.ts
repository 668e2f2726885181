import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test provider can sign in, as the provider knows them. */
export interface ProviderUser {
  sub: string;
  email: string;
  emailVerified: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the provider's login prompt next (the person at the browser). */
  signInAs(user: ProviderUser | 'cancel'): void;
  /**
   * Follows the provider's redirects from an authorization URL like a browser (cookies
   * kept) until it sends the browser back to the service: that URL.
   */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (node-oidc-provider, certified) on a local port: discovery,
 * authorization with PKCE, tokens, ID tokens signed with its keys, userinfo. Its login
 * and consent prompts are answered by the test instead of a person.
 */
export async function startTestOidcProvider(callbackUrl: string): Promise<TestOidcProvider> {
  const clientId = 'casedesk';
  const clientSecret = 'casedesk-test-client-secret-0123456789';
  let next: ProviderUser | 'cancel' = 'cancel';
  const users = new Map<string, ProviderUser>();

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [callbackUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      return user
        ? {
            accountId: sub,
            claims: () => ({ sub, email: user.email, email_verified: user.emailVerified }),
          }
        : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });

  server.on('request', (req, res) => {
    const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (!match) return void provider.callback()(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        if (next === 'cancel') {
          const result = { error: 'access_denied', error_description: 'The person cancelled.' };
          return provider.interactionFinished(req, res, result);
        }
        users.set(next.sub, next);
        return provider.interactionFinished(req, res, { login: { accountId: next.sub } });
      }
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: details.params.client_id as string,
      });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  const cookies = new Map<string, string>();
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(user) {
      next = user;
    },
    async authorize(authorizationUrl) {
      cookies.clear(); // a fresh browser each time: no provider session carries over
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop++) {
        if (url.origin !== issuer) return url; // back at the service
        const res = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        });
        for (const c of res.headers.getSetCookie()) {
          const [pair = ''] = c.split(';');
          const eq = pair.indexOf('=');
          cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const location = res.headers.get('location');
        if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the provider');
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
