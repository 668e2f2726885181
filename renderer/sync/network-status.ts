/** Whether this computer believes it has a network, and when that changes. */
export interface NetworkStatus {
  isOnline(): boolean;
  subscribe(onChange: (online: boolean) => void): () => void;
}

/**
 * The window's online/offline events. "Offline" is reliable (no network at all); "online"
 * only means a network exists, so the engine still learns from failed requests.
 */
export function browserNetworkStatus(): NetworkStatus {
  const target = typeof window === 'undefined' ? null : window;
  return {
    isOnline: () => globalThis.navigator?.onLine ?? true,
    subscribe(onChange) {
      if (!target) return () => {};
      const on = () => onChange(true);
      const off = () => onChange(false);
      target.addEventListener('online', on);
      target.addEventListener('offline', off);
      return () => {
        target.removeEventListener('online', on);
        target.removeEventListener('offline', off);
      };
    },
  };
}
