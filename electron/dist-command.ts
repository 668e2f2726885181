import { ReleaseChannel } from '../shared/desktop/ipc-contract';

export interface DistOptions {
  /** CASEDESK_CHANNEL: qa unless it says release. */
  channel: string | undefined;
  /** ELECTRON_OVERRIDE_DIST_PATH: an unpacked Electron to package instead of downloading one. */
  electronDist?: string | undefined;
  /** The installed electron package's version: electron-builder needs it with electronDist. */
  electronVersion: string;
  /** What follows `npm run dist --`, e.g. `--dir` or `--linux deb`. */
  extra?: readonly string[];
}

/**
 * How `npm run dist` calls electron-builder for a channel. QA builds keep the Node
 * inspector's command-line switches so QA can attach a debugger; release builds burn
 * every fuse the yml sets. A machine with an unpacked Electron (ELECTRON_OVERRIDE_DIST_PATH,
 * as `npm start` and the Electron suite use) packages that one instead of downloading.
 */
export function distArguments(opts: DistOptions): { channel: ReleaseChannel; args: string[] } {
  const parsed = ReleaseChannel.exclude(['dev']).safeParse(opts.channel ?? 'qa');
  if (!parsed.success) {
    throw new Error(`CASEDESK_CHANNEL must be qa or release, not "${opts.channel}"`);
  }
  const channel = parsed.data;
  const args = ['--publish', 'never'];
  if (channel === 'qa') args.push('-c.electronFuses.enableNodeCliInspectArguments=true');
  if (opts.electronDist) {
    args.push(`-c.electronDist=${opts.electronDist}`, `-c.electronVersion=${opts.electronVersion}`);
  }
  args.push(...(opts.extra ?? []));
  return { channel, args };
}
