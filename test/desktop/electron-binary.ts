import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { path: string } | { skipReason: string };

/**
 * The Electron binary, if this machine has one — found without triggering the download
 * that resolving the `electron` package would start. On Linux it also needs a display
 * (a desktop session, or Xvfb: `xvfb-run npm test`).
 */
// Where the executable sits in an unpacked Electron, when path.txt (written by electron's
// own download, which failed here) cannot say.
const BINARY_IN_DIST: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

export function findElectronBinary(
  env = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronBinary {
  const pkgDir = path.resolve('node_modules/electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? BINARY_IN_DIST[platform] ?? 'electron')
    : relative
      ? path.join(pkgDir, 'dist', relative)
      : null;
  if (!candidate || !existsSync(candidate)) {
    return {
      skipReason:
        'no Electron binary on this machine (Electron 45 fetches it on first start, which this network does not allow; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 to run it)',
    };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { skipReason: `no display for ${candidate} (run the tests under xvfb-run)` };
  }
  return { path: candidate };
}
