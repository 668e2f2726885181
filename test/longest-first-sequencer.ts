import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that take longest, longest first (measured on the 2-core VM: the chaos trials
 * 77 s, the end-to-end suites 15–50 s each, the API suites that also run on PostgreSQL
 * 50–240 s under load). Without a results cache — CI, after `npm ci` — vitest starts the
 * largest files first, and the chaos and fuzz suites are small files: they ran last, and
 * one worker sat idle for a minute or more while the other finished them.
 */
export const LONGEST_FIRST = [
  'test/chaos/chaos.test.ts',
  'server/integration/webhook-delivery.test.ts',
  'test/e2e/workspace.test.ts',
  'server/api/accounts.test.ts',
  'server/mail/action-notices.test.ts',
  'server/api/restrictions.test.ts',
  'server/http/fuzz.test.ts',
  'test/e2e/sync-resilience.test.ts',
  'server/api/complaints.test.ts',
  'server/api/actions.test.ts',
  'server/sync/sync-api.test.ts',
  'test/e2e/trust-safety.test.ts',
  'test/e2e/team.test.ts',
  'test/e2e/presence.test.ts',
];

/** Vitest's order (failed, then longest by the last run, then largest), known long files first. */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(path.relative(root, f.moduleId).split(path.sep).join('/'));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
