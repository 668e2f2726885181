import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/**
 * The rules a new password must meet, the same in the service (which enforces them) and
 * the workspace (which shows them as you type). Kept out of shared/index.ts on purpose:
 * the dictionaries are large and only these two places need them.
 */
export const PASSWORD_POLICY = { minLength: 12, minScore: 3 } as const;

export type PasswordProblem = 'too_short' | 'guessable' | 'contains_personal';

export interface PasswordVerdict {
  /** zxcvbn's 0 (guessable in moments) … 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  problems: PasswordProblem[];
  /** zxcvbn's advice, in English, for the person choosing. */
  suggestions: string[];
}

export interface PersonalWords {
  email: string;
  name: string;
}

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // Built once: merging the dictionaries takes tens of milliseconds. No network matchers.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/** Pieces of the person that must not appear in their password (case-insensitively). */
export function personalWords({ email, name }: PersonalWords): string[] {
  const local = email.split('@')[0] ?? '';
  const words = [local, name.trim(), ...name.split(/[\s.,'-]+/)];
  // A two-letter fragment ("Al") would refuse half of all passphrases; three is a name.
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length >= 3))];
}

export function judgePassword(password: string, person: PersonalWords): PasswordVerdict {
  const words = personalWords(person);
  const result = zxcvbn().check(password.slice(0, 256), words);
  const lower = password.toLowerCase();
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_POLICY.minLength) problems.push('too_short');
  if (result.score < PASSWORD_POLICY.minScore) problems.push('guessable');
  if (words.some((w) => lower.includes(w))) problems.push('contains_personal');
  return {
    score: result.score,
    problems,
    suggestions: [result.feedback.warning, ...result.feedback.suggestions].filter(
      (s): s is string => typeof s === 'string' && s !== '',
    ),
  };
}

/** For people: what is wrong with a refused password, one sentence per problem. */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_POLICY.minLength} characters.`,
  guessable: 'This password is too easy to guess; add more unusual words.',
  contains_personal: 'Do not use your name or the start of your email address.',
};
