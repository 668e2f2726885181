import { describe, expect, it } from 'vitest';
import { secretBox } from './second-factor-secrets';

const KEY = 'a-sealing-key-of-at-least-32-characters';
const AGENT = '4b0e6f1e-8b1a-4c53-9d7e-2f4a5c6d7e8f';
const OTHER = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

describe('secretBox', () => {
  it('keeps a secret as it is, marked plain, when no key is configured', () => {
    const box = secretBox(null);
    expect(box.seal('JBSWY3DPEHPK3PXP', AGENT)).toBe('plain:JBSWY3DPEHPK3PXP');
    expect(box.open('plain:JBSWY3DPEHPK3PXP', AGENT)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('seals with a key so that the stored text does not show the secret, and opens it again', () => {
    const box = secretBox(KEY);
    const sealed = box.seal('JBSWY3DPEHPK3PXP', AGENT);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', AGENT)).not.toBe(sealed);
    expect(box.open(sealed, AGENT)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses to open a sealed secret for another agent, with another key, or with none', () => {
    const sealed = secretBox(KEY).seal('JBSWY3DPEHPK3PXP', AGENT);
    expect(() => secretBox(KEY).open(sealed, OTHER)).toThrow();
    expect(() => secretBox(`${KEY}-rotated`).open(sealed, AGENT)).toThrow();
    expect(() => secretBox(null).open(sealed, AGENT)).toThrow(/CASEDESK_SECOND_FACTOR_KEY/);
  });

  it('still opens secrets stored before a key was configured', () => {
    expect(secretBox(KEY).open('plain:JBSWY3DPEHPK3PXP', AGENT)).toBe('JBSWY3DPEHPK3PXP');
  });
});
