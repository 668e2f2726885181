import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  NotificationPreferences,
  Settings,
  type SettingsPatch,
  type WindowBounds,
} from '../../shared/desktop/settings';

/** What electron-store (and conf, which it wraps) offers that the settings need. */
export interface KeyValueStore<T> {
  readonly store: T;
  set(object: Partial<T>): void;
}

/**
 * Shape changes between releases, keyed by the version that introduced them (semver, as
 * electron-store runs them). Append only: a shipped entry is never edited.
 */
export const SETTINGS_MIGRATIONS: Record<
  string,
  (store: {
    get(k: string): unknown;
    set(k: string, v: unknown): void;
    delete(k: string): void;
  }) => void
> = {
  // 0.2.0, the first desktop build: nothing earlier to move. The entry pins the version
  // the stored file was written by, so the next shape change has a baseline to migrate from.
  '0.2.0': () => undefined,
};

const { $schema: _drop, ...ROOT_SCHEMA } = z.toJSONSchema(Settings) as Record<string, unknown> & {
  properties: Record<string, unknown>;
};

/**
 * Options for `new ElectronStore(...)` (and `new Conf(...)` in tests): the JSON Schema is
 * generated from the same zod schema the IPC border uses, so the file on disk, the main
 * process and the renderer agree on one shape. A file that no longer validates (edited by
 * hand, written by a newer build) is reset rather than refusing to start: these are
 * preferences, never case data.
 */
export function settingsStoreOptions() {
  // Only the properties go in: conf fills absent keys from the defaults after validating,
  // and keeps its own bookkeeping (the migrated version) beside ours in the same file.
  const { properties } = ROOT_SCHEMA;
  return {
    name: 'settings',
    schema: properties as Record<keyof Settings, object>,
    defaults: DEFAULT_SETTINGS,
    migrations: SETTINGS_MIGRATIONS,
    clearInvalidConfig: true,
  };
}

/** The settings as the rest of the main process uses them. */
export function createSettings(store: KeyValueStore<Settings>) {
  const read = (): Settings => {
    const parsed = Settings.safeParse(store.store);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  };
  return {
    read,
    update(patch: SettingsPatch): Settings {
      const current = read();
      const next: Settings = {
        ...current,
        ...(patch.theme ? { theme: patch.theme } : {}),
        notifications: NotificationPreferences.parse({
          ...current.notifications,
          ...patch.notifications,
        }),
      };
      store.set(next);
      return read();
    },
    useStandalone(): Settings {
      store.set({ mode: 'standalone' });
      return read();
    },
    useServer(url: string): Settings {
      store.set({ mode: 'server', serverUrl: url });
      return read();
    },
    saveWindowBounds(bounds: WindowBounds): void {
      store.set({ windowBounds: bounds });
    },
  };
}
export type SettingsService = ReturnType<typeof createSettings>;
