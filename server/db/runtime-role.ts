import type { Queryable } from './database';

/**
 * The audit trails: the runtime role may add to them and read them, never change or
 * remove a row (issue 10, defect 9). Their triggers refuse it too, but a role that owned
 * the tables could switch the triggers off; this one cannot.
 */
export const APPEND_ONLY_TABLES = ['events', 'account_events'] as const;

/**
 * Gives the service's runtime role exactly the row privileges it needs, run by the owner
 * role after every migration so tables added later are covered too: read and write rows
 * of every table, append only to the audit trails, read the migration record, use the
 * sequences. It owns nothing, so it cannot ALTER, DROP or TRUNCATE a table, disable a
 * trigger or replace a function. Safe to run again: it revokes first.
 */
export async function grantRuntimeRole(owner: Queryable, runtimeRole: string): Promise<void> {
  const quoted = await owner.query<{ role: string }>('SELECT quote_ident($1) AS role', [
    runtimeRole,
  ]);
  const r = quoted.rows[0]!.role;
  const appendOnly = APPEND_ONLY_TABLES.join(', ');
  await owner.exec(`
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r};
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r};
    GRANT USAGE ON SCHEMA public TO ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
    REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${r};
    REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${r};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r};
  `);
}

/** Who a connection is, and whether that role could undo what the grants protect. */
export async function describeRole(
  db: Queryable,
): Promise<{ role: string; superuser: boolean; ownsTables: boolean }> {
  const res = await db.query<{ role: string; superuser: boolean; owns: boolean }>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public'
                     AND tableowner = current_user) AS owns`,
  );
  const row = res.rows[0]!;
  return { role: row.role, superuser: row.superuser, ownsTables: row.owns };
}
