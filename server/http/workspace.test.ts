import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { openMigratedPglite } from '../testing/migrated-pglite';
import type { Database } from '../db/database';

describe('serving the built workspace', () => {
  let dir: string;
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casedesk-web-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Casedesk</title>');
    await writeFile(path.join(dir, 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
    db = await openMigratedPglite();
    app = buildApp({ db, intakeKey: null, webRoot: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with a strict content security policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Casedesk</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves assets and answers deep workspace paths with index.html', async () => {
    expect((await app.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
    const deep = await app.inject({ method: 'GET', url: '/cases/CD-100001' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>Casedesk</title>');
  });

  it('isolates the workspace from other origins and from devices it never uses', async () => {
    for (const url of ['/', '/app.js', '/cases/CD-100001']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(res.headers['permissions-policy'], url).toContain('camera=()');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('does not serve source maps', async () => {
    const res = await app.inject({ method: 'GET', url: '/app.js.map' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('secret.ts');
  });

  it('keeps unknown API paths a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
