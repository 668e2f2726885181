import { describe, expect, it } from 'vitest';
import { distArguments } from './dist-command';

const V = '45.4.1';

describe('npm run dist', () => {
  it('builds QA installers unless told otherwise, with the inspector switches kept', () => {
    expect(distArguments({ channel: undefined, electronVersion: V })).toEqual({
      channel: 'qa',
      args: ['--publish', 'never', '-c.electronFuses.enableNodeCliInspectArguments=true'],
    });
  });

  it('builds release installers with every fuse as the yml burns it', () => {
    expect(distArguments({ channel: 'release', electronVersion: V })).toEqual({
      channel: 'release',
      args: ['--publish', 'never'],
    });
  });

  it('refuses an unknown channel instead of building something unmarked', () => {
    expect(() => distArguments({ channel: 'beta', electronVersion: V })).toThrow(/qa or release/);
    expect(() => distArguments({ channel: 'dev', electronVersion: V })).toThrow(/qa or release/);
  });

  it('packages an unpacked Electron named by ELECTRON_OVERRIDE_DIST_PATH, and passes -- arguments on', () => {
    const { args } = distArguments({
      channel: 'release',
      electronDist: '/opt/electron-45',
      electronVersion: V,
      extra: ['--dir'],
    });
    expect(args).toEqual([
      '--publish',
      'never',
      '-c.electronDist=/opt/electron-45',
      `-c.electronVersion=${V}`,
      '--dir',
    ]);
  });
});
