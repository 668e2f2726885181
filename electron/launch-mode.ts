export type LaunchMode =
  { mode: 'desktop'; electronPath: string } | { mode: 'browser'; reason: string };

/**
 * `npm start` opens the desktop app when it can: an Electron binary (fetched on first
 * start, or from ELECTRON_OVERRIDE_DIST_PATH) and a display to show it on. Otherwise it
 * says why, and serves the same workspace to a browser from the standalone case service.
 */
export function chooseLaunch(input: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  electron: { path: string } | { error: string };
}): LaunchMode {
  if (input.env.CASEDESK_BROWSER === '1') {
    return { mode: 'browser', reason: 'CASEDESK_BROWSER=1 asks for the browser workspace' };
  }
  if ('error' in input.electron) {
    return {
      mode: 'browser',
      reason:
        `the Electron binary is not available (${input.electron.error}). ` +
        'Set ELECTRON_MIRROR to a reachable mirror, or ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45, and run npm start again',
    };
  }
  const headlessLinux =
    input.platform === 'linux' && !input.env.DISPLAY && !input.env.WAYLAND_DISPLAY;
  if (headlessLinux) {
    return {
      mode: 'browser',
      reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    };
  }
  return { mode: 'desktop', electronPath: input.electron.path };
}
