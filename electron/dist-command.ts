import { ReleaseChannel } from '../shared/desktop/ipc-contract';

/**
 * How `npm run dist` calls electron-builder for a channel. QA builds keep the Node
 * inspector's command-line switches so QA can attach a debugger; release builds burn
 * every fuse the yml sets.
 */
export function distArguments(rawChannel: string | undefined): {
  channel: ReleaseChannel;
  args: string[];
} {
  const parsed = ReleaseChannel.exclude(['dev']).safeParse(rawChannel ?? 'qa');
  if (!parsed.success) {
    throw new Error(`CASEDESK_CHANNEL must be qa or release, not "${rawChannel}"`);
  }
  const channel = parsed.data;
  const args = ['--publish', 'never'];
  if (channel === 'qa') args.push('-c.electronFuses.enableNodeCliInspectArguments=true');
  return { channel, args };
}
