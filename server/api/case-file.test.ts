import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { CaseFile, verifyEventChain, type Case } from '../../shared';
import { startTestService, type Session, type TestService } from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';
import { verifyCaseFile } from '../case-file/verify-case-file';

describe.each(testDatabaseKinds())('evidence case files on %s', (kind) => {
  let svc: TestService;
  let ana: Session, tess: Session, lena: Session;
  let c: Case;
  beforeAll(async () => {
    svc = await startTestService(kind);
    [ana, tess, lena] = await Promise.all([svc.login('ana'), svc.login('tess'), svc.login('lena')]);
    c = await svc.intake({ language: 'zh', question: '我的包裹还没有到达，卖家也不回复。' });
    await tess.post(`/api/v1/cases/${c.id}/claim`);
    await tess.post(`/api/v1/cases/${c.id}/notes`, { body: 'Zażółć gęślą jaźń — Polish check.' });
    await tess.post(`/api/v1/cases/${c.id}/messages`, {
      to: 'buyer',
      body: '您好，我们正在调查您的包裹。',
    });
  });
  afterAll(() => svc.close());

  /** The JSON twin, checked against the one schema its type and the OpenAPI document use. */
  const json = async (s: Session, id = c.id) => {
    const res = await s.get(`/api/v1/cases/${id}/case-file?format=json`);
    expect(res.statusCode).toBe(200);
    const parsed = CaseFile.safeParse(res.json());
    expect(parsed.error?.issues ?? []).toEqual([]);
    return { text: res.body, file: parsed.data! };
  };
  const chainHead = async () =>
    (
      await svc.db.query<{ length: string; hash: string }>(
        'SELECT length::text, hash FROM event_chain_heads WHERE case_id = $1',
        [c.id],
      )
    ).rows[0]!;
  const lastEvent = async () =>
    (
      await svc.db.query<{
        type: string;
        actor_id: string;
        at: Date;
        data: Record<string, unknown>;
        prev_hash: string;
      }>(
        'SELECT type, actor_id, at, data, prev_hash FROM events WHERE case_id = $1 ORDER BY chain_index DESC LIMIT 1',
        [c.id],
      )
    ).rows[0]!;

  it('carries every audit event in one hash chain the database computed', async () => {
    const { text, file } = await json(tess);
    const stored = await svc.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE case_id = $1',
      [c.id],
    );
    // Every event but the export's own, recorded after the file's head.
    expect(file.events).toHaveLength(stored.rows[0]!.n - 1);
    expect(file.events.map((e) => e.chainIndex)).toEqual(file.events.map((_, i) => i + 1));
    expect(await verifyEventChain(file.events, c.id)).toEqual({
      ok: true,
      length: file.events.length,
      head: file.chain.head,
    });
    expect((await verifyCaseFile(text)).ok).toBe(true);
  });

  it('fails verification when an event copy is altered, removed or reordered', async () => {
    const { file } = await json(tess);
    const altered = structuredClone(file);
    (altered.events[1]!.data as Record<string, unknown>).toStatus = 'resolved';
    // Altered consistently, readable data and hashed text alike: the hash gives it away.
    const rehashedText = structuredClone(file);
    const claimed = rehashedText.events[1]!;
    expect(claimed.type).toBe('case.claimed');
    claimed.hashedData = claimed.hashedData.replace('"open"', '"resolved"');
    (claimed.data as Record<string, unknown>).toStatus = 'resolved';
    const removed = structuredClone(file);
    removed.events.splice(1, 1);
    const reordered = structuredClone(file);
    reordered.events.reverse();
    const retyped = structuredClone(file);
    retyped.events[0]!.type = 'case.resolved';
    for (const bad of [altered, rehashedText, removed, reordered, retyped]) {
      const verdict = await verifyCaseFile(JSON.stringify(bad));
      expect(verdict.ok).toBe(false);
    }
  });

  it('keeps the chain continuous under concurrent event inserts on one case', async () => {
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        tess.post(`/api/v1/cases/${c.id}/notes`, { body: `Concurrent note ${i}` }),
      ),
    );
    const { file } = await json(lena);
    expect(file.events.filter((e) => e.type === 'note.added').length).toBeGreaterThanOrEqual(17);
    expect((await verifyEventChain(file.events, c.id)).ok).toBe(true);
    // The service's chain goes one step further: the export's own event, after the file's head.
    expect((await chainHead()).length).toBe(String(file.chain.length + 1));
    expect((await lastEvent()).prev_hash).toBe(file.chain.head);
  });

  it('leaves an audit event for each export — who, when, format, the head it carries — and the chain stays verifiable', async () => {
    const { file: first } = await json(tess);
    const exported = await lastEvent();
    expect(exported).toMatchObject({
      type: 'case_file.exported',
      actor_id: tess.agent.id,
      data: { format: 'json', chainLength: first.chain.length, chainHead: first.chain.head },
    });
    expect(exported.at.toISOString()).toBe(first.exportedAt);
    // Its own export is not in the file, nor the exports just before it (the test above).
    expect(first.events.at(-1)!.type).toBe('note.added');

    // The PDF saved right after carries the same head: exports at the chain's end are left
    // out of a file; each export's event names that head.
    const pdf = await lena.get(`/api/v1/cases/${c.id}/case-file`);
    expect(pdf.statusCode).toBe(200);
    expect(await lastEvent()).toMatchObject({
      type: 'case_file.exported',
      actor_id: lena.agent.id,
      data: { format: 'pdf', chainLength: first.chain.length, chainHead: first.chain.head },
    });
    const { text: again, file: second } = await json(tess);
    expect(second.chain).toEqual(first.chain);
    expect((await verifyCaseFile(again, new Uint8Array(pdf.rawPayload))).ok).toBe(true);

    // Once the case moves on, the exports are history like any event, in the chain.
    await tess.post(`/api/v1/cases/${c.id}/notes`, { body: 'After the exports.' });
    const { text: later, file: third } = await json(lena);
    const exports = third.events.filter((e) => e.type === 'case_file.exported');
    expect(exports.map((e) => [e.actorId, e.data.format])).toEqual(
      expect.arrayContaining([
        [tess.agent.id, 'json'],
        [lena.agent.id, 'pdf'],
      ]),
    );
    expect(third.events.at(-1)!.type).toBe('note.added');
    expect(await verifyCaseFile(later)).toEqual({ ok: true, lines: expect.any(Array) });
    expect(third.agents.map((a) => a.id)).toContain(lena.agent.id);
  });

  it('is described in the OpenAPI document by the same schema, beside the PDF', async () => {
    const doc = (await svc.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get: { responses: Record<string, { content: object }> } }>;
    }>();
    const content = doc.paths['/api/v1/cases/{id}/case-file']!.get.responses['200']!
      .content as Record<string, { schema: { properties?: Record<string, unknown> } }>;
    expect(Object.keys(content)).toEqual(['application/pdf', 'application/json']);
    expect(Object.keys(content['application/json']!.schema.properties ?? {})).toEqual(
      Object.keys(CaseFile.shape),
    );
  });

  it('refuses to rewrite a chain head, in the database itself', async () => {
    await expect(
      svc.db.query(`UPDATE event_chain_heads SET length = 1 WHERE case_id = $1`, [c.id]),
    ).rejects.toThrow(/only move forward/);
    await expect(svc.db.query(`DELETE FROM event_chain_heads`)).rejects.toThrow(
      /only move forward/,
    );
  });

  it(
    'renders a readable PDF with Latin, Polish and Chinese text and the chain head',
    { timeout: 120_000 },
    async () => {
      const res = await tess.get(`/api/v1/cases/${c.id}/case-file`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = new Uint8Array(res.rawPayload);
      const { text } = await extractText(await getDocumentProxy(pdf.slice()), { mergePages: true });
      const flat = text.replace(/\s+/g, '');
      expect(text).toContain(`Case file ${c.reference}`);
      expect(flat).toContain('Zażółćgęśląjaźń');
      expect(flat).toContain('我的包裹还没有到达');
      const { text: jsonText, file } = await json(tess);
      expect(flat).toContain(file.chain.head);
      const verdict = await verifyCaseFile(jsonText, pdf);
      expect(verdict).toEqual({ ok: true, lines: expect.any(Array) });

      // A PDF of another moment of the case (another head) does not belong to this JSON.
      await tess.post(`/api/v1/cases/${c.id}/notes`, { body: 'Later note.' });
      const later = new Uint8Array((await tess.get(`/api/v1/cases/${c.id}/case-file`)).rawPayload);
      expect((await verifyCaseFile(jsonText, later)).ok).toBe(false);
    },
  );

  it('is for Trust & Safety and leads: agents get 403, unknown cases 404, bad formats 400', async () => {
    expect((await ana.get(`/api/v1/cases/${c.id}/case-file`)).statusCode).toBe(403);
    expect(
      (await lena.get(`/api/v1/cases/00000000-0000-4000-8000-000000000000/case-file`)).statusCode,
    ).toBe(404);
    const bad = await tess.get(`/api/v1/cases/${c.id}/case-file?format=docx`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });
});
