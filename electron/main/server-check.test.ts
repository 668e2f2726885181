import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServer } from './server-check';

describe('checking a team server before switching to it', () => {
  const casedesk = Fastify();
  const other = Fastify();
  let casedeskUrl = '';
  let otherUrl = '';
  beforeAll(async () => {
    casedesk.get('/api/v1/health', async () => ({
      status: 'ok',
      version: '0.2.0',
      database: 'postgres',
    }));
    other.get('/api/v1/health', async () => ({ hello: 'world' }));
    casedeskUrl = await casedesk.listen({ port: 0, host: '127.0.0.1' });
    otherUrl = await other.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await casedesk.close();
    await other.close();
  });

  it('accepts a Casedesk case service and reports its version', async () => {
    expect(await checkServer(casedeskUrl, fetch)).toEqual({ ok: true, version: '0.2.0' });
  });

  it('refuses something else that answers, with a reason', async () => {
    expect(await checkServer(otherUrl, fetch)).toEqual({
      ok: false,
      reason: `${otherUrl} is not a Casedesk case service`,
    });
  });

  it('refuses a server that cannot be reached, with a reason', async () => {
    const r = await checkServer('http://127.0.0.1:1', fetch);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/cannot be reached/);
  });

  it('gives up on a server that does not answer', async () => {
    const hang = () =>
      new Promise<Response>((_, reject) =>
        setTimeout(() => reject(Object.assign(new Error('t'), { name: 'TimeoutError' })), 10),
      );
    expect(await checkServer('https://slow.example.com', hang, 5)).toEqual({
      ok: false,
      reason: 'https://slow.example.com did not answer within 0.005 s',
    });
  });
});
