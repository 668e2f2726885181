import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openCaseFromIntake } from '../../server/services/intake';
import { escalation } from '../../server/testing/test-service';
import { openFirstCase, seriousViolations, shot, startSignedIn, type Stack } from './harness';

const EARLIER = 'Earlier history is on the service: it shows when this case is opened online.';

// A first sync brings the last 14 days of history; a case's whole history is read when it
// opens online and kept, so that it opens whole offline afterwards.
describe('a case history read when the case opens', { timeout: 180_000 }, () => {
  let stack: Stack;
  let ctx: BrowserContext;
  let page: Page;
  let reference: string;
  beforeAll(async () => {
    // Opened 40 days ago, before the sign-in: the first sync brings only its last 14 days.
    ({
      stack,
      context: ctx,
      page,
    } = await startSignedIn('ana', undefined, async (s) => {
      const old = await s.db.transaction((tx) =>
        openCaseFromIntake(
          tx,
          escalation({ language: 'de' }),
          new Date(Date.now() - 40 * 86_400_000),
        ),
      );
      reference = old.reference;
    }));
  }, 180_000);
  afterAll(() => stack?.close());

  const history = () => page.getByRole('region', { name: 'History' });
  const goOffline = async () => {
    await ctx.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await page
      .getByRole('status', { name: 'Sync status' })
      .filter({ hasText: 'Offline' })
      .waitFor({ timeout: 60_000 });
  };

  it('says that earlier history is on the service for a case not yet opened online, then keeps it once opened online', async () => {
    await goOffline();
    await openFirstCase(page, 'Team queue', reference);
    await history().getByText(EARLIER).waitFor({ timeout: 60_000 });
    expect(await history().getByText('Case opened from the help center').count()).toBe(0);
    await shot(page, 'history-earlier-on-service');
    expect(await seriousViolations(page)).toEqual([]);

    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await history().getByText('Case opened from the help center').waitFor({ timeout: 60_000 });
    await expect.poll(() => history().getByText(EARLIER).count(), { timeout: 30_000 }).toBe(0);

    // Offline again, away and back: the kept history opens whole from the device.
    await goOffline();
    await page.getByRole('link', { name: 'My cases', exact: true }).click();
    await openFirstCase(page, 'Team queue', reference);
    await history().getByText('Case opened from the help center').waitFor({ timeout: 60_000 });
    expect(await history().getByText(EARLIER).count()).toBe(0);
  });
});
