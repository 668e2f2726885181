import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { distArguments } from '../../electron/dist-command';
import { APP_ID, PRODUCT_NAME } from '../../electron/main/app-identity';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  productName: string;
  desktopName: string;
  dependencies: Record<string, string>;
};
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as {
  appId: string;
  productName: string;
  linux: { executableName: string };
};
const electronVersion = (require('electron/package.json') as { version: string }).version;

// @electron/fuses finds the fuse wire after this sentinel: version 1, then one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
  'WasmTrapHandlers',
];

/**
 * An unpacked Electron 45 for Linux as electron-builder sees one: the binary (here a
 * script carrying Electron's fuse wire, all fuses on, so burning them shows), its version
 * file and the files beside it. What a QA machine has after unpacking a real release.
 */
function standInElectron(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'casedesk-electron-'));
  const wire = String.fromCharCode(1, FUSES.length) + '1'.repeat(FUSES.length);
  writeFileSync(path.join(dir, 'electron'), `#!/bin/sh\nexit 0\n# ${SENTINEL}${wire}\n`);
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), electronVersion);
  for (const f of ['LICENSE', 'LICENSES.chromium.html', 'resources.pak', 'icudtl.dat']) {
    writeFileSync(path.join(dir, f), '');
  }
  mkdirSync(path.join(dir, 'resources'));
  mkdirSync(path.join(dir, 'locales'));
  return dir;
}

function fusesOf(binary: string): Record<string, boolean> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  const length = bytes[at + 1]!;
  return Object.fromEntries(
    FUSES.slice(0, length).map((name, i) => [name, bytes[at + 2 + i] === '1'.charCodeAt(0)]),
  );
}

// `npm run dist -- --dir` on a QA machine with an unpacked Electron: the same arguments
// (distArguments), packaging the app built by `npm test` against the stand-in, offline.
describe('npm run dist -- --dir with ELECTRON_OVERRIDE_DIST_PATH', { timeout: 600_000 }, () => {
  let unpacked: string;
  let archive: string;
  let files: string[];

  beforeAll(async () => {
    if (!existsSync('out/main/index.js'))
      throw new Error('out/ is missing: run npm run build first');
    const output = mkdtempSync(path.join(tmpdir(), 'casedesk-dist-'));
    const { args } = distArguments({
      channel: 'qa',
      electronDist: standInElectron(),
      electronVersion,
      extra: ['--dir', '--linux', '--x64', `-c.directories.output=${output}`],
    });
    await promisify(execFile)(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), ...args],
      { env: { ...process.env, CASEDESK_CHANNEL: 'qa' }, maxBuffer: 64 * 1024 * 1024 },
    );
    unpacked = path.join(output, 'linux-unpacked');
    archive = path.join(unpacked, 'resources', 'app.asar');
    files = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  }, 600_000);

  it('packages the built app, its runtime dependencies and nothing of the sources', () => {
    for (const f of [
      pkg.main,
      'out/main/case-service.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(files, f).toContain(`/${f}`);
    }
    for (const dep of Object.keys(pkg.dependencies)) {
      expect(files, dep).toContain(`/node_modules/${dep}/package.json`);
    }
    const outside = files.filter(
      (f) => !f.startsWith('/out') && !f.startsWith('/node_modules') && f !== '/package.json',
    );
    expect(outside).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map') && f.startsWith('/out'))).toEqual([]);
    // Every built file of the app is in the archive, byte for byte the size it was built.
    const built = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? built(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    for (const f of built('out').filter((f) => !f.endsWith('.map'))) {
      const inside = f.split(path.sep).join('/');
      expect(files, inside).toContain(`/${inside}`);
      expect(asar.extractFile(archive, inside).length, inside).toBe(statSync(f).size);
    }
  });

  it('unpacks PGlite beside the archive and ships the migrations as files', () => {
    const pglite = path.join(
      unpacked,
      'resources/app.asar.unpacked/node_modules/@electric-sql/pglite',
    );
    expect(existsSync(path.join(pglite, 'package.json'))).toBe(true);
    const migrations = readdirSync(path.join(unpacked, 'resources/migrations'));
    expect(migrations.sort()).toEqual(
      readdirSync('server/db/migrations')
        .filter((f) => f.endsWith('.sql'))
        .sort(),
    );
  });

  it('names the app so user data lands under "Casedesk" and the window finds its launcher', () => {
    const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as {
      productName: string;
      desktopName: string;
    };
    expect(packaged.productName).toBe(PRODUCT_NAME);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.appId).toBe(APP_ID);
    expect(packaged.desktopName).toBe(`${config.linux.executableName}.desktop`);
    expect(existsSync(path.join(unpacked, config.linux.executableName))).toBe(true);
  });

  it('burns the fuses of a QA build into the Electron it packaged', () => {
    expect(fusesOf(path.join(unpacked, config.linux.executableName))).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: true, // QA keeps the inspector; release burns it too
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });
});
