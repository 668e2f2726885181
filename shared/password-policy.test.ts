import { describe, expect, it } from 'vitest';
import { judgePassword, personalWords } from './password-policy';

const nina = { email: 'nina.berg@example.com', name: 'Nina Berg' };

describe('the password policy', () => {
  it('accepts a long, unusual passphrase', () => {
    expect(judgePassword('violet-harbour-engine-42', nina).problems).toEqual([]);
  });

  it('refuses fewer than twelve characters, however unusual', () => {
    expect(judgePassword('Xq7#vL2!pZ', nina).problems).toContain('too_short');
  });

  it('refuses common passwords from the dictionaries, even when long enough', () => {
    for (const pw of ['123qweasdzxc', 'passwordpassword', 'qwertyuiop123']) {
      expect(judgePassword(pw, nina).problems, pw).toContain('guessable');
    }
  });

  it('refuses a password containing the email’s local part or the name, in any case', () => {
    expect(judgePassword('NINA.BERG-winter-lantern', nina).problems).toContain('contains_personal');
    expect(judgePassword('oboe-berg-lantern-winter', nina).problems).toContain('contains_personal');
  });

  it('takes the email’s local part and the name’s words of three letters or more', () => {
    expect(personalWords({ email: 'al.x@example.com', name: 'Al Rossi' })).toEqual([
      'al.x',
      'al rossi',
      'rossi',
    ]);
  });
});
