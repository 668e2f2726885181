import { describe, expect, it } from 'vitest';
import { remoteSearchPath } from './remote-cases';

describe('asking the service for cases the device does not hold', () => {
  it('asks by reference when a reference is typed, by search text otherwise', () => {
    expect(remoteSearchPath('CD-100213')).toBe('/api/v1/cases?reference=CD-100213&limit=20');
    expect(remoteSearchPath(' Jonas Schmidt ')).toBe('/api/v1/cases?q=Jonas+Schmidt&limit=20');
  });

  it('asks nothing for fewer than two characters', () => {
    expect(remoteSearchPath('c')).toBeNull();
    expect(remoteSearchPath('  ')).toBeNull();
  });
});
