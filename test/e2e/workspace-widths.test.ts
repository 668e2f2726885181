import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  openFirstCase,
  openSignedIn,
  seriousViolations,
  settledQueue,
  shot,
  startStack,
  type Stack,
} from './harness';

const WIDTHS = [1280, 1440, 1920];

/** How far the page itself can scroll sideways (0 when everything fits). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The top bar's controls that sit below its first one (a wrapped line), and any that reach
 * past the window's edge or have their own text clipped.
 */
const topBarFaults = (page: Page) =>
  page.evaluate(() => {
    const bar = document.querySelector('header.topbar')!;
    const kids = [...bar.children].filter((el) => (el as HTMLElement).offsetParent !== null);
    const firstRow = Math.min(...kids.map((el) => el.getBoundingClientRect().top));
    const faults: string[] = [];
    for (const el of kids) {
      const r = el.getBoundingClientRect();
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '?';
      if (r.top > firstRow + r.height / 2) faults.push(`${name} wraps to a second line`);
      if (r.right > document.documentElement.clientWidth + 0.5) faults.push(`${name} is cut off`);
      // Cut text needs a box that clips it (a badge hanging over its button's edge is not).
      const clips = getComputedStyle(el).overflowX !== 'visible' && el.tagName !== 'INPUT';
      if (clips && el.scrollWidth > el.clientWidth + 1) faults.push(`${name} has its text clipped`);
    }
    // Squeezed controls overlap their neighbour (visible overflow is not clipped, but drawn over).
    const boxes = kids.map((el) => ({ el, r: el.getBoundingClientRect() }));
    boxes.sort((a, b) => a.r.left - b.r.left);
    for (let i = 1; i < boxes.length; i++)
      if (boxes[i]!.r.left < boxes[i - 1]!.r.right - 0.5)
        faults.push(`${boxes[i]!.el.textContent?.trim().slice(0, 30)} overlaps its neighbour`);
    return faults;
  });

async function fits(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 950 });
  // A frame for the new width's layout.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await shot(page, `widths-${name}-${width}`);
  expect(await topBarFaults(page)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);
  // The sidebar's foot (who is signed in, Settings, Sign out) and the top bar are new here.
  if (width === 1440) expect(await seriousViolations(page)).toEqual([]);
}

describe('the workspace at 1280, 1440 and 1920 px', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];

  const open = async (who: string): Promise<Page> => {
    const { context, page } = await openSignedIn(stack, who);
    contexts.push(context);
    return page;
  };

  beforeAll(async () => {
    stack = await startStack();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await stack?.close();
  });

  it('keeps an agent’s top bar on one line over the queue and a case, nothing sideways', async () => {
    const page = await open('ana');
    await page.getByRole('link', { name: 'Team queue', exact: true }).click();
    await settledQueue(page).locator('tbody tr').first().waitFor();
    for (const width of WIDTHS) await fits(page, 'agent-queue', width);
    await openFirstCase(page, 'My cases');
    for (const width of WIDTHS) await fits(page, 'agent-case', width);
  }, 120_000);

  it('keeps a reviewer’s top bar on one line over a case waiting for approval', async () => {
    const page = await open('tess');
    await openFirstCase(page, 'Approvals');
    await page.getByRole('complementary', { name: 'Awaiting approval' }).waitFor();
    for (const width of WIDTHS) await fits(page, 'reviewer-case', width);
  }, 120_000);

  it('keeps a lead’s top bar on one line over the Dashboard', async () => {
    const page = await open('lena');
    await page.getByRole('main', { name: 'Dashboard' }).waitFor();
    for (const width of WIDTHS) await fits(page, 'lead-dashboard', width);
  }, 120_000);
});
