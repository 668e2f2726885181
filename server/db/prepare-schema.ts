import type { Database } from './database';
import { migrate, type Migration } from './migrate';
import { openPostgres } from './postgres-database';
import { describeRole, grantRuntimeRole } from './runtime-role';

export interface PreparedSchema {
  /** Migrations applied now. */
  ran: string[];
  /** With two roles: the runtime role the grants went to. */
  runtimeRole: string | null;
}

/**
 * Brings the schema up to date before the service uses `db`. With one URL (PGlite, small
 * installs) the service's own role migrates. With `DATABASE_MIGRATION_URL` the owner role
 * migrates over a connection of its own, then grants `db`'s role only the row privileges
 * it needs (see runtime-role.ts), and the connection is closed again.
 */
export async function prepareSchema(
  db: Database,
  migrationUrl: string | null,
  migrations?: Migration[],
): Promise<PreparedSchema> {
  if (!migrationUrl) return { ran: await migrate(db, migrations), runtimeRole: null };
  const runtime = await describeRole(db);
  const owner = await openPostgres(migrationUrl, 1);
  try {
    const ownerRole = await describeRole(owner);
    if (ownerRole.role === runtime.role) {
      throw new Error(
        'DATABASE_MIGRATION_URL names the same role as DATABASE_URL; give the service a role of its own',
      );
    }
    const ran = await migrate(owner, migrations);
    await grantRuntimeRole(owner, runtime.role);
    return { ran, runtimeRole: runtime.role };
  } finally {
    await owner.close();
  }
}
