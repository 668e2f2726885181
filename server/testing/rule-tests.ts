import { it } from 'vitest';
import type { DatabaseKind } from '../db/database';
import { ruleSuiteDatabaseKinds } from './test-databases';

/**
 * `it` for a test of rules inside a suite of `testDatabaseKinds`: registered on PGlite only,
 * as `ruleSuiteDatabaseKinds` does for whole suites, while the suite's races, locks,
 * triggers, sync snapshots and time values keep running on both. Such a test must not leave
 * state that a later test of its suite needs. (Apart from test-databases.ts, which the chaos
 * runner and the benchmarks import outside vitest.)
 */
export function ruleTestOn(
  kind: DatabaseKind,
): (name: string, fn: () => Promise<void> | void, timeout?: number) => void {
  return ruleSuiteDatabaseKinds().includes(kind)
    ? (name, fn, timeout) => it(name, fn, timeout)
    : () => undefined;
}
