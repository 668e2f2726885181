import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountEvent, Agent, Case, PullResponse, SyncChange } from '../../shared';
import { LAST_SEEN_INTERVAL_MS, authenticate } from '../services/auth';
import { LOGIN_LIMITS } from '../services/login-limits';
import { accountRequest, createAccount, STRONG_PASSWORD } from '../testing/accounts';
import { ruleTestOn } from '../testing/rule-tests';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

async function pullAll(s: Session, cursor: string | null = null) {
  const changes: SyncChange[] = [];
  for (;;) {
    const res = await s.get(`/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page = res.json<PullResponse>();
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

const codeOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { code: string } }).error?.code;

describe.each(testDatabaseKinds())('team and accounts on %s', (kind) => {
  let svc: TestService;
  let admin: Session;
  let lena: Session;
  let ana: Session;
  // One request at a time through rules: PGlite only. Time values, sync snapshots, races,
  // triggers and the login limit's count stay on both databases.
  const ruleIt = ruleTestOn(kind);

  beforeAll(async () => {
    svc = await startTestService(kind);
    admin = await createAccount(svc, { roles: ['admin'], languages: [], name: 'Ada Admin' });
    [lena, ana] = await Promise.all([svc.login('lena'), svc.login('ana')]);
  }, 300_000);
  afterAll(() => svc?.close());

  const accept = (token: string, password: string) =>
    svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token, password },
    });
  const invite = async (overrides: Parameters<typeof accountRequest>[0] = {}) => {
    const req = accountRequest(overrides);
    const res = await admin.post('/api/v1/agents', req);
    expect(res.statusCode, res.body).toBe(201);
    return {
      req,
      ...res.json<{ agent: Agent; invitation: { token: string; expiresAt: string } }>(),
    };
  };
  const events = async (agentId: string) =>
    (await admin.get(`/api/v1/agents/${agentId}/events`)).json<{ events: AccountEvent[] }>().events;

  it('lets an admin invite an agent, who sets a password once and then signs in', async () => {
    const before = Date.now();
    const { req, agent, invitation } = await invite({ roles: ['agent', 'lead'] });
    expect(agent).toMatchObject({
      email: req.email,
      name: req.name,
      roles: ['agent', 'lead'],
      active: true,
      lastSeenAt: null,
    });
    const days = (Date.parse(invitation.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    // Stored only as a hash.
    const stored = await svc.db.query<{ token_hash: string }>('SELECT token_hash FROM invitations');
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(invitation.token);

    // Nobody can sign in before the invitation is accepted.
    const early = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: req.email, password: '' + STRONG_PASSWORD },
    });
    expect(codeOf(early)).toBe('invalid_credentials');

    const accepted = await accept(invitation.token, STRONG_PASSWORD);
    expect(accepted.statusCode).toBe(200);
    const { token, agent: me } = accepted.json<{ token: string; agent: Agent }>();
    const session = svc.sessionOf(token, me);
    expect((await session.get('/api/v1/me')).json()).toMatchObject({ id: agent.id });
    expect(codeOf(await accept(invitation.token, 'another-fine-passphrase-9'))).toBe(
      'invitation_expired',
    );
    expect((await accept(invitation.token, 'another-fine-passphrase-9')).statusCode).toBe(410);
    const signedIn = await svc.signIn(req.email.toUpperCase(), STRONG_PASSWORD);
    expect(signedIn.agent.id).toBe(agent.id);
    expect((await events(agent.id)).map((e) => e.type)).toEqual([
      'agent.created',
      'agent.invitation_accepted',
    ]);
  });

  ruleIt(
    'refuses an email that is taken, in any letter case (409 email_taken), creating nothing',
    async () => {
      const count = async () =>
        (await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agents')).rows[0]!.n;
      const n = await count();
      const res = await admin.post(
        '/api/v1/agents',
        accountRequest({ email: 'Ana@Demo.Casedesk' }),
      );
      expect(res.statusCode).toBe(409);
      expect(codeOf(res)).toBe('email_taken');
      expect(await count()).toBe(n);
    },
  );

  ruleIt(
    'refuses weak passwords with 422 weak_password and keeps the invitation usable',
    async () => {
      const { invitation } = await invite({ email: 'nina.berg@team.example', name: 'Nina Berg' });
      for (const [password, problem] of [
        ['short-1A!', 'too_short'],
        ['123qweasdzxc', 'guessable'],
        ['passwordpassword', 'guessable'],
        ['nina.berg-winter-lantern-7', 'contains_personal'],
        ['lantern-Berg-winter-oboe', 'contains_personal'],
      ] as const) {
        const res = await accept(invitation.token, password);
        expect(res.statusCode, password).toBe(422);
        expect(codeOf(res)).toBe('weak_password');
        expect(res.json().error.details.problems, password).toContain(problem);
      }
      expect((await accept(invitation.token, STRONG_PASSWORD)).statusCode).toBe(200);
    },
  );

  it('expires an invitation after seven days (410 invitation_expired)', async () => {
    const { invitation } = await invite();
    await svc.db.query(
      `UPDATE invitations SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`,
    );
    const res = await accept(invitation.token, STRONG_PASSWORD);
    expect(res.statusCode).toBe(410);
    expect(codeOf(res)).toBe('invitation_expired');
    expect(codeOf(await accept('no-such-invitation', STRONG_PASSWORD))).toBe('invitation_expired');
  });

  ruleIt('lets only admins manage accounts', async () => {
    const someone = (await svc.db.query<{ id: string }>('SELECT id FROM agents LIMIT 1')).rows[0]!
      .id;
    for (const s of [lena, ana]) {
      const attempts = [
        await s.post('/api/v1/agents', accountRequest()),
        await s.request('PATCH', `/api/v1/agents/${someone}`, { name: 'X' }),
        await s.post(`/api/v1/agents/${someone}/deactivate`),
        await s.post(`/api/v1/agents/${someone}/activate`),
        await s.post(`/api/v1/agents/${someone}/reset-password`),
        await s.get(`/api/v1/agents/${someone}/events`),
        await s.get('/api/v1/audit/accounts'),
      ];
      for (const res of attempts) {
        expect(res.statusCode, res.body).toBe(403);
        expect(codeOf(res)).toBe('forbidden');
      }
    }
  });

  ruleIt(
    'shows admins and leads every field of every agent, and others only the directory, in GET /agents and in sync',
    async () => {
      const full = [
        'active',
        'capacity',
        'email',
        'id',
        'languages',
        'lastSeenAt',
        'name',
        'refundLimit',
        'roles',
      ];
      const directory = ['active', 'id', 'languages', 'name', 'roles'];
      for (const s of [admin, lena]) {
        const { agents } = (await s.get('/api/v1/agents')).json<{ agents: Agent[] }>();
        for (const a of agents)
          expect(Object.keys(a).sort()).toEqual([...full, 'openCases'].sort());
        const synced = (await pullAll(s)).changes.filter((c) => c.entity === 'agent');
        expect(synced.length).toBe(agents.length);
        for (const c of synced) expect(Object.keys(c.data as object).sort()).toEqual(full);
      }
      const { agents } = (await ana.get('/api/v1/agents')).json<{ agents: Agent[] }>();
      const others = agents.filter((a) => a.id !== ana.agent.id);
      for (const a of others) expect(Object.keys(a).sort()).toEqual(directory);
      const synced = (await pullAll(ana)).changes.filter((c) => c.entity === 'agent');
      for (const c of synced.filter((c) => c.id !== ana.agent.id)) {
        expect(Object.keys(c.data as object).sort()).toEqual(directory);
      }
      // Her own record is hers to see whole (her refund limit decides what she may refund).
      expect(synced.find((c) => c.id === ana.agent.id)?.data).toMatchObject({
        email: 'ana@demo.casedesk',
      });
    },
  );

  ruleIt('shows an admin no cases unless it also has another role', async () => {
    const c = await svc.intake({ language: 'de' });
    expect((await admin.get('/api/v1/cases')).json().cases).toEqual([]);
    expect((await admin.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect(codeOf(await admin.post(`/api/v1/cases/${c.id}/claim`))).toBe('not_found');
    expect((await pullAll(admin)).changes.filter((ch) => ch.entity !== 'agent')).toEqual([]);
    const both = await createAccount(svc, { roles: ['admin', 'agent'], languages: ['de'] });
    const seen = (await both.get('/api/v1/cases?limit=200')).json<{ cases: Case[] }>().cases;
    expect(seen.map((x) => x.id)).toContain(c.id);
  });

  ruleIt(
    'changes roles, languages and refund limit at the next request, and audits from what to what',
    async () => {
      const agent = await createAccount(svc, { roles: ['agent'], languages: ['de'] });
      const res = await admin.request('PATCH', `/api/v1/agents/${agent.agent.id}`, {
        roles: ['trust_safety'],
        languages: ['de', 'fr'],
        refundLimit: { amount: 900_00, currency: 'EUR' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ roles: ['trust_safety'], languages: ['de', 'fr'] });
      expect((await agent.get('/api/v1/me')).json()).toMatchObject({
        roles: ['trust_safety'],
        refundLimit: { amount: 900_00, currency: 'EUR' },
      });
      const last = (await events(agent.agent.id)).at(-1)!;
      expect(last).toMatchObject({
        type: 'agent.updated',
        actorId: admin.agent.id,
        agentId: agent.agent.id,
        data: {
          from: {
            roles: ['agent'],
            languages: ['de'],
            refundLimit: { amount: 100_00, currency: 'EUR' },
          },
          to: {
            roles: ['trust_safety'],
            languages: ['de', 'fr'],
            refundLimit: { amount: 900_00, currency: 'EUR' },
          },
        },
      });
      expect(Object.keys(last.data.from as object)).not.toContain('name');
      // Invalid input changes nothing.
      for (const body of [
        {},
        { roles: [] },
        { roles: ['boss'] },
        { languages: ['xx'] },
        { id: 'x' },
      ]) {
        const bad = await admin.request('PATCH', `/api/v1/agents/${agent.agent.id}`, body);
        expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      }
      expect(
        (
          await admin.request('PATCH', '/api/v1/agents/00000000-0000-4000-8000-000000000000', {
            name: 'Nobody',
          })
        ).statusCode,
      ).toBe(404);
    },
  );

  it('turns a narrower language list into deletes in the agent’s next pull, and a wider one into whole cases', async () => {
    const agent = await createAccount(svc, { roles: ['agent'], languages: ['de', 'it'] });
    const italian = await svc.intake({ language: 'it', channel: 'email' });
    await lena.post(`/api/v1/cases/${italian.id}/notes`, { body: 'nota' });
    const start = await pullAll(agent);
    expect(start.changes.some((c) => c.id === italian.id)).toBe(true);

    await admin.request('PATCH', `/api/v1/agents/${agent.agent.id}`, { languages: ['de'] });
    const narrowed = await pullAll(agent, start.cursor);
    const gone = narrowed.changes.filter((c) => c.op === 'delete');
    expect(gone).toContainEqual({ entity: 'case', id: italian.id, op: 'delete', data: null });
    expect(gone.some((c) => c.entity === 'note')).toBe(true);
    expect(gone.every((c) => c.data === null)).toBe(true);
    // Nothing of German cases is deleted.
    const german = (
      await svc.db.query<{ id: string }>(`SELECT id FROM cases WHERE language = 'de'`)
    ).rows.map((r) => r.id);
    expect(gone.filter((c) => german.includes(c.id))).toEqual([]);

    await admin.request('PATCH', `/api/v1/agents/${agent.agent.id}`, { languages: ['de', 'it'] });
    const widened = await pullAll(agent, narrowed.cursor);
    expect(widened.changes).toContainEqual(
      expect.objectContaining({ entity: 'case', id: italian.id, op: 'upsert' }),
    );
    expect(widened.changes.some((c) => c.entity === 'note' && c.op === 'upsert')).toBe(true);
  });

  it('deactivates an agent: sessions stop with account_deactivated, open cases return to the queue, sign-in fails', async () => {
    const password = STRONG_PASSWORD;
    const agent = await createAccount(svc, { roles: ['agent'], languages: ['de'] }, password);
    const second = await svc.signIn(agent.agent.email, password);
    const open = await svc.intake({ language: 'de' });
    const resolved = await svc.intake({ language: 'de' });
    for (const c of [open, resolved]) {
      expect((await agent.post(`/api/v1/cases/${c.id}/claim`)).statusCode).toBe(200);
    }
    await agent.post(`/api/v1/cases/${resolved.id}/resolve`, { summary: 'Done.' });

    const res = await admin.post(`/api/v1/agents/${agent.agent.id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    for (const s of [agent, second]) {
      const me = await s.get('/api/v1/me');
      expect(me.statusCode).toBe(401);
      expect(codeOf(me)).toBe('account_deactivated');
    }
    const login = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.agent.email, password },
    });
    expect(login.statusCode).toBe(401);
    expect(codeOf(login)).toBe('invalid_credentials');

    const detail = (await lena.get(`/api/v1/cases/${open.id}`)).json();
    expect(detail.case.assigneeId).toBeNull();
    expect(detail.events.at(-1)).toMatchObject({
      type: 'case.released',
      actorId: admin.agent.id,
      data: { fromAssigneeId: agent.agent.id, reason: 'agent_deactivated' },
    });
    const kept = (await lena.get(`/api/v1/cases/${resolved.id}`)).json();
    expect(kept.case.assigneeId).toBe(agent.agent.id);

    // Nobody may hand them a case now.
    const assign = await lena.post(`/api/v1/cases/${open.id}/assign`, { agentId: agent.agent.id });
    expect(assign.statusCode).toBe(409);
    expect(codeOf(assign)).toBe('agent_inactive');

    // Activation lets them sign in again; the old sessions stay dead.
    const back = await admin.post(`/api/v1/agents/${agent.agent.id}/activate`);
    expect(back.json()).toMatchObject({ active: true });
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
    expect((await svc.signIn(agent.agent.email, password)).agent.active).toBe(true);
    expect((await events(agent.agent.id)).map((e) => e.type).slice(-2)).toEqual([
      'agent.deactivated',
      'agent.activated',
    ]);
  });

  it('never deactivates or demotes the last active admin (409 stale_state), even when two admins try at once', async () => {
    // Exactly two admins for the race: earlier tests may have made others.
    await svc.db.query(
      `UPDATE agents SET active = false WHERE 'admin' = ANY (roles) AND id <> $1`,
      [admin.agent.id],
    );
    const second = await createAccount(svc, { roles: ['admin'], languages: [] });
    // Two admins deactivating each other at once: one wins, the other finds itself last.
    const [a, b] = await Promise.all([
      admin.post(`/api/v1/agents/${second.agent.id}/deactivate`),
      second.post(`/api/v1/agents/${admin.agent.id}/deactivate`),
    ]);
    // The loser is refused as the last admin, or (if it asked after losing) as deactivated.
    const statuses = [a.statusCode, b.statusCode].sort((x, y) => x - y);
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const active = await svc.db.query<{ id: string }>(
      `SELECT id FROM agents WHERE active AND 'admin' = ANY (roles)`,
    );
    expect(active.rows.length).toBe(1);
    const survivor = active.rows[0]!.id === admin.agent.id ? admin : second;
    const other = survivor === admin ? second : admin;

    const self = await survivor.post(`/api/v1/agents/${survivor.agent.id}/deactivate`);
    expect(self.statusCode).toBe(409);
    expect(codeOf(self)).toBe('stale_state');
    const demote = await survivor.request('PATCH', `/api/v1/agents/${survivor.agent.id}`, {
      roles: ['lead'],
    });
    expect(codeOf(demote)).toBe('stale_state');
    // With the other back, either may step down.
    await survivor.post(`/api/v1/agents/${other.agent.id}/activate`);
    const restored = await svc.signIn(other.agent.email, STRONG_PASSWORD);
    const ok = await restored.request('PATCH', `/api/v1/agents/${restored.agent.id}`, {
      roles: ['admin', 'lead'],
    });
    expect(ok.statusCode).toBe(200);
    if (survivor !== admin) admin = await svc.signIn(admin.agent.email, STRONG_PASSWORD);
  });

  ruleIt(
    'resets a password: the old one and every session stop, the new invitation sets another',
    async () => {
      const agent = await createAccount(svc);
      const res = await admin.post(`/api/v1/agents/${agent.agent.id}/reset-password`);
      expect(res.statusCode, res.body).toBe(200);
      const { invitation } = res.json<{ invitation: { token: string; expiresAt: string } }>();
      expect(codeOf(await agent.get('/api/v1/me'))).toBe('unauthenticated');
      await expect(svc.signIn(agent.agent.email, STRONG_PASSWORD)).rejects.toThrow(/401/);
      expect((await accept(invitation.token, 'marble-canyon-quiet-88')).statusCode).toBe(200);
      expect((await svc.signIn(agent.agent.email, 'marble-canyon-quiet-88')).agent.id).toBe(
        agent.agent.id,
      );
    },
  );

  ruleIt(
    'changes one’s own password: 422 wrong_password for a wrong current one, then other sessions end',
    async () => {
      const agent = await createAccount(svc);
      const other = await svc.signIn(agent.agent.email, STRONG_PASSWORD);
      const wrong = await agent.post('/api/v1/me/password', {
        current: 'not-my-password',
        new: 'orchid-lighthouse-93',
      });
      expect(wrong.statusCode).toBe(422);
      expect(codeOf(wrong)).toBe('wrong_password');
      const weak = await agent.post('/api/v1/me/password', {
        current: STRONG_PASSWORD,
        new: '123qweasdzxc',
      });
      expect(codeOf(weak)).toBe('weak_password');
      const ok = await agent.post('/api/v1/me/password', {
        current: STRONG_PASSWORD,
        new: 'orchid-lighthouse-93',
      });
      expect(ok.statusCode).toBe(204);
      expect((await agent.get('/api/v1/me')).statusCode).toBe(200);
      expect((await other.get('/api/v1/me')).statusCode).toBe(401);
      expect((await svc.signIn(agent.agent.email, 'orchid-lighthouse-93')).agent.id).toBe(
        agent.agent.id,
      );
      expect((await events(agent.agent.id)).at(-1)?.type).toBe('agent.password_changed');
    },
  );

  it('counts wrong current passwords like failed sign-ins: past the limit even the right one waits', async () => {
    const agent = await createAccount(svc);
    const change = (current: string) =>
      agent.request(
        'POST',
        '/api/v1/me/password',
        { current, new: 'orchid-lighthouse-93' },
        {
          'x-forwarded-for': '203.0.113.77',
        },
      );
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect(codeOf(await change(`wrong-guess-${i}`))).toBe('wrong_password');
    }
    const limited = await change(STRONG_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(codeOf(limited)).toBe('rate_limited');
    // The guesses count for the sign-in too: the account is guarded as one.
    const login = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.agent.email, password: STRONG_PASSWORD },
    });
    expect(login.statusCode).toBe(429);
    expect((await agent.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('updates lastSeenAt at most every five minutes, without a sync change', async () => {
    const agent = await createAccount(svc);
    const seen = async () =>
      (
        await svc.db.query<{ t: Date }>('SELECT last_seen_at AS t FROM agents WHERE id = $1', [
          agent.agent.id,
        ])
      ).rows[0]!.t.getTime();
    const changes = async () =>
      (
        await svc.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM changes WHERE entity = 'agent' AND entity_id = $1`,
          [agent.agent.id],
        )
      ).rows[0]!.n;
    const first = await seen();
    const logged = await changes();
    const soon = new Date(first + LAST_SEEN_INTERVAL_MS - 1_000);
    await authenticate(svc.db, agent.token, soon);
    expect(await seen()).toBe(first);
    const later = new Date(first + LAST_SEEN_INTERVAL_MS + 1_000);
    await authenticate(svc.db, agent.token, later);
    expect(await seen()).toBe(later.getTime());
    expect(await changes()).toBe(logged);
  });

  it('keeps the accounts’ audit trail append-only, for admins to read', async () => {
    const all = await admin.get('/api/v1/audit/accounts?limit=2');
    expect(all.statusCode).toBe(200);
    const page = all.json<{ events: AccountEvent[]; cursor: string | null }>();
    expect(page.events).toHaveLength(2);
    const next = await admin.get(`/api/v1/audit/accounts?limit=2&cursor=${page.cursor}`);
    expect(next.json().events[0].id).not.toBe(page.events[1]!.id);
    await expect(svc.db.query('UPDATE account_events SET type = $1', ['x'])).rejects.toThrow(
      /immutable/,
    );
    await expect(svc.db.query('DELETE FROM account_events')).rejects.toThrow(/immutable/);
    expect((await admin.get('/api/v1/audit/accounts?cursor=abc')).statusCode).toBe(400);
  });
});
