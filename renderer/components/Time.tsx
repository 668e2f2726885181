import { useSyncExternalStore } from 'react';
import { formatDateTime, formatRelativeTime } from '../format';

// One clock for every relative time on screen: a conversation shows dozens, and each
// keeping its own timer would wake the page dozens of times a minute.
const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer)
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
const snapshot = () => (listeners.size ? now : (now = Date.now()));

/** A moment as people say it ("5 minutes ago"), with the exact date and time on hover. */
export function Time({ at }: { at: string }) {
  const current = useSyncExternalStore(subscribe, snapshot);
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelativeTime(at, new Date(current))}
    </time>
  );
}
