import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountEvent, Agent, TeamMember } from '../../shared';
import { createAccount } from '../testing/accounts';
import { ruleSuiteDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

const codeOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { code: string } }).error?.code;

describe.each(ruleSuiteDatabaseKinds())('agent capacity on %s', (kind) => {
  let svc: TestService;
  let admin: Session;
  let lena: Session;
  let ana: Session;
  let tess: Session;
  let anaId: string;

  beforeAll(async () => {
    svc = await startTestService(kind);
    admin = await createAccount(svc, { roles: ['admin'], languages: [], name: 'Ada Admin' });
    [lena, ana, tess] = await Promise.all([svc.login('lena'), svc.login('ana'), svc.login('tess')]);
    anaId = svc.agentIds.get('ana@demo.casedesk')!;
  }, 300_000);
  afterAll(() => svc?.close());

  const patch = (s: Session, id: string, body: unknown) =>
    s.request('PATCH', `/api/v1/agents/${id}`, body);
  const team = async (s: Session) =>
    (await s.get('/api/v1/agents')).json<{ agents: TeamMember[] }>().agents;

  it('starts every agent at a capacity of ten, shown where leads list the team', async () => {
    const ana = (await team(lena)).find((a) => a.id === anaId)!;
    expect(ana.capacity).toBe(10);
    expect(ana.openCases).toBe(0);
  });

  it('lets a lead set a capacity alone, records who changed it, and lists the new value', async () => {
    const res = await patch(lena, anaId, { capacity: 4 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Agent>().capacity).toBe(4);
    expect((await team(lena)).find((a) => a.id === anaId)!.capacity).toBe(4);
    expect((await team(admin)).find((a) => a.id === anaId)!.capacity).toBe(4);
    const events = (await admin.get(`/api/v1/agents/${anaId}/events`)).json<{
      events: AccountEvent[];
    }>().events;
    expect(events.at(-1)).toMatchObject({
      type: 'agent.updated',
      actorId: lena.agent.id,
      data: { from: { capacity: 10 }, to: { capacity: 4 } },
    });
  });

  it('lets a lead take someone out of routing with a capacity of zero', async () => {
    const res = await patch(lena, anaId, { capacity: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Agent>().capacity).toBe(0);
  });

  it('lets an admin set a capacity together with other fields', async () => {
    const res = await patch(admin, anaId, { capacity: 6, name: 'Ana Weber' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Agent>()).toMatchObject({ capacity: 6, name: 'Ana Weber' });
  });

  it('keeps every other field an admin’s: a lead sending one with the capacity is refused', async () => {
    const res = await patch(lena, anaId, { capacity: 5, name: 'Someone Else' });
    expect(res.statusCode).toBe(403);
    expect(codeOf(res)).toBe('forbidden');
    expect(
      (await patch(lena, anaId, { refundLimit: { amount: 1, currency: 'EUR' } })).statusCode,
    ).toBe(403);
    expect((await team(lena)).find((a) => a.id === anaId)).toMatchObject({
      capacity: 6,
      name: 'Ana Weber',
    });
  });

  it('refuses a capacity from agents and Trust & Safety', async () => {
    for (const s of [ana, tess]) {
      const res = await patch(s, anaId, { capacity: 50 });
      expect(res.statusCode).toBe(403);
      expect(codeOf(res)).toBe('forbidden');
    }
  });

  it.each([
    ['a negative number', -1],
    ['a fraction', 2.5],
    ['a string', '5'],
    ['null', null],
    ['more than a thousand', 1001],
  ])('answers 400 to a capacity that is %s, changing nothing', async (_what, capacity) => {
    const res = await patch(lena, anaId, { capacity });
    expect(res.statusCode).toBe(400);
    expect(codeOf(res)).toBe('validation_failed');
    expect((await team(lena)).find((a) => a.id === anaId)!.capacity).toBe(6);
  });

  it('answers 404 for a capacity of nobody', async () => {
    const res = await patch(lena, '6f1c1a57-8a51-4c2e-9b5e-000000000000', { capacity: 3 });
    expect(res.statusCode).toBe(404);
  });

  it('sends the new capacity to leads’ replicas as an agent change', async () => {
    await patch(lena, anaId, { capacity: 7 });
    let cursor: string | null = null;
    const seen: unknown[] = [];
    for (;;) {
      const res = await lena.get(
        `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = res.json<{
        changes: { entity: string; id: string; data: unknown }[];
        cursor: string;
        hasMore: boolean;
      }>();
      seen.push(
        ...page.changes.filter((c) => c.entity === 'agent' && c.id === anaId).map((c) => c.data),
      );
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.at(-1)).toMatchObject({ capacity: 7 });
  });
});
