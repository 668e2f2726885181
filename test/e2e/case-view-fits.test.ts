import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openFirstCase, shot, startSignedIn, type Stack } from './harness';

/** How far the page itself can scroll sideways (0 when everything fits). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A control whose text is cut (by its own box or by the window's edge) reads wrongly: "Clos", "Re". */
async function cutOff(control: Locator, width: number): Promise<string | null> {
  const box = await control.boundingBox();
  if (!box) return 'not laid out';
  if (box.x < 0 || box.x + box.width > width + 0.5) {
    return `reaches ${Math.round(box.x + box.width)} px of ${width}`;
  }
  const clipped = await control.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  return clipped ? 'its text is clipped' : null;
}

describe('the case view fits the window', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ stack, context, page } = await startSignedIn('tess', { width: 1920, height: 1000 }));
    await openFirstCase(page, 'Approvals');
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  for (const width of [1280, 1440, 1920]) {
    it(`shows a reviewer's whole case without sideways scrolling at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 1000 });
      const banner = page.getByRole('complementary', { name: 'Awaiting approval' });
      await banner.waitFor();
      const review = banner.getByRole('button', { name: 'Review' });
      const close = page.getByRole('button', { name: 'Close case' });
      const actions = page.getByRole('region', { name: 'Actions' });

      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await cutOff(close, width)).toBeNull();
      expect(await cutOff(review, width)).toBeNull();
      expect(
        await cutOff(page.getByRole('link', { name: 'Approvals', exact: true }), width),
      ).toBeNull();
      await shot(page, `case-view-${width}`);

      // Reviewing brings the decision into view without moving the page sideways.
      await review.click();
      await actions.getByRole('button', { name: 'Approve' }).first().waitFor();
      expect(await page.evaluate(() => window.scrollX)).toBe(0);
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(
        await cutOff(actions.getByRole('button', { name: 'Approve' }).first(), width),
      ).toBeNull();
    });
  }

  it('stacks the queue above the case below 1280 px, and the case’s panels when narrow', async () => {
    await page.setViewportSize({ width: 1024, height: 900 });
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(await cutOff(page.getByRole('button', { name: 'Close case' }), 1024)).toBeNull();
    const queue = (await page.getByRole('main', { name: 'Queue' }).boundingBox())!;
    const opened = (await page.getByRole('region', { name: 'Open case' }).boundingBox())!;
    expect(opened.y).toBeGreaterThanOrEqual(queue.y + queue.height - 1);
    await shot(page, 'case-view-1024');

    await page.setViewportSize({ width: 800, height: 900 });
    expect(await sidewaysOverflow(page)).toBe(0);
    const conversation = (await page.getByRole('region', { name: 'Conversation' }).boundingBox())!;
    const buyer = (await page.getByRole('region', { name: 'Buyer' }).boundingBox())!;
    // One column: the buyer comes below the conversation, at the same left edge.
    expect(Math.abs(buyer.x - conversation.x)).toBeLessThan(2);
    expect(buyer.y).toBeGreaterThan(conversation.y);
  });
});
