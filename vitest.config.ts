import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/longest-first-sequencer.js';

const TEST_TIMEOUT = 30_000;

export default defineConfig({
  test: {
    // Two cores here: more workers only thrash PGlite's WebAssembly heaps.
    maxWorkers: 2,
    // The long files first, so that the run does not end on one of them with a worker idle.
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        // shared/ is pure (no Node, DOM or Electron; a lint rule holds it), so its files can
        // share one module graph per worker: 29 files took 29–39 processor-seconds each in a
        // process of its own, 8–10 together.
        test: {
          name: 'pure',
          include: ['shared/**/*.test.ts'],
          isolate: false,
          testTimeout: TEST_TIMEOUT,
        },
      },
      {
        test: {
          name: 'app',
          include: ['{server,test,renderer,electron}/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: TEST_TIMEOUT,
          // A suite's setup (service, database copy, sign-ins) took over 60 s at load 20.
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
