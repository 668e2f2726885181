import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  Action,
  Case,
  CaseDetail,
  RoutingLanguageSetting,
  RoutingSettings,
} from '../../shared';
import { createAccount } from '../testing/accounts';
import { testDatabaseKinds } from '../testing/test-databases';
import {
  TEST_INTAKE_KEY,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';

const codeOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { code: string } }).error?.code;

describe.each(testDatabaseKinds())('automatic assignment on %s', (kind) => {
  let svc: TestService;
  let lena: Session;
  let ana: Session;
  let tess: Session;
  let nina: Session;
  let anaId: string;

  beforeAll(async () => {
    svc = await startTestService(kind);
    [lena, ana, tess] = await Promise.all([svc.login('lena'), svc.login('ana'), svc.login('tess')]);
    nina = await createAccount(svc, { name: 'Nina Nl', languages: ['nl', 'fr'] });
    anaId = ana.agent.id;
  }, 300_000);
  afterAll(() => svc?.close());

  const online = (s: Session, channels: string[] = []) =>
    s.post('/api/v1/me/presence', { available: channels.length > 0, channels });
  const setRouting = (language: string, autoAssign: boolean, s = lena) =>
    s.request('PUT', `/api/v1/routing/languages/${language}`, { autoAssign });
  const detail = async (id: string) => (await lena.get(`/api/v1/cases/${id}`)).json<CaseDetail>();
  const capacity = (id: string, n: number) =>
    lena.request('PATCH', `/api/v1/agents/${id}`, { capacity: n });

  beforeEach(async () => {
    // Everyone at work with room, nobody on chat or phone, nothing open.
    await svc.db.query(`UPDATE cases SET status = 'resolved', resolved_at = now()`);
    await svc.db.query('DELETE FROM presence');
    await Promise.all([online(ana), online(nina)]);
    await Promise.all([capacity(anaId, 10), capacity(nina.agent.id, 10)]);
  });

  it('is off for every language until a lead turns it on, and a new case stays new', async () => {
    const settings = (await lena.get('/api/v1/routing')).json<RoutingSettings>();
    expect(settings.languages).toHaveLength(9);
    expect(settings.languages.every((l) => !l.autoAssign && l.updatedBy === null)).toBe(true);
    const c = await svc.intake({ language: 'nl' });
    expect(c).toMatchObject({ status: 'new', assigneeId: null });
    expect((await detail(c.id)).events.map((e) => e.type)).toEqual(['case.created']);
  });

  it('lets a lead turn a language on, remembering who and when', async () => {
    const res = await setRouting('nl', true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RoutingLanguageSetting>()).toMatchObject({
      language: 'nl',
      autoAssign: true,
      updatedBy: lena.agent.id,
    });
    const nl = (await lena.get('/api/v1/routing'))
      .json<RoutingSettings>()
      .languages.find((l) => l.language === 'nl');
    expect(nl?.autoAssign).toBe(true);
  });

  it('refuses the settings to agents and Trust & Safety (403) and bad input (400), changing nothing', async () => {
    for (const s of [ana, tess]) {
      expect(codeOf(await s.get('/api/v1/routing'))).toBe('forbidden');
      expect(codeOf(await setRouting('de', true, s))).toBe('forbidden');
    }
    for (const [language, body] of [
      ['xx', { autoAssign: true }],
      ['de', { autoAssign: 'yes' }],
      ['de', {}],
      ['de', { autoAssign: true, capacity: 3 }],
    ] as const) {
      const res = await lena.request('PUT', `/api/v1/routing/languages/${language}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(codeOf(res)).toBe('validation_failed');
    }
    const de = (await lena.get('/api/v1/routing'))
      .json<RoutingSettings>()
      .languages.find((l) => l.language === 'de');
    expect(de?.autoAssign).toBe(false);
    expect((await svc.intake({ language: 'de' })).status).toBe('new');
  });

  it('answers the intake with the case open and assigned to the agent with the fewest open cases, with the reason as an event', async () => {
    await setRouting('nl', true);
    const first = await svc.intake({ language: 'nl' });
    const second = await svc.intake({ language: 'nl' });
    expect(first.status).toBe('open');
    expect(second.status).toBe('open');
    // One each: whoever had fewer took the second.
    expect(new Set([first.assigneeId, second.assigneeId])).toEqual(new Set([anaId, nina.agent.id]));
    const assigned = (await detail(second.id)).events.find((e) => e.type === 'case.assigned');
    expect(assigned).toMatchObject({
      actorId: null,
      data: {
        toAssigneeId: second.assigneeId,
        fromStatus: 'new',
        toStatus: 'open',
        auto: true,
        reason: 'auto: fewest open cases, speaks nl',
      },
    });
  });

  it('prefers whoever handled the buyer before', async () => {
    await setRouting('nl', true);
    const buyer = {
      externalId: `returning-${Date.now()}`,
      name: 'Returning Buyer',
      email: 'returning@example.com',
      language: 'nl' as const,
      country: 'NL',
    };
    const earlier = await svc.intake({ language: 'nl', buyer });
    // The buyer's earlier agent gets more open cases than the other one.
    for (let i = 0; i < 2; i++) {
      await setRouting('nl', false);
      const more = await svc.intake({ language: 'nl' });
      await lena.post(`/api/v1/cases/${more.id}/assign`, { agentId: earlier.assigneeId });
    }
    await setRouting('nl', true);
    const again = await svc.intake({ language: 'nl', buyer });
    expect(again.assigneeId).toBe(earlier.assigneeId);
    const event = (await detail(again.id)).events.find((e) => e.type === 'case.assigned');
    expect(event?.data.reason).toBe('auto: handled this buyer before, speaks nl');
  });

  it('gives chat cases only to agents present on chat', async () => {
    await setRouting('nl', true);
    const nobody = await svc.intake({ language: 'nl', channel: 'chat' });
    expect(nobody).toMatchObject({ status: 'new', assigneeId: null });
    const events = (await detail(nobody.id)).events;
    expect(events.at(-1)).toMatchObject({
      type: 'case.not_routed',
      actorId: null,
      data: { reason: 'auto: nobody who speaks nl is available for chat now' },
    });
    await online(nina, ['chat']);
    expect(await svc.intake({ language: 'nl', channel: 'chat' })).toMatchObject({
      status: 'open',
      assigneeId: nina.agent.id,
    });
    // Phone is another channel: Nina is not on it.
    expect((await svc.intake({ language: 'nl', channel: 'phone' })).assigneeId).toBeNull();
  });

  it('skips agents whose presence lapsed two minutes ago', async () => {
    await setRouting('nl', true);
    await svc.db.query(
      `UPDATE presence SET updated_at = now() - interval '121 seconds' WHERE agent_id = $1`,
      [nina.agent.id],
    );
    for (let i = 0; i < 3; i++) {
      expect((await svc.intake({ language: 'nl' })).assigneeId).toBe(anaId);
    }
  });

  it('never goes over a capacity: a full team leaves the case unassigned and says why', async () => {
    await setRouting('nl', true);
    await capacity(anaId, 1);
    await capacity(nina.agent.id, 0);
    expect((await svc.intake({ language: 'nl' })).assigneeId).toBe(anaId);
    const left = await svc.intake({ language: 'nl' });
    expect(left).toMatchObject({ status: 'new', assigneeId: null });
    expect((await detail(left.id)).events.at(-1)?.data.reason).toBe(
      'auto: everyone available who speaks nl is at capacity',
    );
  });

  it('never assigns outside an agent’s languages, nor to leads or deactivated agents', async () => {
    await setRouting('pl', true);
    // Only Lena (a lead) speaks Polish.
    const pl = await svc.intake({ language: 'pl' });
    expect(pl.assigneeId).toBeNull();
    expect((await detail(pl.id)).events.at(-1)?.data.reason).toBe(
      'auto: nobody who speaks pl can take cases',
    );
    await setRouting('fr', true);
    await svc.db.query('UPDATE agents SET active = false WHERE id = $1', [nina.agent.id]);
    try {
      // Marco speaks French but is not at work; Nina, who is, was deactivated.
      expect((await svc.intake({ language: 'fr' })).assigneeId).toBeNull();
    } finally {
      await svc.db.query('UPDATE agents SET active = true WHERE id = $1', [nina.agent.id]);
    }
  });

  it('routes the case a late reply opens (mail-in and help-center messages) like an intake', async () => {
    await setRouting('nl', false);
    const old = await svc.intake({ language: 'nl' });
    await svc.db.query(
      `UPDATE cases SET status = 'resolved', resolved_at = now() - interval '30 days' WHERE id = $1`,
      [old.id],
    );
    await setRouting('nl', true);
    const res = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/intake/messages',
      headers: { 'x-intake-key': TEST_INTAKE_KEY },
      payload: {
        caseReference: old.reference,
        from: 'buyer',
        externalUserId: old.buyer.externalId,
        body: 'Es ist wieder kaputt.',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const follow = await svc.db.query<{ status: string; assignee_id: string | null }>(
      'SELECT status, assignee_id FROM cases WHERE follows_case_id = $1',
      [old.id],
    );
    expect(follow.rows[0]?.status).toBe('open');
    expect([anaId, nina.agent.id]).toContain(follow.rows[0]?.assignee_id);
  });

  it('routes a complaint only to a Trust & Safety reviewer who had no part in the decision', async () => {
    await setRouting('de', false);
    const c = await svc.intake({ language: 'de' });
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const proposed = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'restrict_account',
      subject: 'buyer',
      restriction: 'block_bidding',
      until: null,
      statementOfReasons: {
        facts: 'Paid with stolen cards three times.',
        ground: 'Terms of use §9: payment fraud.',
        groundType: 'contractual',
        automated: false,
        redress: 'Reply to this message to contest it.',
      },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const approved = await tess.post(`/api/v1/actions/${proposed.json<Action>().id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    await setRouting('de', true);
    // Ana proposed and Tess approved it: Tom must decide, though Tess has fewer open cases.
    const tom = await svc.login('tom');
    const complain = () =>
      svc.app.inject({
        method: 'POST',
        url: '/api/v1/intake/complaints',
        headers: { 'x-intake-key': TEST_INTAKE_KEY },
        payload: {
          actionId: proposed.json<Action>().id,
          externalUserId: c.buyer.externalId,
          body: 'Ich habe nie mit gestohlenen Karten bezahlt.',
        },
      });
    await online(tess);
    await online(tom);
    await svc.db.query(`UPDATE agents SET languages = '{en,fr,es,de}' WHERE id = $1`, [
      tom.agent.id,
    ]);
    await setRouting('en', false);
    const toms = await svc.intake({ language: 'en' });
    await lena.post(`/api/v1/cases/${toms.id}/assign`, { agentId: tom.agent.id });
    const res = await complain();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Case>()).toMatchObject({ status: 'open', assigneeId: tom.agent.id });
  });
});
