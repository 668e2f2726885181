/**
 * The log position before which no transaction of this database can still commit, as one
 * SQL expression (an xid8), read in the statement's own snapshot.
 *
 * A pull hands out only changes older than every transaction still running, or it could
 * step past one that commits later with a smaller id. Transaction ids are cluster-wide,
 * though, and the snapshot's own `xmin` counts every database's: a seed, a backup or a report
 * writing in another database on the cluster held back every pull here until it ended (the
 * hardening issue's defect 14). Only this database's transactions can write its change log,
 * so those of other databases are left out — as far as `pg_stat_activity` tells them apart.
 * What it cannot place (a transaction that has ended since the snapshot, a prepared one, or
 * any, for a role that may not see other databases' sessions) still counts: at worst a
 * change waits, never is it skipped.
 */
export const SYNC_HORIZON = `(
  SELECT coalesce(
    (SELECT min(x) FROM pg_snapshot_xip(s.snap) x
      WHERE (x::text::bigint & 4294967295) NOT IN (
        SELECT a.backend_xid::text::bigint FROM pg_stat_activity a
         WHERE a.backend_xid IS NOT NULL
           AND a.datid IS DISTINCT FROM (SELECT oid FROM pg_database WHERE datname = current_database()))),
    pg_snapshot_xmax(s.snap))
  FROM (SELECT pg_current_snapshot() AS snap) s)`;
