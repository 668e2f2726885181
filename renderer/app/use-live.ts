import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

export interface Live<T> {
  value: T;
  /**
   * False from the moment the inputs change until the query answers for them: until then
   * `value` is the previous inputs' answer (kept so the screen does not flash empty), which
   * the screen marks busy and must not take for the new one's.
   */
  current: boolean;
}

/** A Dexie live query as React state: re-runs whenever the tables it read change, in any window. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): Live<T> {
  const [state, setState] = useState<{ deps: unknown[] | null; value: T }>({
    deps: null,
    value: initial,
  });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ deps, value }),
      error: () => undefined,
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  const current =
    state.deps !== null &&
    state.deps.length === deps.length &&
    state.deps.every((d, i) => Object.is(d, deps[i]));
  return { value: state.value, current };
}
