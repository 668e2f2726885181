import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const pages = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const repo = path.resolve('.');

/** Every link target in a Markdown page that is not a web address or an anchor on the page. */
function localLinks(page: string): string[] {
  const text = readFileSync(page, 'utf8');
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  return targets.filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#'));
}

describe('the documentation', () => {
  it('has the pages the README points to', () => {
    for (const page of ['docs/api.md', 'docs/domain.md', 'docs/operations.md', 'docs/qa.md']) {
      expect(existsSync(page), page).toBe(true);
    }
  });

  it('links only to files inside the repository, and every one exists', () => {
    for (const page of pages) {
      for (const link of localLinks(page)) {
        const target = path.resolve(path.dirname(page), link.split('#')[0]!);
        expect(target.startsWith(repo + path.sep), `${page} → ${link} leaves the repository`).toBe(
          true,
        );
        expect(existsSync(target), `${page} → ${link}`).toBe(true);
      }
    }
  });
});
