import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DsaStatement, EEA_COUNTRIES, type Case } from '../../shared';
import {
  escalation,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';

const sorFor = (c: Case, extra: Record<string, unknown> = {}) => ({
  facts: `In case ${c.reference}, ${c.order!.seller.name} sold "${c.order!.lotTitle}" to ${c.buyer.name} (${c.buyer.email}), a counterfeit.`,
  ground: 'Terms of use §7: the sale of counterfeit goods is prohibited.',
  groundType: 'contractual',
  automated: false,
  redress: 'Internal complaint within 6 months; out-of-court settlement; court.',
  territorialScope: 'EU',
  ...extra,
});

const lines = (body: string) =>
  body
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

// Both databases: issue 17 asks the export's validity proved on PostgreSQL too, and the
// period's bounds are times, which the two drivers read differently.
describe.each(testDatabaseKinds())('the DSA transparency export on %s', (kind) => {
  let svc: TestService;
  let ana: Session, tess: Session, tom: Session, lena: Session;
  const cases: Case[] = [];
  const actionIds: string[] = [];
  let between = '';
  let started = '';
  let ended = '';

  /** A case of Ana's with a restriction proposed by Ana and approved by Tess: in effect. */
  async function restricted(extra: Record<string, unknown> = {}, until: string | null = null) {
    const c = await svc.intake({ ...escalation(), topic: 'counterfeit_suspected' });
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const proposed = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'restrict_account',
      subject: 'seller',
      restriction: 'block_selling',
      until,
      statementOfReasons: sorFor(c, extra),
    });
    expect(proposed.statusCode).toBe(201);
    const approved = await tess.post(`/api/v1/actions/${proposed.json().id}/approve`);
    expect(approved.statusCode).toBe(200);
    cases.push(c);
    actionIds.push(proposed.json().id as string);
  }

  beforeAll(async () => {
    svc = await startTestService(kind);
    [ana, tess, tom, lena] = await Promise.all([
      svc.login('ana'),
      svc.login('tess'),
      svc.login('tom'),
      svc.login('lena'),
    ]);
    started = new Date(Date.now() - 1000).toISOString();
    await restricted({}, '2030-06-30T12:00:00Z');
    await new Promise((r) => setTimeout(r, 20));
    between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await restricted({
      category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
      automatedDetection: true,
      countries: ['NL', 'BE'],
      basis: 'notice',
    });
    // A proposal that never took effect (rejected) is no statement.
    const c = await svc.intake(escalation());
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const p = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'restrict_account',
      subject: 'buyer',
      restriction: 'suspend',
      until: null,
      statementOfReasons: sorFor(c),
    });
    await tom.post(`/api/v1/actions/${p.json().id}/reject`, { reason: 'Not enough evidence.' });
    ended = new Date(Date.now() + 1000).toISOString();
  });
  afterAll(() => svc.close());

  const exportOf = (s: Session, from: string, to: string) =>
    s.get(
      `/api/v1/reports/dsa-statements?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );

  it('answers one valid statement per restriction that took effect, as JSON lines', async () => {
    const res = await exportOf(tess, started, ended);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="dsa-statements-/);
    const statements = lines(res.body);
    expect(statements.map((s) => s.puid)).toEqual(
      actionIds.map((id) => `casedesk-restriction-${id}`),
    );
    for (const s of statements) expect(DsaStatement.safeParse(s).error?.issues).toBeUndefined();
    expect(statements[0]).toMatchObject({
      decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
      end_date_service_restriction: '2030-06-30',
      category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      territorial_scope: [...EEA_COUNTRIES],
      automated_detection: 'No',
      // No basis given: the buyer's contact that opened the case.
      source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION',
    });
    expect(statements[1]).toMatchObject({
      category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
      territorial_scope: ['BE', 'NL'],
      automated_detection: 'Yes',
      source_type: 'SOURCE_ARTICLE_16',
      end_date_service_restriction: null,
    });
  });

  it('carries the day a lifted restriction really ended, not its planned end', async () => {
    // The first restriction runs to 2030; Tom lifts it today.
    const lifted = await tom.post(`/api/v1/actions/${actionIds[0]}/lift`, {
      reason: 'The seller proved the watches genuine.',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    const endedOn = (lifted.json().endedAt as string).slice(0, 10);
    const [statement] = lines((await exportOf(tess, started, between)).body);
    expect(statement).toMatchObject({
      puid: `casedesk-restriction-${actionIds[0]}`,
      end_date_service_restriction: endedOn,
    });
    expect(DsaStatement.safeParse(statement).error?.issues).toBeUndefined();
  });

  it('holds no personal data: no names, emails or external ids of the parties', async () => {
    const body = (await exportOf(lena, started, ended)).body;
    for (const c of cases) {
      for (const personal of [
        c.buyer.name,
        c.buyer.email,
        c.buyer.externalId,
        c.order!.seller.name,
        c.order!.seller.externalId,
      ])
        expect(body).not.toContain(personal);
      expect(body).toContain(c.reference);
    }
  });

  it('keeps to the period [from, to)', async () => {
    const first = lines((await exportOf(tess, started, between)).body);
    const second = lines((await exportOf(tess, between, ended)).body);
    expect(first.map((s) => s.puid)).toEqual([`casedesk-restriction-${actionIds[0]}`]);
    expect(second.map((s) => s.puid)).toEqual([`casedesk-restriction-${actionIds[1]}`]);
    expect((await exportOf(tess, ended, '2100-01-01T00:00:00Z')).body).toBe('');
  });

  it('refuses agents with 403', async () => {
    const res = await exportOf(ana, started, ended);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('refuses a missing, malformed or backwards period with 400', async () => {
    for (const url of [
      '/api/v1/reports/dsa-statements',
      `/api/v1/reports/dsa-statements?from=yesterday&to=${encodeURIComponent(ended)}`,
      `/api/v1/reports/dsa-statements?from=${encodeURIComponent(ended)}&to=${encodeURIComponent(started)}`,
      `/api/v1/reports/dsa-statements?from=${encodeURIComponent(started)}&to=${encodeURIComponent(ended)}&x=1`,
    ]) {
      const res = await tess.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});
