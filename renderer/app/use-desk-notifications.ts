import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import type { Agent } from '../../shared';
import { notificationsFor, type DeskSignals } from '../../shared/desktop/notification-rules';
import { readDeskSignals } from '../data/desk-signals';
import type { ReplicaDb } from '../data/replica-db';
import { platform } from '../platform/platform';

/**
 * Desktop notifications and the badge, from the replica: whenever it changes (and each
 * minute, for SLAs that come due by the clock alone), tell the host what is new.
 */
export function useDeskNotifications(db: ReplicaDb, me: Agent): void {
  useEffect(() => {
    let before: DeskSignals | null = null;
    let stopped = false;
    const read = () => readDeskSignals(db, me, new Date());
    const take = async ({ signals, myOpenCount }: Awaited<ReturnType<typeof read>>) => {
      if (stopped) return;
      const prefs = (await platform.getSettings()).notifications;
      for (const n of notificationsFor(before, signals, prefs)) void platform.notify(n);
      before = signals;
      void platform.setBadgeCount(myOpenCount);
    };
    const sub = liveQuery(read).subscribe({ next: (v) => void take(v) });
    const tick = setInterval(() => void read().then(take), 60_000);
    return () => {
      stopped = true;
      sub.unsubscribe();
      clearInterval(tick);
      void platform.setBadgeCount(0);
    };
  }, [db, me]);
}
