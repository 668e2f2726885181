import { ConfigError, loadConfig } from './config';
import { startService } from './start-service';

/** `npm run server`: configuration from the environment, migrations, optional demo data, listen. */
async function main(): Promise<void> {
  const service = await startService(loadConfig());
  const close = async () => {
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
}

main().catch((err: unknown) => {
  const msg =
    err instanceof ConfigError ? err.message : `cannot start: ${(err as Error).message ?? err}`;
  console.error(msg.split('\n')[0]);
  process.exit(1);
});
