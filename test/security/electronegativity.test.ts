import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  severity: { value: number; name?: string };
  location: { line: number };
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Finding[]; errors: unknown[] }>;

const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity') as Run;
const allowList = JSON.parse(
  readFileSync(path.resolve('electron/electronegativity-allowlist.json'), 'utf8'),
) as { accepted: { check: string; file: string; reason: string }[] };

// Severity values as electronegativity numbers them: LOW 1, MEDIUM 2, HIGH 3.
const MEDIUM = 2;

describe('Electronegativity on the built main process and preload', () => {
  it('finds nothing of medium or high severity that is not reviewed and accepted', async () => {
    const out = path.resolve('out');
    for (const part of ['main/index.js', 'preload/index.cjs']) {
      if (!existsSync(path.join(out, part)))
        throw new Error(`out/${part} is missing: run npm run build first`);
    }
    // The built JavaScript, not our TypeScript: its parser predates the syntax we write.
    const input = mkdtempSync(path.join(tmpdir(), 'casedesk-electronegativity-'));
    for (const part of ['main', 'preload']) {
      cpSync(path.join(out, part), path.join(input, part), {
        recursive: true,
        filter: (f) => !f.endsWith('.map'),
      });
    }
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    const result = await runElectronegativity({
      input,
      customScan: [],
      excludeFromScan: [],
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    expect(result.errors).toEqual([]);

    const serious = result.issues.filter((i) => i.severity.value >= MEDIUM);
    const accepted = (i: Finding) =>
      allowList.accepted.some((a) => a.check === i.id && a.file === i.file);
    const unreviewed = serious
      .filter((i) => !accepted(i))
      .map((i) => `${i.id} in ${i.file}:${i.location.line}`);
    expect(unreviewed, 'add a fix, or an entry with its reason to the allow-list').toEqual([]);

    const stale = allowList.accepted
      .filter((a) => !serious.some((i) => i.id === a.check && i.file === a.file))
      .map((a) => `${a.check} in ${a.file}`);
    expect(stale, 'remove allow-list entries that no longer match a finding').toEqual([]);
    for (const a of allowList.accepted) expect(a.reason.length, a.check).toBeGreaterThan(40);
  }, 60_000);
});
