import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../shared';
import { startTestService, type Session, type TestService } from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';

describe.each(testDatabaseKinds())('cases on %s', (kind) => {
  let svc: TestService;
  let ana: Session, marco: Session, tess: Session, lena: Session;
  beforeAll(async () => {
    svc = await startTestService(kind);
    [ana, marco, tess, lena] = await Promise.all([
      svc.login('ana'),
      svc.login('marco'),
      svc.login('tess'),
      svc.login('lena'),
    ]);
  });
  afterAll(() => svc.close());

  const italian = () =>
    svc.intake({
      language: 'it',
      buyer: {
        externalId: `it-${Math.random()}`,
        name: 'Giulia Bianchi',
        email: 'giulia@example.it',
        language: 'it',
        country: 'IT',
      },
    });

  describe('visibility', () => {
    it('shows an agent the cases in their languages and hides the rest as 404', async () => {
      const de = await svc.intake({ language: 'de' });
      const it_ = await italian();
      expect((await ana.get(`/api/v1/cases/${de.id}`)).statusCode).toBe(200);
      const hidden = await ana.get(`/api/v1/cases/${it_.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe('not_found');
      expect((await ana.post(`/api/v1/cases/${it_.id}/claim`)).statusCode).toBe(404);
      expect((await ana.post(`/api/v1/cases/${it_.id}/notes`, { body: 'x' })).statusCode).toBe(404);
    });

    it('shows T&S and leads every case', async () => {
      const c = await svc.intake({ language: 'pl', channel: 'chat' });
      expect((await tess.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
      expect((await lena.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    });

    it('shows an agent a case assigned to them outside their languages', async () => {
      const c = await italian();
      const assigned = await lena.post(`/api/v1/cases/${c.id}/assign`, { agentId: ana.agent.id });
      expect(assigned.statusCode).toBe(200);
      expect(assigned.json().assigneeId).toBe(ana.agent.id);
      expect((await ana.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    });

    it('answers 404 for unknown and malformed ids', async () => {
      expect((await ana.get('/api/v1/cases/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
        404,
      );
      expect((await ana.get('/api/v1/cases/not-a-uuid')).statusCode).toBe(404);
    });

    it('lists only visible cases and finds them by reference, buyer and lot title', async () => {
      const c = await svc.intake({
        language: 'nl',
        buyer: {
          externalId: 'b-search',
          name: 'Pieter Janssen',
          email: 'pieter@example.nl',
          language: 'nl',
          country: 'NL',
        },
      });
      const hidden = await italian();
      const all = await ana.get('/api/v1/cases?limit=500');
      const ids = all.json<{ cases: Case[] }>().cases.map((x) => x.id);
      expect(ids).toContain(c.id);
      expect(ids).not.toContain(hidden.id);
      const byRef = await ana.get(`/api/v1/cases?reference=${c.reference}`);
      expect(byRef.json().cases.map((x: Case) => x.id)).toEqual([c.id]);
      const byName = await ana.get('/api/v1/cases?q=janssen');
      expect(byName.json().cases.map((x: Case) => x.id)).toEqual([c.id]);
      const byEmail = await ana.get('/api/v1/cases?q=PIETER%40example');
      expect(byEmail.json().cases.map((x: Case) => x.id)).toEqual([c.id]);
      const byLot = await ana.get(`/api/v1/cases?q=${encodeURIComponent(c.order!.lotTitle)}`);
      expect(byLot.json().cases.map((x: Case) => x.id)).toEqual([c.id]);
      const hiddenByRef = await ana.get(`/api/v1/cases?reference=${hidden.reference}`);
      expect(hiddenByRef.json().cases).toEqual([]);
    });

    it('pages through the list with a cursor without repeats or gaps', async () => {
      for (let i = 0; i < 5; i++) await svc.intake({ language: 'en' });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await lena.get(`/api/v1/cases?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const page = res.json<{ cases: Case[]; cursor: string | null }>();
        seen.push(...page.cases.map((c) => c.id));
        cursor = page.cursor;
      } while (cursor);
      const total = await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
      expect(seen.length).toBe(total.rows[0]!.n);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('filters by status and refuses unknown filters', async () => {
      const res = await lena.get('/api/v1/cases?status=new&limit=500');
      expect(res.json().cases.every((c: Case) => c.status === 'new')).toBe(true);
      expect((await lena.get('/api/v1/cases?status=bogus')).statusCode).toBe(400);
      expect((await lena.get('/api/v1/cases?cursor=garbage')).statusCode).toBe(400);
      expect((await lena.get('/api/v1/cases?limit=0')).statusCode).toBe(400);
    });
  });

  describe('claim, release, assign', () => {
    it('claims a new case: assigned to the caller, open, version bumped, audited', async () => {
      const c = await svc.intake();
      const res = await ana.post(`/api/v1/cases/${c.id}/claim`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ assigneeId: ana.agent.id, status: 'open', version: 2 });
      const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
        'case.created',
        'case.claimed',
      ]);
      expect(detail.events[1]).toMatchObject({
        actorId: ana.agent.id,
        data: { fromStatus: 'new', toStatus: 'open' },
      });
    });

    it('refuses a claim of a case someone else has', async () => {
      const c = await svc.intake({ language: 'en' });
      await ana.post(`/api/v1/cases/${c.id}/claim`);
      const res = await tess.post(`/api/v1/cases/${c.id}/claim`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('already_assigned');
    });

    it('lets exactly one of two simultaneous claims win', async () => {
      const c = await svc.intake({ language: 'en' });
      const [a, b] = await Promise.all([
        ana.post(`/api/v1/cases/${c.id}/claim`),
        tess.post(`/api/v1/cases/${c.id}/claim`),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    });

    it('releases by the assignee, T&S or a lead, but not by another agent', async () => {
      const c = await svc.intake({ language: 'de' });
      await ana.post(`/api/v1/cases/${c.id}/claim`);
      const marcoSees = await svc.intake({ language: 'it' });
      await lena.post(`/api/v1/cases/${marcoSees.id}/assign`, { agentId: ana.agent.id });
      const denied = await marco.post(`/api/v1/cases/${marcoSees.id}/release`);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('forbidden');
      const ok = await ana.post(`/api/v1/cases/${c.id}/release`);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().assigneeId).toBeNull();
      await ana.post(`/api/v1/cases/${c.id}/claim`);
      expect((await tess.post(`/api/v1/cases/${c.id}/release`)).statusCode).toBe(200);
    });

    it('lets only a lead assign', async () => {
      const c = await svc.intake({ language: 'en' });
      const denied = await tess.post(`/api/v1/cases/${c.id}/assign`, { agentId: ana.agent.id });
      expect(denied.statusCode).toBe(403);
      const unknown = await lena.post(`/api/v1/cases/${c.id}/assign`, {
        agentId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('working a case', () => {
    let c: Case;
    beforeAll(async () => {
      c = await svc.intake({ language: 'de' });
      await ana.post(`/api/v1/cases/${c.id}/claim`);
    });

    it('lets another agent note but not reply, change status or act (403 forbidden)', async () => {
      const other = await svc.intake({ language: 'en' });
      await tess.post(`/api/v1/cases/${other.id}/claim`);
      expect(
        (await ana.post(`/api/v1/cases/${other.id}/notes`, { body: 'Seen this seller before.' }))
          .statusCode,
      ).toBe(201);
      for (const [path, body] of [
        ['messages', { to: 'buyer', body: 'Hello' }],
        ['status', { from: 'open', to: 'pending_buyer' }],
        ['actions', { type: 'cancel_order', reason: 'x' }],
        ['resolve', { summary: 'x' }],
        ['priority', { priority: 'high' }],
        [
          'external-disputes',
          {
            body: 'De Geschillencommissie',
            reference: 'x',
            filedAt: '2026-11-01T00:00:00Z',
            status: 'filed',
            notes: '',
          },
        ],
      ] as const) {
        const res = await ana.post(`/api/v1/cases/${other.id}/${path}`, body);
        expect(res.statusCode, path).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    });

    it('sends a reply, stops the first-response clock and keeps it stopped', async () => {
      const res = await ana.post(`/api/v1/cases/${c.id}/messages`, {
        to: 'buyer',
        body: 'Hallo, wir kümmern uns darum.',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ caseId: c.id, to: 'buyer', authorId: ana.agent.id });
      const first = (await ana.get(`/api/v1/cases/${c.id}`)).json().case.firstRespondedAt;
      expect(first).not.toBeNull();
      await ana.post(`/api/v1/cases/${c.id}/messages`, {
        to: 'seller',
        body: 'Bitte Tracking senden.',
      });
      await ana.post(`/api/v1/cases/${c.id}/messages`, { to: 'buyer', body: 'Noch etwas.' });
      const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail.case.firstRespondedAt).toBe(first);
      expect(detail.messages.map((m: { to: string }) => m.to)).toEqual([
        'buyer',
        'seller',
        'buyer',
      ]);
    });

    it('moves status with from/to and answers stale_state when from is outdated', async () => {
      const ok = await ana.post(`/api/v1/cases/${c.id}/status`, {
        from: 'open',
        to: 'pending_seller',
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().status).toBe('pending_seller');
      const stale = await ana.post(`/api/v1/cases/${c.id}/status`, {
        from: 'open',
        to: 'pending_buyer',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('stale_state');
      const bad = await ana.post(`/api/v1/cases/${c.id}/status`, {
        from: 'pending_seller',
        to: 'resolved',
      });
      expect(bad.statusCode).toBe(400);
    });

    it('resolves, keeps the assignee, refuses work on it and reopens', async () => {
      const res = await ana.post(`/api/v1/cases/${c.id}/resolve`, {
        summary: 'Parcel found by the carrier.',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'resolved',
        assigneeId: ana.agent.id,
        resolutionSummary: 'Parcel found by the carrier.',
      });
      for (const [path, body] of [
        ['claim', undefined],
        ['release', undefined],
        ['status', { from: 'resolved', to: 'open' }],
        ['resolve', { summary: 'again' }],
        ['actions', { type: 'cancel_order', reason: 'x' }],
      ] as const) {
        const r = await ana.post(`/api/v1/cases/${c.id}/${path}`, body);
        expect(r.statusCode, path).toBe(409);
        expect(r.json().error.code, path).toBe('case_not_open');
      }
      expect(
        (await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'Buyer called back, all fine.' }))
          .statusCode,
      ).toBe(201);
      const reopened = await ana.post(`/api/v1/cases/${c.id}/reopen`);
      expect(reopened.statusCode).toBe(200);
      expect(reopened.json().status).toBe('open');
      const again = await ana.post(`/api/v1/cases/${c.id}/reopen`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('stale_state');
    });

    it('bumps the version on every change and records each in the audit trail', async () => {
      const before = (await ana.get(`/api/v1/cases/${c.id}`)).json();
      await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'n' });
      await ana.post(`/api/v1/cases/${c.id}/priority`, { priority: 'urgent' });
      const after = (await ana.get(`/api/v1/cases/${c.id}`)).json();
      expect(after.case.version).toBe(before.case.version + 2);
      expect(after.events.length).toBe(before.events.length + 2);
      expect(after.events.at(-1)).toMatchObject({
        type: 'case.priority_changed',
        data: { from: 'normal', to: 'urgent' },
      });
    });

    it('refuses unknown fields and empty text', async () => {
      expect(
        (await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'x', extra: 1 })).statusCode,
      ).toBe(400);
      expect((await ana.post(`/api/v1/cases/${c.id}/notes`, { body: '   ' })).statusCode).toBe(400);
      expect(
        (await ana.post(`/api/v1/cases/${c.id}/messages`, { to: 'police', body: 'x' })).statusCode,
      ).toBe(400);
    });

    it('returns notes and messages with HTML as plain text', async () => {
      const body = '<b>bold</b> & <script>x</script>';
      await ana.post(`/api/v1/cases/${c.id}/notes`, { body });
      const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json();
      expect(detail.notes.at(-1).body).toBe(body);
    });
  });

  describe('case detail', () => {
    it('carries the buyer history and is ordered oldest first', async () => {
      const buyer = {
        externalId: 'repeat-buyer',
        name: 'Hans Müller',
        email: 'hans@example.de',
        language: 'de' as const,
        country: 'DE',
      };
      const first = await svc.intake({ buyer });
      const second = await svc.intake({ buyer });
      const detail = (await ana.get(`/api/v1/cases/${second.id}`)).json();
      expect(Object.keys(detail)).toEqual(
        expect.arrayContaining([
          'case',
          'messages',
          'notes',
          'actions',
          'externalDisputes',
          'events',
        ]),
      );
      expect(detail.context.buyerCases.cases.map((x: { id: string }) => x.id)).toEqual([first.id]);
    });

    it('counts every other case of the buyer, beyond the latest ones it lists', async () => {
      const buyer = {
        externalId: 'frequent-buyer',
        name: 'Frieda Oft',
        email: 'frieda@example.de',
        language: 'de' as const,
        country: 'DE',
      };
      const made = [];
      for (let i = 0; i < 205; i++) made.push(await svc.intake({ buyer }));
      await ana.post(`/api/v1/cases/${made[0]!.id}/claim`);
      await ana.post(`/api/v1/cases/${made[0]!.id}/resolve`, { summary: 'Answered.' });
      const last = made[made.length - 1]!;
      const { context } = (await ana.get(`/api/v1/cases/${last.id}`)).json();
      expect(context.buyerCases.total).toBe(204);
      expect(context.buyerCases.open).toBe(203);
      expect(
        Object.values(context.buyerCases.byTopic).reduce((a, b) => Number(a) + Number(b)),
      ).toBe(204);
      expect(context.buyerCases.cases.length).toBe(50);
    }, 120_000);
  });
});
