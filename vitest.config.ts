import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/longest-first-sequencer.js';

const TEST_TIMEOUT = 30_000;

const appProject = {
  globalSetup: ['test/global-setup.ts'],
  testTimeout: TEST_TIMEOUT,
  // A suite's setup (service, database copy, sign-ins) took over 60 s at load 20.
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    // Two cores here: more workers only thrash PGlite's WebAssembly heaps.
    maxWorkers: 2,
    // The long files first, so that the run does not end on one of them with a worker idle.
    sequence: { sequencer: LongestFirstSequencer },
    reporters: ['default', './test/retried-tests-reporter.ts'],
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
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
          ...appProject,
        },
      },
      {
        // Two browsers, a service and a sync engine on two cores beside the other suites:
        // a wait can still run out under CI load. One retry, and the reporter above names
        // every test that needed it.
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], retry: 1, ...appProject },
      },
    ],
  },
});
