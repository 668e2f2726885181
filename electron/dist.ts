/**
 * `npm run dist`: builds the app for a channel (CASEDESK_CHANNEL, qa unless it says
 * release) and the installers for this platform with electron-builder, into dist/.
 */
import { spawnSync } from 'node:child_process';
import { distArguments } from './dist-command';

const { channel, args } = distArguments(process.env.CASEDESK_CHANNEL);
const env = { ...process.env, CASEDESK_CHANNEL: channel };
const run = (cmd: string, argv: string[]) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
console.log(`Casedesk: building the ${channel} installers for ${process.platform}`);
run('npx', ['electron-vite', 'build']);
run('npx', ['electron-builder', ...args]);
