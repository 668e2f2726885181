import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  referenceCell,
  seriousViolations,
  settledQueue,
  shot,
  startSignedIn,
  type Stack,
} from './harness';

/** Keys that act on the open case, and Ctrl/Cmd+K's palette of views, cases and actions. */
describe('keyboard and command palette', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('ana', { width: 1440, height: 950 }));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  const heading = () => page.getByRole('heading', { level: 1 });
  const focusedName = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const id = el?.id;
      return id ? (document.querySelector(`label[for="${id}"]`)?.textContent ?? '') : '';
    });
  // Focus leaves the field (nothing typed lands anywhere), as when the agent clicks away.
  const leaveField = () => page.evaluate(() => (document.activeElement as HTMLElement)?.blur());

  it('moves to the next and previous case and opens it with j and k while a case is open', async () => {
    await page.getByRole('link', { name: 'Unassigned', exact: true }).click();
    const rows = settledQueue(page).getByRole('row');
    await rows.nth(2).waitFor();
    const refs = await Promise.all(
      [1, 2].map(async (i) => (await referenceCell(rows.nth(i)).textContent())!),
    );
    await rows.nth(1).click();
    await heading().filter({ hasText: refs[0]! }).waitFor();
    await page.keyboard.press('j');
    await heading().filter({ hasText: refs[1]! }).waitFor();
    await page.keyboard.press('k');
    await heading().filter({ hasText: refs[0]! }).waitFor();
  });

  it('claims with c, and r, n and e go to the reply, the note and the resolution — never while typing', async () => {
    const reference = (await heading().textContent())!;
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Release' }).waitFor();
    await page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Synced' }).waitFor();
    await expect
      .poll(async () => {
        const { rows } = await stack.db.query<{ email: string | null }>(
          `SELECT a.email FROM cases c LEFT JOIN agents a ON a.id = c.assignee_id
            WHERE c.reference = $1`,
          [reference],
        );
        return rows[0]?.email;
      })
      .toBe('ana@demo.casedesk');

    await page.keyboard.press('r');
    await expect.poll(focusedName).toBe('Reply');
    // Typed in the reply, n and e are letters, not shortcuts.
    await page.keyboard.type('Hello, en route');
    expect(await focusedName()).toBe('Reply');
    expect(await page.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe('Hello, en route');
    await leaveField();
    await page.keyboard.press('n');
    await expect.poll(focusedName).toBe('Internal note');
    await leaveField();
    await page.keyboard.press('e');
    await page.getByRole('form', { name: 'Resolve case' }).waitFor();
    await expect.poll(focusedName).toBe('Summary');
    await leaveField();
  });

  it('lists the case keys and the palette in the shortcuts dialog', async () => {
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByText('Claim the open case').waitFor();
    await dialog.getByText('Command palette').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('opens the palette on Ctrl+K and jumps to a view', async () => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const box = palette.getByRole('combobox', { name: 'Search commands' });
    await box.waitFor();
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // With a case open its actions come first, then the views.
    await palette.getByRole('option', { name: /Write an internal note/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 950 });
      await shot(page, `palette-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 950 });
    await box.fill('team queue');
    await palette.getByRole('option', { name: 'Team queue' }).waitFor();
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'hidden' });
    await page
      .getByRole('link', { name: 'Team queue', exact: true })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
  });

  it('opens a case by its reference from the palette, resolved ones too', async () => {
    const { rows } = await stack.db.query<{ reference: string }>(
      `SELECT reference FROM cases WHERE status = 'resolved' AND language IN ('de', 'en', 'nl')
        ORDER BY reference LIMIT 1`,
    );
    const reference = rows[0]!.reference;
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Search commands' }).fill(reference);
    await palette.getByRole('option', { name: new RegExp(`Open ${reference}\\b`) }).click();
    await heading().filter({ hasText: reference }).waitFor();
  });

  it('runs an action on the open case from the palette', async () => {
    await page.getByRole('link', { name: 'My cases', exact: true }).click();
    await settledQueue(page).getByRole('row').nth(1).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Search commands' }).fill('internal note');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'hidden' });
    await expect.poll(focusedName).toBe('Internal note');
  });
});
