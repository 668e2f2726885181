import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, Language, MoveOpenCasesResponse, PullResponse } from '../../shared';
import { createAccount } from '../testing/accounts';
import { ruleSuiteDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

const codeOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { code: string } }).error?.code;

describe.each(ruleSuiteDatabaseKinds())('moving an agent’s open cases on %s', (kind) => {
  let svc: TestService;
  let lena: Session;
  let ana: Session;
  let nina: Session;
  let omar: Session;

  beforeAll(async () => {
    svc = await startTestService(kind);
    [lena, ana] = await Promise.all([svc.login('lena'), svc.login('ana')]);
    nina = await createAccount(svc, { name: 'Nina Nl', languages: ['nl', 'fr'] });
    omar = await createAccount(svc, { name: 'Omar De', languages: ['de'] });
  }, 300_000);
  afterAll(() => svc?.close());

  beforeEach(async () => {
    await svc.db.query(`UPDATE cases SET status = 'resolved', resolved_at = now()`);
    await Promise.all(
      [ana, nina, omar].map((s) =>
        s.post('/api/v1/me/presence', { available: false, channels: [] }),
      ),
    );
  });

  /** A case in `language`, assigned by the lead to `to`. */
  const caseOf = async (to: Session, language: Language) => {
    const c = await svc.intake({ language });
    const res = await lena.post(`/api/v1/cases/${c.id}/assign`, { agentId: to.agent.id });
    expect(res.statusCode, res.body).toBe(200);
    return c;
  };
  const move = (from: string, body: unknown, s = lena) =>
    s.post(`/api/v1/agents/${from}/move-open-cases`, body);
  const assignee = async (id: string) =>
    (
      await svc.db.query<{ assignee_id: string | null }>(
        'SELECT assignee_id FROM cases WHERE id = $1',
        [id],
      )
    ).rows[0]!.assignee_id;
  const events = async (id: string) =>
    (await lena.get(`/api/v1/cases/${id}`)).json<CaseDetail>().events;

  it('spreads every open case over the team by the routing rule, each move an event', async () => {
    const nl = await caseOf(ana, 'nl');
    const de = await caseOf(ana, 'de');
    const en = await caseOf(ana, 'en');
    const res = await move(ana.agent.id, { spread: true });
    expect(res.statusCode, res.body).toBe(200);
    const { moved } = res.json<MoveOpenCasesResponse>();
    expect(moved).toEqual([
      {
        caseId: nl.id,
        reference: nl.reference,
        toAssigneeId: nina.agent.id,
        reason: 'moved: fewest open cases, speaks nl',
      },
      {
        caseId: de.id,
        reference: de.reference,
        toAssigneeId: omar.agent.id,
        reason: 'moved: fewest open cases, speaks de',
      },
      // Nobody else speaks English: back to the queue, not left with Ana.
      {
        caseId: en.id,
        reference: en.reference,
        toAssigneeId: null,
        reason: 'moved: nobody who speaks en can take cases',
      },
    ]);
    expect(await assignee(nl.id)).toBe(nina.agent.id);
    expect(await assignee(en.id)).toBeNull();
    expect((await events(nl.id)).at(-1)).toMatchObject({
      type: 'case.assigned',
      actorId: lena.agent.id,
      data: { fromAssigneeId: ana.agent.id, toAssigneeId: nina.agent.id, auto: false },
    });
    expect((await events(en.id)).at(-1)).toMatchObject({
      type: 'case.released',
      actorId: lena.agent.id,
      data: { fromAssigneeId: ana.agent.id, reason: 'moved: nobody who speaks en can take cases' },
    });
  });

  it('keeps to the capacities when spreading, and the case a full team cannot take goes to the queue', async () => {
    const a = await caseOf(ana, 'nl');
    const b = await caseOf(ana, 'nl');
    await lena.request('PATCH', `/api/v1/agents/${nina.agent.id}`, { capacity: 1 });
    try {
      const { moved } = (await move(ana.agent.id, { spread: true })).json<MoveOpenCasesResponse>();
      expect(moved.map((m) => m.toAssigneeId)).toEqual([nina.agent.id, null]);
      expect(moved[1]!.reason).toBe('moved: everyone available who speaks nl is at capacity');
      expect(await assignee(b.id)).toBeNull();
      expect(await assignee(a.id)).toBe(nina.agent.id);
    } finally {
      await lena.request('PATCH', `/api/v1/agents/${nina.agent.id}`, { capacity: 10 });
    }
  });

  it('moves to the named colleagues, each case to one who speaks its language', async () => {
    const nl = await caseOf(ana, 'nl');
    const de = await caseOf(ana, 'de');
    const { moved } = (
      await move(ana.agent.id, { toAgentIds: [nina.agent.id] })
    ).json<MoveOpenCasesResponse>();
    expect(moved).toEqual([
      {
        caseId: nl.id,
        reference: nl.reference,
        toAssigneeId: nina.agent.id,
        reason: 'moved: fewest open cases of the chosen colleagues, speaks nl',
      },
      {
        caseId: de.id,
        reference: de.reference,
        toAssigneeId: null,
        reason: 'moved: none of the chosen colleagues speaks de',
      },
    ]);
  });

  it('sends a delete to the replica of an agent who loses sight of a moved case', async () => {
    // A German case given to Nina, who does not speak German: she sees it only as hers.
    const de = await caseOf(nina, 'de');
    let cursor: string | null = null;
    for (;;) {
      const page: PullResponse = (
        await nina.get(`/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`)
      ).json<PullResponse>();
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const res = await move(nina.agent.id, { toAgentIds: [omar.agent.id] });
    expect(res.statusCode, res.body).toBe(200);
    const after = (
      await nina.get(`/api/v1/sync/pull?limit=1000&cursor=${cursor}`)
    ).json<PullResponse>();
    expect(after.changes).toContainEqual(
      expect.objectContaining({ entity: 'case', id: de.id, op: 'delete' }),
    );
  });

  it('answers 403, 404, 400 and 409 for what it may not do, and moves nothing then', async () => {
    const kept = await caseOf(ana, 'nl');
    const checks: [Promise<{ statusCode: number; json: () => unknown }>, number, string][] = [
      [move(ana.agent.id, { spread: true }, ana), 403, 'forbidden'],
      [move('6f1c1a57-8a51-4c2e-9b5e-000000000000', { spread: true }), 404, 'not_found'],
      [move(ana.agent.id, {}), 400, 'validation_failed'],
      [move(ana.agent.id, { spread: false }), 400, 'validation_failed'],
      [move(ana.agent.id, { toAgentIds: [] }), 400, 'validation_failed'],
      [move(ana.agent.id, { toAgentIds: [ana.agent.id] }), 400, 'validation_failed'],
      [
        move(ana.agent.id, { toAgentIds: [nina.agent.id, nina.agent.id] }),
        400,
        'validation_failed',
      ],
      [
        move(ana.agent.id, { toAgentIds: ['6f1c1a57-8a51-4c2e-9b5e-000000000000'] }),
        404,
        'not_found',
      ],
    ];
    for (const [pending, status, code] of checks) {
      const res = await pending;
      expect(res.statusCode).toBe(status);
      expect(codeOf(res)).toBe(code);
    }
    await svc.db.query('UPDATE agents SET active = false WHERE id = $1', [omar.agent.id]);
    try {
      const res = await move(ana.agent.id, { toAgentIds: [omar.agent.id] });
      expect(res.statusCode).toBe(409);
      expect(codeOf(res)).toBe('agent_inactive');
    } finally {
      await svc.db.query('UPDATE agents SET active = true WHERE id = $1', [omar.agent.id]);
    }
    expect(await assignee(kept.id)).toBe(ana.agent.id);
  });
});
