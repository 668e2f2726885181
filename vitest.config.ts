import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,test,renderer,electron}/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: more workers only thrash PGlite's WebAssembly heaps.
    maxWorkers: 2,
  },
});
