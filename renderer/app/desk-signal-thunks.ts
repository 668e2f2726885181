import { liveQuery } from 'dexie';
import type { Agent } from '../../shared';
import { emptySignals, notificationsFor } from '../../shared/desktop/notification-rules';
import {
  describeSignals,
  mergeKeys,
  newKeys,
  readSignalKeys,
  type SignalKeys,
} from '../data/desk-signals';
import type { ReplicaDb } from '../data/replica-db';
import { inboxChanged, inboxEmptied } from './inbox-slice';
import type { AppThunk } from './store';

/** How long the replica must be still, and not pulling, before what is new is told. */
export const QUIET_MS = 300;

/**
 * Desktop notifications and the badge, from the replica: whenever it changes (and each
 * minute, for SLAs that come due by the clock alone), tell the host what is new. The
 * first look only records what is there, so opening the app replays nothing. Returns
 * the function that stops watching.
 */
export const watchDeskSignals =
  (db: ReplicaDb, me: Agent): AppThunk<() => void> =>
  (dispatch, getState, { platform }) => {
    let before: SignalKeys | null = null;
    let stopped = false;
    // What is new but not yet told: a sync applies page after page, so news is held until
    // the pull is over and the replica quiet a moment, then told together (summarised when
    // many: describeSignals).
    let held: SignalKeys | null = null;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const tell = async () => {
      const keys = held;
      held = null;
      if (!keys || stopped) return;
      const signals = await describeSignals(db, keys);
      const prefs = getState().host.settings?.notifications;
      if (!prefs) return;
      for (const n of notificationsFor(emptySignals(), signals, prefs)) void platform.notify(n);
    };
    const read = () => readSignalKeys(db, me, new Date());
    const take = ({ keys, myOpenCount, inbox }: Awaited<ReturnType<typeof read>>) => {
      if (stopped) return;
      void platform.setBadgeCount(myOpenCount);
      // The Notifications list shows this same read (inbox-slice): the events read once.
      dispatch(inboxChanged(inbox));
      const previous = before;
      before = keys;
      if (!previous) return;
      const fresh = newKeys(previous, keys);
      if (Object.values(fresh).every((k) => k.length === 0)) return;
      held = held ? mergeKeys(held, fresh) : fresh;
      clearTimeout(quiet);
      const later = () => {
        // Still pulling (a first sync, a catch-up): more pages may bring more news.
        if (getState().sync.phase === 'pulling') quiet = setTimeout(later, QUIET_MS);
        else void tell();
      };
      quiet = setTimeout(later, QUIET_MS);
    };
    const sub = liveQuery(read).subscribe({ next: take });
    const tick = setInterval(() => void read().then(take), 60_000);
    return () => {
      stopped = true;
      clearTimeout(quiet);
      sub.unsubscribe();
      clearInterval(tick);
      void platform.setBadgeCount(0);
      dispatch(inboxEmptied());
    };
  };
