import type { SafeStorage } from 'electron';
import { StoredSession, type CredentialProtection } from '../../shared/desktop/ipc-contract';

export type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> & { getSelectedStorageBackend?: () => string };

export interface BlobStore {
  get(key: 'session'): string | undefined;
  set(key: 'session', value: string): void;
  delete(key: 'session'): void;
}

export interface Logger {
  warn(message: string): void;
}

/**
 * The session token, encrypted with the OS keychain through Electron's safeStorage; the
 * file holds only ciphertext. Without any encryption the token stays in memory for this
 * run (the agent signs in again next start); with Linux's "basic_text" fallback it is
 * stored but only obfuscated, and the agent is told so.
 */
export function createCredentialVault(
  safeStorage: SafeStorageApi,
  store: BlobStore,
  platform: NodeJS.Platform,
  log: Logger,
) {
  let inMemory: StoredSession | null = null;

  const protection = (): CredentialProtection => {
    if (!safeStorage.isEncryptionAvailable()) return 'memory-only';
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return 'weak';
    }
    return 'keychain';
  };

  return {
    protection,
    save(session: StoredSession): CredentialProtection {
      const level = protection();
      inMemory = session;
      if (level === 'memory-only') {
        store.delete('session');
        log.warn('no OS encryption available: the session is kept in memory only');
        return level;
      }
      if (level === 'weak') {
        log.warn('no secret store (Linux basic_text): the session token is only weakly protected');
      }
      const cipher = safeStorage.encryptString(JSON.stringify(StoredSession.parse(session)));
      store.set('session', cipher.toString('base64'));
      return level;
    },
    load(): StoredSession | null {
      if (inMemory) return inMemory;
      const blob = store.get('session');
      if (!blob || !safeStorage.isEncryptionAvailable()) return null;
      try {
        const parsed = StoredSession.safeParse(
          JSON.parse(safeStorage.decryptString(Buffer.from(blob, 'base64'))),
        );
        if (parsed.success) return (inMemory = parsed.data);
      } catch {
        // A keychain that changed (new machine, reset login) cannot decrypt the old blob.
      }
      log.warn('the stored session could not be read; signing in again is needed');
      store.delete('session');
      return null;
    },
    clear(): void {
      inMemory = null;
      store.delete('session');
    },
  };
}
export type CredentialVault = ReturnType<typeof createCredentialVault>;
