/**
 * `npm start` (after the build): the desktop app in standalone mode, or — where Electron
 * cannot run — the same workspace in a browser, served by the standalone case service.
 */
import { spawn, spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from '../server/config';
import { startService } from '../server/start-service';
import { chooseLaunch } from './launch-mode';

function findElectron(): { path: string } | { error: string } {
  // Resolving the `electron` package fetches its binary on first use; in a child process,
  // so a failed download is one line here, not a stack trace.
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    env: process.env,
  });
  if (r.status === 0 && r.stdout) return { path: r.stdout };
  const lines = `${r.stderr ?? ''}`.split('\n').map((l) => l.trim());
  const reason =
    lines.find((l) =>
      /^(Error|RequestError|HTTPError)\b|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|fetch failed/.test(l),
    ) ??
    lines.find((l) => l !== '') ??
    'unknown error';
  return { error: reason.slice(0, 200) };
}

async function main(): Promise<void> {
  const launch = chooseLaunch({
    platform: process.platform,
    env: process.env,
    electron: findElectron(),
  });
  if (launch.mode === 'desktop') {
    const child = spawn(launch.electronPath, ['.'], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 1));
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
    return;
  }
  console.log(`Casedesk: not opening the desktop app: ${launch.reason}.`);
  const config = loadConfig({ ...process.env, CASEDESK_SEED: process.env.CASEDESK_SEED || 'demo' });
  const service = await startService(config);
  console.log(
    `Casedesk: the workspace is at ${service.url}/ — sign in as ana@demo.casedesk with password casedesk-demo (more demo accounts in the README).`,
  );
  const stop = () => void service.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const msg =
    err instanceof ConfigError ? err.message : `cannot start: ${(err as Error).message ?? err}`;
  console.error(msg.split('\n')[0]);
  process.exit(1);
});
