import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';
import { claimCase } from '../services/case-commands';
import { findAgent } from '../repositories/agents';

describe.each(testDatabaseKinds())('the audit trail on %s', (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService(kind);
  });
  afterAll(() => svc.close());

  it('refuses UPDATE, DELETE and TRUNCATE on audit events', async () => {
    await svc.intake();
    await expect(svc.db.query(`UPDATE events SET type = 'case.resolved'`)).rejects.toThrow(
      /immutable/,
    );
    await expect(svc.db.query('DELETE FROM events')).rejects.toThrow(/immutable/);
    await expect(svc.db.query('TRUNCATE events')).rejects.toThrow(/immutable/);
    const n = await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(n.rows[0]!.n).toBeGreaterThan(0);
  });

  it('leaves nothing half-written when a command fails after changing state', async () => {
    const c = await svc.intake();
    const ana = (await findAgent(svc.db, svc.agentIds.get('ana@demo.casedesk')!))!;
    await expect(
      svc.db.transaction(async (tx) => {
        await claimCase(tx, ana, c.id, new Date());
        throw new Error('the process died here');
      }),
    ).rejects.toThrow('the process died here');
    const row = await svc.db.query<{ assignee_id: string | null; version: number }>(
      'SELECT assignee_id, version FROM cases WHERE id = $1',
      [c.id],
    );
    expect(row.rows[0]).toEqual({ assignee_id: null, version: 1 });
    const events = await svc.db.query('SELECT type FROM events WHERE case_id = $1', [c.id]);
    expect(events.rows).toEqual([{ type: 'case.created' }]);
  });

  it('refuses, in the database itself, refunds beyond what was paid', async () => {
    const c = await svc.intake();
    await expect(
      svc.db.query('UPDATE orders SET refunded_minor = amount_paid_minor + 1 WHERE id = $1', [
        c.order!.id,
      ]),
    ).rejects.toThrow(/orders_refunds_within_paid/);
  });

  it('does not store a 5xx answer, so a retry with the same key runs again', async () => {
    const c = await svc.intake();
    const ana = await svc.login('ana');
    await svc.db
      .exec(`CREATE OR REPLACE FUNCTION fail_notes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full'; END; $$;
      CREATE TRIGGER notes_fail BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION fail_notes();`);
    const key = { 'idempotency-key': `five-hundred-${c.id}` };
    const failed = await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'hello' }, key);
    expect(failed.statusCode).toBe(500);
    expect(failed.json().error).toEqual({ code: 'internal_error', message: expect.any(String) });
    expect(failed.body).not.toContain('disk full');
    await svc.db.exec('DROP TRIGGER notes_fail ON notes');
    const retried = await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'hello' }, key);
    expect(retried.statusCode).toBe(201);
  });
});
