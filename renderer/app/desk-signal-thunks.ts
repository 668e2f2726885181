import { liveQuery } from 'dexie';
import type { Agent } from '../../shared';
import { emptySignals, notificationsFor } from '../../shared/desktop/notification-rules';
import { describeSignals, newKeys, readSignalKeys, type SignalKeys } from '../data/desk-signals';
import type { ReplicaDb } from '../data/replica-db';
import type { AppThunk } from './store';

/**
 * Desktop notifications and the badge, from the replica: whenever it changes (and each
 * minute, for SLAs that come due by the clock alone), tell the host what is new. The
 * first look only records what is there, so opening the app replays nothing. Returns
 * the function that stops watching.
 */
export const watchDeskSignals =
  (db: ReplicaDb, me: Agent): AppThunk<() => void> =>
  (_dispatch, getState, { platform }) => {
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
      const signals = await describeSignals(db, fresh);
      const prefs = getState().host.settings?.notifications;
      if (!prefs) return;
      for (const n of notificationsFor(emptySignals(), signals, prefs)) void platform.notify(n);
    };
    const sub = liveQuery(read).subscribe({ next: (v) => void take(v) });
    const tick = setInterval(() => void read().then(take), 60_000);
    return () => {
      stopped = true;
      sub.unsubscribe();
      clearInterval(tick);
      void platform.setBadgeCount(0);
    };
  };
