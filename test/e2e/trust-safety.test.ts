import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Action, Case } from '../../shared';
import { escalation } from '../../server/testing/test-service';
import {
  E2E_INTAKE_KEY,
  openFirstCase,
  seriousViolations,
  shot,
  openSignedIn,
  startStack,
  type Stack,
} from './harness';

const eventually = <T>(read: () => Promise<T>) =>
  expect.poll(read, { timeout: 30_000, interval: 200 });

const sor = {
  facts: 'The buyer paid for five lots with stolen cards.',
  ground: 'Terms of use §4: payment fraud.',
  groundType: 'contractual',
  automated: false,
  redress: 'Reply to this message to contest it.',
};

/**
 * Trust & Safety in depth (issue 17), in Chromium against a real case service: a
 * restriction lifted, a complaint decided by a reviewer who had no part in the decision,
 * and the Account view of a buyer.
 */
describe('Trust & Safety in Chromium against a real case service', { timeout: 180_000 }, () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  const buyerId = `e2e-ts-buyer-${Date.now()}`;
  let first: Case, second: Case;

  /** Calls the API as a demo account, as a second desk would. */
  async function as(who: string, method: 'GET' | 'POST', url: string, body?: unknown) {
    const login = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `${who}@demo.casedesk`, password: 'casedesk-demo' },
    });
    const res = await stack.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${login.json<{ token: string }>().token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<unknown>();
  }
  async function intake(buyer = { externalId: buyerId, name: 'Robin Appleby' }): Promise<Case> {
    const e = escalation({ language: 'en' });
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': E2E_INTAKE_KEY },
      payload: {
        ...e,
        buyer: { ...e.buyer, ...buyer, language: 'en' },
      },
    });
    return res.json<Case>();
  }
  /** Ana restricts the buyer on `c`, Tess approves: in effect, told, open to complaint. */
  async function restrictBuyer(c: Case): Promise<Action> {
    await as('ana', 'POST', `/api/v1/cases/${c.id}/claim`);
    const proposed = (await as('ana', 'POST', `/api/v1/cases/${c.id}/actions`, {
      type: 'restrict_account',
      subject: 'buyer',
      restriction: 'block_bidding',
      until: null,
      statementOfReasons: sor,
    })) as Action;
    return (await as('tess', 'POST', `/api/v1/actions/${proposed.id}/approve`)) as Action;
  }
  async function complain(action: Action, externalUserId: string): Promise<Case> {
    const filed = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/intake/complaints',
      headers: { 'x-intake-key': E2E_INTAKE_KEY },
      payload: { actionId: action.id, externalUserId, body: 'I never used anyone else’s card.' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    return filed.json<Case>();
  }
  async function deskOf(who: string): Promise<Page> {
    const { context, page } = await openSignedIn(stack, who);
    contexts.push(context);
    return page;
  }
  const actionRow = async (id: string) =>
    (
      await stack.db.query<{ status: string; end_reason: string | null }>(
        'SELECT status, end_reason FROM actions WHERE id = $1',
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    stack = await startStack();
    first = await intake();
    second = await intake();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await stack?.close();
  });

  it('lifts a restriction in effect with a reason, and shows it ended by the service’s word', async () => {
    const action = await restrictBuyer(first);
    const tom = await deskOf('tom');
    await openFirstCase(tom, 'Team queue', first.reference);
    const actions = tom.getByRole('region', { name: 'Actions' });
    await actions.getByText('In effect').waitFor();
    await actions.getByRole('button', { name: 'Lift restriction' }).click();
    const dialog = tom.getByRole('dialog', { name: 'Lift restriction' });
    await dialog.getByRole('button', { name: 'Confirm lift' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog
      .getByRole('textbox', { name: 'Reason for lifting' })
      .fill('The card owner confirmed the payments.');
    await shot(tom, 'lift-restriction-dialog');
    await dialog.getByRole('button', { name: 'Confirm lift' }).click();
    await actions.getByText('Ended').waitFor({ timeout: 30_000 });
    await actions.getByText(/lifted early by Tom Laurent/).waitFor();
    await eventually(async () => (await actionRow(action.id))?.status).toBe('lifted');
    expect(await seriousViolations(tom)).toEqual([]);
    await shot(tom, 'restriction-ended');
  });

  it('has an appeal decided by a second reviewer, closed to the one who approved', async () => {
    const action = await restrictBuyer(second);
    const complaint = await complain(action, buyerId);

    const tess = await deskOf('tess');
    const opened = await openFirstCase(tess, 'Appeals');
    expect(opened).toBe(complaint.reference);
    const panel = tess.getByRole('region', { name: 'Complaint' });
    await panel
      .getByText(/Restrict buyer: block bidding/)
      .first()
      .waitFor();
    const form = panel.getByRole('form', { name: 'Decide complaint' });
    expect(await form.getByRole('button', { name: 'Decide complaint' }).isDisabled()).toBe(true);
    // Why it is closed to her is the form's description, read with it.
    const why = await form.getAttribute('aria-describedby');
    expect(await tess.locator(`[id="${why}"]`).textContent()).toMatch(
      /You proposed or approved the decision/,
    );
    await shot(tess, 'appeal-closed-to-approver');

    const tom = await deskOf('tom');
    await openFirstCase(tom, 'Appeals');
    // A complaint is closed by its decision: no plain resolve is offered before it.
    const resolve = tom
      .getByRole('region', { name: 'Case actions' })
      .getByRole('button', { name: 'Resolve case' });
    expect(await resolve.isDisabled()).toBe(true);
    expect(
      await tom.locator(`[id="${await resolve.getAttribute('aria-describedby')}"]`).textContent(),
    ).toMatch(/resolved by its decision/);
    // An appeal is about the decision: the order's money stays with the contested case.
    const caseActions = tom.getByRole('region', { name: 'Case actions' });
    expect(await caseActions.getByRole('button', { name: 'Refund', exact: true }).count()).toBe(0);
    expect(await caseActions.getByRole('button', { name: 'Cancel order' }).count()).toBe(0);
    const tomsPanel = tom.getByRole('region', { name: 'Complaint' });
    const decide = tomsPanel.getByRole('form', { name: 'Decide complaint' });
    await decide.getByRole('radio', { name: 'Reversed' }).check();
    await decide.getByRole('textbox', { name: 'Reasons' }).fill('The card was the buyer’s own.');
    expect(await seriousViolations(tom)).toEqual([]);
    await shot(tom, 'appeal-decide');
    await decide.getByRole('button', { name: 'Decide complaint' }).click();
    await tomsPanel
      .getByRole('status')
      .filter({ hasText: 'Reversed — the restriction is lifted' })
      .waitFor({ timeout: 30_000 });
    await eventually(async () => (await actionRow(action.id))?.end_reason).toBe(
      'complaint_reversed',
    );
    const decided = await stack.db.query<{ decided_by: string }>(
      'SELECT decided_by FROM complaint_decisions WHERE case_id = $1',
      [complaint.id],
    );
    expect(decided.rows.map((r) => r.decided_by)).toEqual([
      (
        await stack.db.query<{ id: string }>(
          "SELECT id FROM agents WHERE email = 'tom@demo.casedesk'",
        )
      ).rows[0]!.id,
    ]);
    await shot(tom, 'appeal-decided');
  });

  it('opens a buyer’s Account view with every case, restriction and complaint, and proposes a restriction resting on another case', async () => {
    // A buyer of its own, set up through the API, so this stands without the tests above:
    // one restriction lifted early, one reversed on complaint, and a case to act on.
    const owner = { externalId: `e2e-ts-account-${Date.now()}`, name: 'Sasha Quill' };
    const [lifted, reversed, third] = [
      await intake(owner),
      await intake(owner),
      await intake(owner),
    ];
    const liftedAction = await restrictBuyer(lifted);
    await as('tom', 'POST', `/api/v1/actions/${liftedAction.id}/lift`, {
      reason: 'The card owner confirmed the payments.',
    });
    const complaint = await complain(await restrictBuyer(reversed), owner.externalId);
    await as('tom', 'POST', `/api/v1/cases/${complaint.id}/complaint-decision`, {
      outcome: 'reversed',
      reasons: 'The card was the buyer’s own.',
    });
    const tom = await deskOf('tom');
    await openFirstCase(tom, 'Team queue', third.reference);
    await tom
      .getByRole('region', { name: 'Buyer' })
      .getByRole('button', { name: 'Open account' })
      .click();
    const view = tom.getByRole('main', { name: 'Account' });
    await view.getByRole('heading', { name: 'Buyer: Sasha Quill' }).waitFor();
    const cases = view.getByRole('region', { name: 'Cases' });
    for (const c of [lifted, reversed, complaint, third]) {
      await cases.getByRole('link', { name: c.reference }).waitFor();
    }
    // The service's record, not the device's alone, and each ended restriction with its end.
    await view.getByText(/Every case, from the service/).waitFor();
    const restrictions = view.getByRole('region', { name: 'Restrictions' });
    const restrictionOn = (c: Case) =>
      restrictions
        .getByRole('listitem')
        .filter({ has: tom.getByRole('link', { name: c.reference }) });
    await restrictionOn(lifted)
      .getByText(/Ended .* lifted early by Tom Laurent/)
      .waitFor();
    await restrictionOn(reversed)
      .getByText(/Ended .* reversed on complaint by Tom Laurent/)
      .waitFor();
    expect(await restrictions.getByText('Ended', { exact: true }).count()).toBe(2);
    await view
      .getByRole('region', { name: 'Complaints' })
      .getByText(/Reversed by Tom Laurent/)
      .waitFor();
    await shot(tom, 'account-view');
    expect(await seriousViolations(tom)).toEqual([]);

    await cases.getByRole('button', { name: `Propose restriction on ${third.reference}` }).click();
    const form = cases.getByRole('form', { name: 'Restrict account' });
    await form.getByRole('checkbox', { name: new RegExp(lifted.reference) }).check();
    await form.getByRole('textbox', { name: 'Facts and circumstances' }).fill(sor.facts);
    await form.getByRole('button', { name: 'Propose restriction' }).click();
    await eventually(async () =>
      (
        await stack.db.query<{ related: string[] | null }>(
          `SELECT details->'relatedCaseIds' AS related FROM actions
            WHERE case_id = $1 AND type = 'restrict_account'`,
          [third.id],
        )
      ).rows.map((r) => r.related),
    ).toEqual([[lifted.id]]);
    await shot(tom, 'account-view-proposed');
  });
});
