import { existsSync, readFileSync } from 'node:fs';
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
  productName: string;
  desktopName: string;
  author?: string | { name: string; email?: string };
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

  // What is packaged (the `files` globs as electron-builder resolves them) is checked on a
  // real `--dir` package in packaged-app.test.ts.

  it('gives the deb what it needs: a maintainer with an email, and all of the default dependencies', () => {
    const linux = config.linux as { maintainer?: string; syncDesktopName?: boolean };
    const author = pkg.author as { email?: string } | string | undefined;
    const email = linux.maintainer ?? (typeof author === 'object' ? author.email : undefined);
    expect(email, 'linux.maintainer or package.json author.email').toMatch(/<?[^@\s]+@[^@\s]+>?/);
    // A `depends` list replaces electron-builder's default one instead of extending it.
    const depends = (config.deb as { depends?: string[] } | undefined)?.depends;
    if (depends) {
      const fpm = readFileSync(
        path.join(path.dirname(require.resolve('app-builder-lib')), 'targets/FpmTarget.js'),
        'utf8',
      );
      const defaults = JSON.parse(/case "deb":\s*return (\[[^\]]*\])/.exec(fpm)![1]!) as string[];
      expect(depends).toEqual(expect.arrayContaining(defaults));
    }
  });

  it('names the app, its launcher and its window alike', () => {
    const linux = config.linux as { executableName: string; syncDesktopName?: boolean };
    expect(pkg.productName).toBe(config.productName);
    expect(pkg.desktopName).toBe(`${linux.executableName}.desktop`);
    expect(linux.syncDesktopName).toBe(true);
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
