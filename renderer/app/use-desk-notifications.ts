import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import type { Agent } from '../../shared';
import { emptySignals, notificationsFor } from '../../shared/desktop/notification-rules';
import { describeSignals, newKeys, readSignalKeys, type SignalKeys } from '../data/desk-signals';
import type { ReplicaDb } from '../data/replica-db';
import { platform } from '../platform/platform';

/**
 * Desktop notifications and the badge, from the replica: whenever it changes (and each
 * minute, for SLAs that come due by the clock alone), tell the host what is new. The
 * first look only records what is there, so opening the app replays nothing.
 */
export function useDeskNotifications(db: ReplicaDb, me: Agent): void {
  useEffect(() => {
    let before: SignalKeys | null = null;
    let stopped = false;
    const read = () => readSignalKeys(db, me, new Date());
    const take = async ({ keys, myOpenCount }: Awaited<ReturnType<typeof read>>) => {
      if (stopped) return;
      void platform.setBadgeCount(myOpenCount);
      const previous = before;
      before = keys;
      if (!previous) return;
      const fresh = newKeys(previous, keys);
      if (Object.values(fresh).every((k) => k.length === 0)) return;
      const [signals, settings] = await Promise.all([
        describeSignals(db, fresh),
        platform.getSettings(),
      ]);
      for (const n of notificationsFor(emptySignals(), signals, settings.notifications)) {
        void platform.notify(n);
      }
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
