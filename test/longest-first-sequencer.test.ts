import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import LongestFirstSequencer, { LONGEST_FIRST } from './longest-first-sequencer';

const root = path.resolve('/repo');

/** What vitest's own order reads of a run with no results cache (CI after `npm ci`). */
function freshRun(sizes: Record<string, number>): Vitest {
  return {
    config: { root },
    cache: {
      getFileTestResults: () => undefined,
      getFileStats: (key: string) => ({ size: sizes[key.slice(key.indexOf(':') + 1)] ?? 0 }),
    },
  } as unknown as Vitest;
}

const spec = (file: string) =>
  ({
    moduleId: path.join(root, file),
    project: { name: '', config: { sequence: { groupOrder: 0 }, isolate: true } },
  }) as unknown as TestSpecification;

describe('the longest-first test order', () => {
  it('starts the known long files first, longest first, though they are small files', async () => {
    const sizes = {
      'shared/money.test.ts': 9_000,
      'test/chaos/chaos.test.ts': 1_800,
      'server/http/fuzz.test.ts': 1_700,
      'test/e2e/workspace.test.ts': 14_000,
      'renderer/format.test.ts': 3_000,
    };
    const files = Object.keys(sizes).map(spec);
    const sorted = await new LongestFirstSequencer(freshRun(sizes)).sort(files);
    expect(sorted.map((f) => path.relative(root, f.moduleId))).toEqual([
      'test/chaos/chaos.test.ts',
      'test/e2e/workspace.test.ts',
      'server/http/fuzz.test.ts',
      // The rest in vitest's order: larger files first.
      'shared/money.test.ts',
      'renderer/format.test.ts',
    ]);
  });

  it('names only files that exist', async () => {
    const { existsSync } = await import('node:fs');
    expect(LONGEST_FIRST.filter((f) => !existsSync(f))).toEqual([]);
  });
});
