import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// What a build is, stamped into the main process: QA builds show it in the title and
// About box. `npm run dist` sets CASEDESK_CHANNEL; everything else is a development build.
function stamp(): { commit: string; channel: string } {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout (a source tarball): the build still works, unmarked.
  }
  const channel = process.env.CASEDESK_CHANNEL ?? 'dev';
  if (!['dev', 'qa', 'release'].includes(channel)) {
    throw new Error(`CASEDESK_CHANNEL must be dev, qa or release, not "${channel}"`);
  }
  return { commit, channel };
}

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/**
 * One build for the three parts (`npm run build`): the main process with the embedded
 * case service, the sandboxed preload (CommonJS, as sandboxing requires, with everything
 * bundled), and the workspace — which the case service also serves to browsers.
 */
export default defineConfig({
  main: {
    define: { __CASEDESK_BUILD__: JSON.stringify(stamp()) },
    build: {
      outDir: 'out/main',
      sourcemap: true,
      rollupOptions: {
        input: {
          index: path.resolve('electron/main/index.ts'),
          'case-service': path.resolve('electron/service/case-service.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: path.resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    define: {
      __CASEDESK_WEB_BUILD__: JSON.stringify({ version: VERSION, commit: stamp().commit }),
    },
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
      rollupOptions: { input: path.resolve('renderer/index.html') },
    },
  },
});
