import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_PRESENCE_TTL_MS, CasePresence, type Case } from '../../shared';
import { startTestService, type TestService } from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';
import { openStream } from '../testing/event-stream';

const presenceOf = (events: { event: string; data: string }[]) =>
  events.filter((e) => e.event === 'presence').map((e) => CasePresence.parse(JSON.parse(e.data)));

describe.each(testDatabaseKinds())('who has a case open, on %s', (kind) => {
  let svc: TestService;
  let c: Case;
  let base: string;
  beforeAll(async () => {
    svc = await startTestService(kind);
    base = await svc.app.listen({ port: 0, host: '127.0.0.1' });
    c = await svc.intake({ language: 'de' });
  });
  afterAll(() => svc.close());

  it('answers a heartbeat with everyone on the case, typing or not', async () => {
    const ana = await svc.login('ana');
    const lena = await svc.login('lena');
    const first = await ana.post(`/api/v1/cases/${c.id}/presence`, { typing: false });
    expect(first.statusCode).toBe(200);
    expect(CasePresence.parse(first.json()).viewers.map((v) => v.name)).toEqual(['Ana de Vries']);
    const second = await lena.post(`/api/v1/cases/${c.id}/presence`, { typing: true });
    const viewers = CasePresence.parse(second.json()).viewers;
    expect(viewers.map((v) => [v.agentId, v.typing])).toEqual([
      [ana.agent.id, false],
      [lena.agent.id, true],
    ]);
    // Leaving drops one at once.
    const left = await lena.request('DELETE', `/api/v1/cases/${c.id}/presence`);
    expect(left.statusCode).toBe(204);
    const after = await ana.post(`/api/v1/cases/${c.id}/presence`, { typing: false });
    expect(CasePresence.parse(after.json()).viewers.map((v) => v.agentId)).toEqual([ana.agent.id]);
  });

  it('forgets a viewer whose heartbeats stopped', async () => {
    const tess = await svc.login('tess');
    const ana = await svc.login('ana');
    await tess.post(`/api/v1/cases/${c.id}/presence`, { typing: true });
    await svc.db.query(
      `UPDATE case_presence SET seen_at = seen_at - make_interval(secs => $2) WHERE agent_id = $1`,
      [tess.agent.id, CASE_PRESENCE_TTL_MS / 1000 + 1],
    );
    const res = await ana.post(`/api/v1/cases/${c.id}/presence`, { typing: false });
    expect(CasePresence.parse(res.json()).viewers.map((v) => v.agentId)).not.toContain(
      tess.agent.id,
    );
  });

  it('refuses a case the caller may not see, and a bad body, changing nothing', async () => {
    const marco = await svc.login('marco'); // no German
    const hidden = await marco.post(`/api/v1/cases/${c.id}/presence`, { typing: false });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('not_found');
    const gone = await marco.request('DELETE', `/api/v1/cases/${c.id}/presence`);
    expect(gone.statusCode).toBe(404);
    const ana = await svc.login('ana');
    const bad = await ana.post(`/api/v1/cases/${c.id}/presence`, { typing: 'yes' });
    expect(bad.statusCode).toBe(400);
    const unknown = await ana.post(`/api/v1/cases/not-a-case/presence`, { typing: false });
    expect(unknown.statusCode).toBe(404);
    const rows = await svc.db.query(
      'SELECT 1 FROM case_presence p JOIN agents a ON a.id = p.agent_id WHERE a.email = $1',
      ['marco@demo.casedesk'],
    );
    expect(rows.rows).toEqual([]);
  });

  it('sends presence over the sync stream to those who may see the case, not to others', async () => {
    const ana = await svc.login('ana');
    const lena = await svc.login('lena');
    const marco = await svc.login('marco');
    const seen = openStream(base, ana.token);
    const unseen = openStream(base, marco.token);
    await Promise.all([seen.ready, unseen.ready]);
    await lena.post(`/api/v1/cases/${c.id}/presence`, { typing: true });
    await expect
      .poll(() => presenceOf(seen.received), { timeout: 5_000 })
      .toContainEqual(
        expect.objectContaining({
          caseId: c.id,
          viewers: expect.arrayContaining([
            expect.objectContaining({ agentId: lena.agent.id, typing: true }),
          ]),
        }),
      );
    await new Promise((r) => setTimeout(r, 300));
    expect(presenceOf(unseen.received)).toEqual([]);
    seen.close();
    unseen.close();
  });
});
