import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  electronFuses: Record<string, boolean>;
  artifactName: string;
  asar: boolean;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  version: string;
  dependencies: Record<string, string>;
};

function builderSchema(): object {
  // The schema electron-builder itself validates with, from the installed version.
  const main = require.resolve('app-builder-lib');
  let dir = path.dirname(main);
  while (!existsSync(path.join(dir, 'scheme.json'))) dir = path.dirname(dir);
  return JSON.parse(readFileSync(path.join(dir, 'scheme.json'), 'utf8')) as object;
}

describe('electron-builder.yml', () => {
  it('is valid against the JSON schema electron-builder ships (app-builder-lib/scheme.json)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(builderSchema());
    const ok = validate(config);
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('packages paths that exist after npm run build', () => {
    expect(existsSync(pkg.main), `${pkg.main} (package.json main)`).toBe(true);
    for (const entry of [
      'out/main/index.js',
      'out/main/case-service.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]) {
      expect(existsSync(entry), entry).toBe(true);
    }
    for (const pattern of config.files.filter((f) => !f.startsWith('!'))) {
      const root = pattern.replace(/\/\*\*.*$/, '');
      expect(existsSync(root), pattern).toBe(true);
    }
    for (const r of config.extraResources) {
      expect(statSync(r.from).isDirectory(), r.from).toBe(true);
      expect(readdirSync(r.from).filter((f) => f.endsWith('.sql')).length, r.from).toBeGreaterThan(
        0,
      );
    }
    for (const icon of ['electron/resources/icon.png']) expect(existsSync(icon), icon).toBe(true);
  });

  it('burns the fuses the security review asks for, with asar on', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('names every artifact with its version and channel', () => {
    expect(config.artifactName).toContain('${version}');
    expect(config.artifactName).toContain('${env.CASEDESK_CHANNEL}');
  });

  it('ships every runtime dependency the bundles leave external', () => {
    for (const bundle of ['out/main/index.js', 'out/main/case-service.js']) {
      const source = readFileSync(bundle, 'utf8');
      const imports = [...source.matchAll(/from "([^".][^"]*)"/g)].map((m) => m[1]!);
      for (const spec of imports) {
        if (spec.startsWith('node:') || spec === 'electron') continue;
        const name = spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : spec.split('/')[0]!;
        expect(pkg.dependencies[name], `${bundle} imports ${spec}`).toBeDefined();
      }
    }
  });
});
