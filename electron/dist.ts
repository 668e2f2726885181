/**
 * `npm run dist`: builds the app for a channel (CASEDESK_CHANNEL, qa unless it says
 * release) and the installers for this platform with electron-builder, into dist/.
 * Arguments after `--` go to electron-builder: `npm run dist -- --dir` packages without
 * an installer.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { distArguments } from './dist-command';

const electronVersion = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;
const { channel, args } = distArguments({
  channel: process.env.CASEDESK_CHANNEL,
  electronDist: process.env.ELECTRON_OVERRIDE_DIST_PATH,
  electronVersion,
  extra: process.argv.slice(2),
});
const env = { ...process.env, CASEDESK_CHANNEL: channel };
const run = (cmd: string, argv: string[]) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
console.log(`Casedesk: building the ${channel} installers for ${process.platform}`);
run('npx', ['electron-vite', 'build']);
run('npx', ['electron-builder', ...args]);
