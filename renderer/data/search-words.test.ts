import { describe, expect, it } from 'vitest';
import { matchesSearch, searchTokensOf, searchWords } from './search-words';

const aCase = {
  reference: 'CD-10234',
  buyer: { name: 'Ana Berg', email: 'ana.berg@example.com' },
  order: { lotTitle: 'Art Deco bronze figure' },
} as Parameters<typeof searchTokensOf>[0];

describe('search words', () => {
  it('keeps the reference and the email whole, and every other word once', () => {
    expect(searchTokensOf(aCase).sort()).toEqual(
      [
        'cd-10234',
        'ana.berg@example.com',
        '10234',
        'berg',
        'example',
        'com',
        'art',
        'deco',
        'bronze',
        'figure',
      ].sort(),
    );
  });

  it('leaves out words that start another token, without losing a single match', () => {
    const tokens = searchTokensOf(aCase);
    expect(tokens).not.toContain('cd');
    expect(tokens).not.toContain('ana');
    for (const typed of ['cd', 'cd-102', 'ana', 'ana berg', 'berg', 'exam', '10234', 'bronze fig'])
      expect(matchesSearch(tokens, searchWords(typed))).toBe(true);
    expect(matchesSearch(tokens, searchWords('silver'))).toBe(false);
  });
});
