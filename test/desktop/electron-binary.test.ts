import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

/** An unpacked Electron as QA unpacks a release zip: only the executable matters here. */
function unpackedElectron(binary: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'casedesk-electron-dist-'));
  mkdirSync(path.dirname(path.join(dir, binary)), { recursive: true });
  writeFileSync(path.join(dir, binary), '');
  return dir;
}

describe('the Electron binary the desktop suite runs', () => {
  it('is the one in ELECTRON_OVERRIDE_DIST_PATH, on a Linux desktop', () => {
    const dist = unpackedElectron('electron');
    expect(
      findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':0' }, 'linux'),
    ).toEqual({
      path: path.join(dist, 'electron'),
    });
  });

  it('is found where Windows and macOS keep it in an unpacked Electron', () => {
    const win = unpackedElectron('electron.exe');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: win }, 'win32')).toEqual({
      path: path.join(win, 'electron.exe'),
    });
    const mac = unpackedElectron('Electron.app/Contents/MacOS/Electron');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: mac }, 'darwin')).toEqual({
      path: path.join(mac, 'Electron.app/Contents/MacOS/Electron'),
    });
  });

  it('says why the suite is skipped: no binary, or no display on Linux (run it under xvfb-run)', () => {
    const none = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' }, 'linux');
    expect(none).toEqual({ skipReason: expect.stringMatching(/no Electron binary/) });
    const dist = unpackedElectron('electron');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux')).toEqual({
      skipReason: expect.stringMatching(/no display .*xvfb-run/),
    });
  });
});
