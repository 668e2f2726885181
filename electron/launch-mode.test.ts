import { describe, expect, it } from 'vitest';
import { chooseLaunch } from './launch-mode';

describe('npm start', () => {
  it('opens the desktop app when Electron and a display are there', () => {
    expect(
      chooseLaunch({
        platform: 'linux',
        env: { DISPLAY: ':0' },
        electron: { path: '/e/electron' },
      }),
    ).toEqual({ mode: 'desktop', electronPath: '/e/electron' });
    expect(chooseLaunch({ platform: 'win32', env: {}, electron: { path: 'C:/e.exe' } }).mode).toBe(
      'desktop',
    );
  });

  it('falls back to the browser workspace, saying why, when the binary cannot be had', () => {
    const r = chooseLaunch({
      platform: 'darwin',
      env: {},
      electron: { error: 'download refused' },
    });
    expect(r).toMatchObject({ mode: 'browser' });
    expect(r.mode === 'browser' && r.reason).toMatch(
      /download refused.*ELECTRON_MIRROR.*ELECTRON_OVERRIDE_DIST_PATH/,
    );
  });

  it('falls back to the browser workspace on a Linux machine without a display', () => {
    const r = chooseLaunch({ platform: 'linux', env: {}, electron: { path: '/e/electron' } });
    expect(r.mode === 'browser' && r.reason).toMatch(/no display/);
  });

  it('serves the browser workspace when asked to', () => {
    const r = chooseLaunch({
      platform: 'linux',
      env: { CASEDESK_BROWSER: '1', DISPLAY: ':0' },
      electron: { path: '/e' },
    });
    expect(r.mode).toBe('browser');
  });
});
