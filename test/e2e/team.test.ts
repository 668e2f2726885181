import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openFirstCase, seriousViolations, shot, signIn, startStack, type Stack } from './harness';

const synced = (page: Page) =>
  page
    .getByRole('status', { name: 'Sync status' })
    .filter({ hasText: 'Synced' })
    // A first sync fills the replica: slow while other suites load the machine.
    .waitFor({ timeout: 90_000 });

/** Screenshots of what is on the page now at the three widths agents' screens have. */
async function shotsAtWidths(page: Page, name: string) {
  for (const width of [1280, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

const STRONG = 'Lantern orbit quilted 47 marmalade';

// An admin and the agent they invite, each in a browser of their own, against one service.
describe('the Team view and invitations in Chromium', { timeout: 240_000 }, () => {
  let stack: Stack;
  let adminCtx: BrowserContext;
  let agentCtx: BrowserContext;
  let admin: Page;
  let agent: Page;
  let invitationLink = '';
  let claimed = '';

  const row = (name: string): Locator =>
    admin.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: name });

  beforeAll(async () => {
    stack = await startStack();
    adminCtx = await stack.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await adminCtx.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: stack.url,
    });
    agentCtx = await stack.browser.newContext({ viewport: { width: 1440, height: 900 } });
    admin = await adminCtx.newPage();
    agent = await agentCtx.newPage();
  }, 120_000);
  afterAll(() => stack?.close());

  it('shows an admin every account and invites an agent, with the invitation shown once to copy', async () => {
    await signIn(admin, stack.url, 'admin');
    await admin.getByRole('link', { name: 'Team', exact: true }).click();
    const table = admin.getByRole('table', { name: 'Agents' });
    await row('Ana').waitFor();
    expect(await table.getByRole('row').count()).toBe(7); // the header and six accounts
    await expect(row('Lena Kowalska').textContent()).resolves.toContain('lena@demo.casedesk');
    await expect(row('Lena Kowalska').getByRole('cell').nth(2).textContent()).resolves.toBe(
      'All languages',
    );

    await admin.getByRole('button', { name: 'Invite agent' }).click();
    const form = admin.getByRole('dialog', { name: 'Invite agent' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Nora Quist');
    await form.getByRole('textbox', { name: 'Email' }).fill('ana@demo.casedesk');
    await form.getByRole('group', { name: 'Roles' }).getByLabel('Agent').check();
    const languages = form.getByRole('group', { name: 'Languages' });
    await languages.getByLabel('English').check();
    await languages.getByLabel('German').check();
    await form.getByRole('textbox', { name: 'Refund limit' }).fill('150');
    await shotsAtWidths(admin, 'team-invite-dialog');
    expect(await seriousViolations(admin)).toEqual([]);

    await form.getByRole('button', { name: 'Send invitation' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toBe(
      'Someone already has an account with this email.',
    );
    await form.getByRole('textbox', { name: 'Email' }).fill('nora@example.com');
    await form.getByRole('button', { name: 'Send invitation' }).click();

    const shown = admin.getByRole('dialog', { name: 'Invitation for Nora Quist' });
    await shown.waitFor();
    invitationLink = await shown.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    const token = await shown.getByRole('textbox', { name: 'Invitation token' }).inputValue();
    expect(invitationLink).toBe(`${stack.url}/#/invitation/${token}`);
    await shown.getByRole('button', { name: 'Copy link' }).click();
    await shown.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(invitationLink);
    await shotsAtWidths(admin, 'team-invitation-shown');
    expect(await seriousViolations(admin)).toEqual([]);
    await shown.getByRole('button', { name: 'Done' }).click();

    const nora = row('Nora Quist');
    await nora.waitFor();
    const cells = await nora.getByRole('cell').allTextContents();
    expect(cells.slice(0, 7)).toEqual([
      'nora@example.com',
      'Agent',
      'English, German',
      '€150.00',
      'Active',
      'Never',
      '0',
    ]);
    await shotsAtWidths(admin, 'team');
    expect(await seriousViolations(admin)).toEqual([]);
    const saved = await stack.db.query<{ roles: string[]; languages: string[] }>(
      `SELECT roles, languages FROM agents WHERE email = 'nora@example.com'`,
    );
    expect(saved.rows).toEqual([{ roles: ['agent'], languages: ['en', 'de'] }]);
  });

  it('lets the invited agent choose a password, judged as it is typed, and land signed in to work', async () => {
    await agent.goto(invitationLink);
    await agent.getByRole('heading', { name: 'Welcome to Casedesk' }).waitFor();
    const password = agent.getByLabel('New password');
    // The screen looks up whom the invitation is for, and judges the name there too.
    await agent.getByText('For Nora Quist (nora@example.com)').waitFor();
    const personal = agent
      .getByRole('list', { name: 'Password rules' })
      .getByRole('listitem')
      .filter({ hasText: 'Not your name' });
    // 'Very strong' shows only once the estimator has loaded (until then: 'Very weak').
    await password.fill(STRONG);
    await agent.getByText('Very strong', { exact: true }).waitFor();
    await expect.poll(() => personal.textContent()).toContain('(met)');
    await password.fill('nora1234quist');
    await expect.poll(() => personal.textContent()).toContain('(not met yet)');
    // The service has the last word all the same.
    await agent.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(agent.getByRole('alert').textContent()).resolves.toMatch(
      /too easy to guess|your name/,
    );
    await password.fill(STRONG);
    await agent
      .getByText('Very strong')
      .or(agent.getByText('Strong', { exact: true }))
      .waitFor();
    await shotsAtWidths(agent, 'invitation-accept');
    expect(await seriousViolations(agent)).toEqual([]);
    await agent.getByRole('button', { name: 'Set password and sign in' }).click();
    await synced(agent);
    expect(new URL(agent.url()).hash).toBe('');

    claimed = await openFirstCase(agent, 'Unassigned');
    await agent.getByRole('button', { name: 'Claim' }).click();
    await agent.getByRole('button', { name: 'Release' }).waitFor();
    // Polled: the Synced pill may still read so from before the claim was queued.
    await expect
      .poll(
        async () =>
          (
            await stack.db.query<{ email: string }>(
              'SELECT a.email FROM cases c JOIN agents a ON a.id = c.assignee_id WHERE c.reference = $1',
              [claimed],
            )
          ).rows,
        { timeout: 30_000 },
      )
      .toEqual([{ email: 'nora@example.com' }]);

    // The invitation worked once: the same link again is refused.
    const again = await agentCtx.newPage();
    await again.goto(invitationLink);
    await again.getByLabel('New password').fill(STRONG);
    await again.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(again.getByRole('alert').textContent()).resolves.toContain('expired');
    await again.close();
  });

  it('shows the agent a change of their roles within a pull, without signing out', async () => {
    await row('Nora Quist').getByRole('button', { name: 'Edit' }).click();
    const form = admin.getByRole('dialog', { name: 'Edit Nora Quist' });
    await form.getByRole('group', { name: 'Roles' }).getByLabel('Lead').check();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await row('Nora Quist').getByRole('cell').nth(1).getByText('Agent, Lead').waitFor();
    // Leads see the Team page, read-only.
    await agent.getByRole('link', { name: 'Team', exact: true }).waitFor({ timeout: 60_000 });
    await agent.getByText('(agent, lead)').waitFor();
    await agent.getByRole('link', { name: 'Team', exact: true }).click();
    await agent.getByRole('table', { name: 'Agents' }).getByRole('row').nth(7).waitFor();
    expect(await agent.getByRole('button', { name: 'Invite agent' }).count()).toBe(0);
    expect(await agent.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await agent.getByRole('link', { name: 'My cases', exact: true }).click();
  });

  it('cuts off the open workspace of a deactivated agent and lists what it had not sent', async () => {
    // Her next change cannot leave (as if the network dropped) while she is deactivated.
    await agent.route('**/api/v1/sync/push', (route) => route.abort('connectionrefused'));
    await openFirstCase(agent, 'My cases', claimed);
    await agent.getByRole('textbox', { name: 'Internal note' }).fill('Call the buyer back at 9.');
    await agent.getByRole('button', { name: 'Add note' }).click();
    await agent
      .getByRole('status', { name: 'Sync status' })
      .filter({ hasText: '1 pending' })
      .waitFor();

    await row('Nora Quist').getByRole('button', { name: 'Deactivate' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Deactivate Nora Quist?' });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await row('Nora Quist').getByRole('cell').nth(4).getByText('Deactivated').waitFor();

    await agent.unroute('**/api/v1/sync/push');
    // The service closes her event stream; the workspace learns why without her doing anything.
    await agent.getByRole('heading', { name: 'You are signed out' }).waitFor({ timeout: 60_000 });
    await expect(agent.getByRole('alert').first().textContent()).resolves.toContain(
      'deactivated by an administrator',
    );
    expect(await agent.getByRole('button', { name: 'Sign in again' }).count()).toBe(0);
    expect(await agent.getByRole('searchbox', { name: 'Search cases' }).count()).toBe(0);
    const unsent = agent.getByRole('list', { name: 'Changes not sent' });
    await expect(unsent.textContent()).resolves.toContain('Call the buyer back at 9.');
    await shotsAtWidths(agent, 'account-deactivated');
    expect(await seriousViolations(agent)).toEqual([]);

    const onServer = await stack.db.query<{ assignee_id: string | null; notes: number }>(
      `SELECT c.assignee_id, (SELECT count(*)::int FROM notes n WHERE n.case_id = c.id) AS notes
         FROM cases c WHERE c.reference = $1`,
      [claimed],
    );
    expect(onServer.rows).toEqual([{ assignee_id: null, notes: 0 }]);

    await agent.getByRole('button', { name: 'Close and remove from this computer' }).click();
    await agent.getByRole('button', { name: 'Sign in' }).waitFor();
    await agent.getByLabel('Email').fill('nora@example.com');
    await agent.getByLabel('Password').fill(STRONG);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await expect(agent.getByRole('alert').textContent()).resolves.toBe('Wrong email or password.');
  });

  it('changes the admin’s own password from Settings, refusing a wrong current one', async () => {
    await admin.getByRole('button', { name: 'Settings' }).click();
    await admin.getByRole('button', { name: 'Change password' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password').fill('not-my-password');
    await dialog.getByLabel('New password').fill(STRONG);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe(
      'Your current password is not right.',
    );
    await dialog.getByLabel('Current password').fill('casedesk-demo');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await shotsAtWidths(admin, 'change-password');
    expect(await seriousViolations(admin)).toEqual([]);
  });
});
