import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, Case } from '../../shared';
import type { Database } from '../db/database';
import { findAgent } from '../repositories/agents';
import { pushMutations } from '../sync/push-mutations';
import {
  escalation,
  startTestService,
  TEST_INTAKE_KEY,
  type Session,
  type TestService,
} from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';

const NUL = '\u0000';
const LONE = '\uD800';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

function expectRefused(res: { statusCode: number; json(): unknown }, what: string, status = 400) {
  expect(res.statusCode, what).toBe(status);
  const body = res.json() as { error: { code: string; message: string } };
  expect(typeof body.error.code, what).toBe('string');
  expect(typeof body.error.message, what).toBe('string');
  return body.error;
}

describe.each(testDatabaseKinds())('hostile input on %s', (kind) => {
  let svc: TestService;
  let ana: Session, lena: Session;
  let c: Case;
  beforeAll(async () => {
    svc = await startTestService(kind);
    [ana, lena] = await Promise.all([svc.login('ana'), svc.login('lena')]);
    c = await svc.intake();
    await ana.post(`/api/v1/cases/${c.id}/claim`);
  });
  afterAll(() => svc.close());

  const notes = async () =>
    (await lena.get(`/api/v1/cases/${c.id}`)).json<{ notes: { body: string }[] }>().notes;
  const intake = (body: unknown) =>
    svc.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': TEST_INTAKE_KEY, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  it('refuses NUL bytes in any text with 400, and stores nothing', async () => {
    const before = (await notes()).length;
    const e = escalation();
    const attempts = [
      await ana.post(`/api/v1/cases/${c.id}/notes`, { body: `a${NUL}b` }),
      await ana.post(`/api/v1/cases/${c.id}/messages`, { to: 'buyer', body: `a${NUL}` }),
      await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'refund',
        amount: { amount: 100, currency: 'EUR' },
        reason: NUL,
      }),
      await intake({ ...e, question: `Wo ist${NUL}?` }),
      await intake({ ...e, buyer: { ...e.buyer, name: `X${NUL}` } }),
      await ana.get(`/api/v1/cases?q=a%00b`),
      await ana.get(`/api/v1/cases?reference=CD%00`),
      await svc.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `ana@demo.casedesk${NUL}`, password: 'x' },
      }),
      await ana.post('/api/v1/sync/push', {
        mutations: [{ id: `m${NUL}`, op: 'case.note', args: { caseId: c.id, body: 'x' } }],
      }),
    ];
    for (const [i, res] of attempts.entries()) {
      expect(expectRefused(res, `attempt ${i}`).code).toBe('validation_failed');
    }
    expect(await notes()).toHaveLength(before);
  });

  it('refuses lone surrogates in JSON fields with 400', async () => {
    const e = escalation();
    const attempts = [
      await intake({ ...e, aiAnswer: { ...e.aiAnswer, text: `help ${LONE}` } }),
      await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'law_enforcement_referral',
        category: 'fraud',
        authority: 'Politie',
        summary: 'x',
        evidence: [`\uDC00 evidence`],
      }),
      await ana.post(`/api/v1/cases/${c.id}/notes`, { [`k${LONE}`]: 'x', body: 'y' }),
    ];
    for (const [i, res] of attempts.entries()) {
      expect(expectRefused(res, `attempt ${i}`).code).toBe('validation_failed');
    }
    // A well-formed pair (an emoji) is text like any other.
    expect(
      (await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'ok \uD83D\uDE00' })).statusCode,
    ).toBe(201);
  });

  it('refuses /cases cursors that JavaScript reads but PostgreSQL does not', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const at of [
      '1',
      '+275760-09-13T00:00:00.000Z',
      '2026-01-01',
      '0000-01-01T00:00:00.000Z',
    ]) {
      const res = await ana.get(`/api/v1/cases?cursor=${b64([at, id])}`);
      expect(expectRefused(res, at).code).toBe('validation_failed');
    }
  });

  it('refuses sync cursors out of range', async () => {
    for (const cursor of [
      ['l', '5', 2 ** 63],
      ['l', '5', 1e300],
      ['l', '5', -1],
      ['l', '99999999999999999999', 0],
      ['s', '5', -1, null],
      ['s', '5', 1e300, null],
    ]) {
      const res = await ana.get(`/api/v1/sync/pull?cursor=${b64(cursor)}`);
      expect(expectRefused(res, JSON.stringify(cursor)).code).toBe('validation_failed');
    }
  });

  it('refuses 100,000-deep nesting in a body sent with an Idempotency-Key', async () => {
    const deepRes = await svc.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/notes`,
      headers: {
        authorization: `Bearer ${ana.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'deep-2',
      },
      payload: `{"body":"x","extra":${deep(100_000)}}`,
    });
    expect(expectRefused(deepRes, 'deep body').code).toBe('validation_failed');
    expect((await ana.get('/api/v1/health')).statusCode).toBe(200);
  });

  it('rejects one bad mutation on its own and applies the rest of the push', async () => {
    const res = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({
        mutations: [
          { id: 'batch-1', op: 'case.note', args: { caseId: c.id, body: 'before' } },
          { id: 'batch-2', op: 'case.note', args: { caseId: c.id, body: `nul${NUL}` } },
          { id: 'batch-3', op: 'case.note', args: { caseId: c.id, body: 'after' } },
        ],
      }).replace('"__DEEP__"', deep(100_000)),
    });
    expect(res.statusCode).toBe(200);
    const results = res.json<{
      results: { id: string; status: string; error?: { code: string } }[];
    }>().results;
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]!.error!.code).toBe('validation_failed');
    const deepPush = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' },
      payload: `{"mutations":[{"id":"deep-m","op":"case.note","args":{"caseId":"${c.id}","body":${deep(100_000)}}},{"id":"deep-m2","op":"case.note","args":{"caseId":"${c.id}","body":"fine"}}]}`,
    });
    expect(deepPush.statusCode).toBe(200);
    expect(deepPush.json().results.map((r: { status: string }) => r.status)).toEqual([
      'rejected',
      'applied',
    ]);
    const bodies = (await notes()).map((n) => n.body);
    expect(bodies).toEqual(expect.arrayContaining(['before', 'after', 'fine']));
  });

  it('turns a crash inside one mutation into its rejection, and a retry runs it again', async () => {
    let poisoned = true;
    // The real database, failing one statement the way a driver or disk error would.
    const faulty: Database = {
      ...svc.db,
      kind: svc.db.kind,
      query: svc.db.query.bind(svc.db),
      exec: svc.db.exec.bind(svc.db),
      listen: svc.db.listen.bind(svc.db),
      close: svc.db.close.bind(svc.db),
      transaction: (fn) =>
        svc.db.transaction((tx) =>
          fn({
            exec: tx.exec.bind(tx),
            query: (sql, params) => {
              if (poisoned && /INSERT INTO notes/.test(sql) && params?.includes('poison'))
                throw new Error('disk on fire');
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const actor = (await findAgent(svc.db, ana.agent.id)) as Agent;
    const crashes: unknown[] = [];
    const batch = [
      { id: 'crash-1', op: 'case.note' as const, args: { caseId: c.id, body: 'one' } },
      { id: 'crash-2', op: 'case.note' as const, args: { caseId: c.id, body: 'poison' } },
      { id: 'crash-3', op: 'case.note' as const, args: { caseId: c.id, body: 'three' } },
    ];
    const first = await pushMutations(faulty, actor, batch, (err) => crashes.push(err));
    expect(first.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(first[1]!.error!.code).toBe('internal_error');
    expect(crashes).toHaveLength(1);
    poisoned = false;
    const retry = await pushMutations(faulty, actor, batch);
    expect(retry.map((r) => r.status)).toEqual(['duplicate', 'applied', 'duplicate']);
  });

  it('answers an undecodable path in the contract shape', async () => {
    const res = await ana.post('/api/v1/actions/%ZZ/approve');
    expect(expectRefused(res, '%ZZ').code).toBe('validation_failed');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('marks API answers nosniff and no-store, errors and 404s included', async () => {
    for (const res of [
      await ana.get('/api/v1/me'),
      await ana.get('/api/v1/nothing-here'),
      await ana.post(`/api/v1/cases/${c.id}/notes`, { body: '' }),
      await svc.app.inject({ method: 'GET', url: '/api/v1/health' }),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('replays an idempotent answer byte for byte', async () => {
    const send = () =>
      ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'once' }, { 'idempotency-key': 'bytes-1' });
    const first = await send();
    const again = await send();
    expect(first.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.statusCode).toBe(201);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    const refusal = () =>
      ana.post(`/api/v1/cases/${c.id}/notes`, { body: '' }, { 'idempotency-key': 'bytes-2' });
    const r1 = await refusal();
    expect((await refusal()).rawPayload.equals(r1.rawPayload)).toBe(true);
  });

  it('answers headers over 16 KB with a contract-shaped 431', async () => {
    await svc.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = svc.app.server.address() as AddressInfo;
    const res = await new Promise<{ status: number; body: string; type: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/v1/health',
            headers: { 'x-big': 'a'.repeat(20_000) },
          },
          (r) => {
            let body = '';
            r.on('data', (d: Buffer) => (body += d.toString()));
            r.on('end', () =>
              resolve({ status: r.statusCode!, body, type: String(r.headers['content-type']) }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(res.status).toBe(431);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.body).error.code).toBe('headers_too_large');
  });
});
