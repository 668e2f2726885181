/**
 * The environment of the embedded case service. It gets a clean one — nothing of the
 * user's shell (no DATABASE_URL or NODE_OPTIONS reaching the child by accident) — except
 * what any process needs to run: PATH, and on Windows the variables without which a child
 * cannot even start networking (Winsock reads SystemRoot) or find a temp folder.
 */
const KEPT = {
  all: ['PATH'],
  win32: ['SystemRoot', 'windir', 'TEMP', 'TMP', 'LOCALAPPDATA', 'APPDATA', 'USERPROFILE'],
} as const;

export function serviceEnvironment(
  parent: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  service: { dataDir: string },
): Record<string, string> {
  const names: readonly string[] = platform === 'win32' ? [...KEPT.all, ...KEPT.win32] : KEPT.all;
  const env: Record<string, string> = {};
  for (const name of names) {
    // Windows environment names are case-insensitive: Path and PATH are one variable.
    const key = Object.keys(parent).find((k) =>
      platform === 'win32' ? k.toLowerCase() === name.toLowerCase() : k === name,
    );
    const value = key === undefined ? undefined : parent[key];
    if (value !== undefined) env[name] = value;
  }
  return {
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
    CASEDESK_DATA_DIR: service.dataDir,
    CASEDESK_SEED: 'demo',
    CASEDESK_LOG_LEVEL: 'warn',
  };
}
