import { describe, expect, it } from 'vitest';
import { distArguments } from './dist-command';

describe('npm run dist', () => {
  it('builds QA installers unless told otherwise, with the inspector switches kept', () => {
    expect(distArguments(undefined)).toEqual({
      channel: 'qa',
      args: ['--publish', 'never', '-c.electronFuses.enableNodeCliInspectArguments=true'],
    });
  });

  it('builds release installers with every fuse as the yml burns it', () => {
    expect(distArguments('release')).toEqual({ channel: 'release', args: ['--publish', 'never'] });
  });

  it('refuses an unknown channel instead of building something unmarked', () => {
    expect(() => distArguments('beta')).toThrow(/qa or release/);
    expect(() => distArguments('dev')).toThrow(/qa or release/);
  });
});
