import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../server/services/accounts';
import { startTestOidcProvider, type TestOidcProvider } from '../../server/testing/oidc-provider';
import { seriousViolations, shot, startStack, type Stack } from './harness';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

// The browser workspace against a service with single sign-on and a real OpenID provider.
describe('single sign-on in Chromium', { timeout: 120_000 }, () => {
  let provider: TestOidcProvider;
  let stack: Stack;

  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestOidcProvider(`http://127.0.0.1:${port}/api/v1/auth/oidc/callback`);
    stack = await startStack({
      port,
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
      },
    });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await provider?.close();
  });

  it('signs an invited agent in through the company’s provider, with no password of their own', async () => {
    await stack.db.transaction((tx) =>
      createAgent(
        tx,
        null,
        {
          email: 'sven@example.com',
          name: 'Sven Sundberg',
          roles: ['agent'],
          languages: ['en'],
          refundLimit: { amount: 100_00, currency: 'EUR' },
        },
        new Date(),
      ),
    );
    provider.signInAs({ sub: 'corp-sven', email: 'Sven@Example.com', emailVerified: true });
    const ctx = await stack.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(stack.url);
    const button = page.getByRole('button', { name: 'Sign in with single sign-on' });
    await shot(page, 'sso-sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    await button.click();
    await page
      .getByRole('status', { name: 'Sync status' })
      .filter({ hasText: 'Synced' })
      .waitFor({ timeout: 30_000 });
    await page.getByText('Sven Sundberg').waitFor();
    // The one-time code does not stay in the address bar or the history.
    expect(new URL(page.url()).search).toBe('');
    await ctx.close();
  });

  it('turns away someone the provider knows but Casedesk does not, and says why', async () => {
    provider.signInAs({ sub: 'corp-x', email: 'stranger@example.com', emailVerified: true });
    const ctx = await stack.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(stack.url);
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await page.getByRole('alert').filter({ hasText: 'did not sign you in' }).waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await shot(page, 'sso-refused');
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });
});
