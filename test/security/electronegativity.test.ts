import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  /** The first line of the code at the finding, as Electronegativity quotes it. */
  sample?: string;
  severity: { value: number; name?: string };
  location: { line: number };
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Finding[]; errors: unknown[] }>;
interface Accepted {
  check: string;
  file: string;
  samples: string[];
  reason: string;
}

const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity') as Run;
const allowList = JSON.parse(
  readFileSync(path.resolve('electron/electronegativity-allowlist.json'), 'utf8'),
) as { accepted: Accepted[] };

// Severity values as electronegativity numbers them: LOW 1, MEDIUM 2, HIGH 3.
const MEDIUM = 2;

/** An accepted finding: its check, its file and the code at it are each on the list. */
function isAccepted(finding: Finding, accepted: readonly Accepted[]): boolean {
  return accepted.some(
    (a) =>
      a.check === finding.id &&
      a.file === finding.file &&
      (finding.sample === undefined
        ? a.samples.length === 0
        : a.samples.includes(finding.sample.trim())),
  );
}

/** Every `new BrowserWindow(…)` in a built bundle, with the text of its options object. */
function browserWindowOptions(source: string): ts.ObjectLiteralExpression[] {
  const file = ts.createSourceFile('index.js', source, ts.ScriptTarget.Latest, true);
  const found: ts.ObjectLiteralExpression[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isNewExpression(node) &&
      node.expression.getText(file) === 'BrowserWindow' &&
      node.arguments?.[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      found.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

// Options that, set beside secureWebPreferences(), would weaken a window.
const WEAKENING =
  /\b(sandbox|contextIsolation|nodeIntegration\w*|webSecurity|webviewTag|allowRunningInsecureContent|experimentalFeatures|enableBlinkFeatures|preload)\b/;

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
    const unreviewed = serious
      .filter((i) => !isAccepted(i, allowList.accepted))
      .map((i) => `${i.id} in ${i.file}:${i.location.line}: ${i.sample ?? ''}`);
    expect(unreviewed, 'add a fix, or an entry with its reason to the allow-list').toEqual([]);

    const stale = allowList.accepted.flatMap((a) => {
      const matching = serious.filter((i) => i.id === a.check && i.file === a.file);
      if (matching.length === 0) return [`${a.check} in ${a.file}`];
      return a.samples
        .filter((s) => !matching.some((i) => i.sample?.trim() === s))
        .map((s) => `${a.check} in ${a.file}: ${s}`);
    });
    expect(stale, 'remove allow-list entries that no longer match a finding').toEqual([]);
    for (const a of allowList.accepted) expect(a.reason.length, a.check).toBeGreaterThan(40);
  }, 60_000);

  it('builds every window with secureWebPreferences() and nothing beside it that weakens it', () => {
    const source = readFileSync('out/main/index.js', 'utf8');
    const windows = browserWindowOptions(source);
    expect(windows.length).toBeGreaterThan(0);
    for (const options of windows) {
      const text = options.getText();
      const prefs = options.properties.filter(
        (p) => p.name?.getText() === 'webPreferences' || ts.isSpreadAssignment(p),
      );
      const webPreferences = prefs.filter((p) => !ts.isSpreadAssignment(p));
      expect(webPreferences, text).toHaveLength(1);
      const value = (webPreferences[0] as ts.PropertyAssignment).initializer;
      expect(
        ts.isCallExpression(value) && value.expression.getText() === 'secureWebPreferences',
        `webPreferences: ${value.getText()}`,
      ).toBe(true);
      // Nothing else in the options (spreads included) may set a web preference.
      const rest = text.replace(webPreferences[0]!.getText(), '');
      expect(rest, 'a window option beside secureWebPreferences()').not.toMatch(WEAKENING);
      expect(rest).not.toMatch(/webPreferences/);
    }
  });

  it('accepts a finding only with its check, file and code on the list', () => {
    const accepted: Accepted[] = [
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'main/index.js',
        samples: ['const win = new BrowserWindow({'],
        reason: '',
      },
    ];
    const finding = (sample: string, file = 'main/index.js'): Finding => ({
      id: 'SANDBOX_JS_CHECK',
      file,
      sample,
      severity: { value: 2 },
      location: { line: 1 },
    });
    expect(isAccepted(finding('const win = new BrowserWindow({'), accepted)).toBe(true);
    expect(
      isAccepted(finding('const other = new BrowserWindow({ sandbox: false });'), accepted),
    ).toBe(false);
    expect(isAccepted(finding('const win = new BrowserWindow({', 'main/other.js'), accepted)).toBe(
      false,
    );
  });
});
