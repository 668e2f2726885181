import { describe, expect, it } from 'vitest';
import { createCredentialVault, type BlobStore, type SafeStorageApi } from './credential-vault';

const session = {
  token: 'secret-token-123',
  agent: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Ana Agent',
    email: 'ana@example.com',
    roles: ['agent' as const],
    languages: ['en' as const],
    refundLimit: { amount: 50_000, currency: 'EUR' as const },
    active: true,
    lastSeenAt: null,
  },
};

// A stand-in for the OS keychain: reversible, but nothing like the plain text.
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageApi {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
    getSelectedStorageBackend: () => backend,
  };
}

function memoryStore(): BlobStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (k) => data.get(k),
    set: (k, v) => void data.set(k, v),
    delete: (k) => void data.delete(k),
  };
}

const quiet = {
  warnings: [] as string[],
  warn(m: string) {
    this.warnings.push(m);
  },
};

describe('the credential vault', () => {
  it('stores the session only as ciphertext, readable again after a restart', () => {
    const store = memoryStore();
    const vault = createCredentialVault(fakeSafeStorage(), store, 'linux', quiet);
    expect(vault.save(session)).toBe('keychain');
    expect(store.data.get('session')).not.toContain('secret-token-123');
    expect(Buffer.from(store.data.get('session')!, 'base64').toString()).not.toContain('secret');
    const restarted = createCredentialVault(fakeSafeStorage(), store, 'linux', quiet);
    expect(restarted.load()).toEqual(session);
  });

  it('says so when Linux has no secret store and only obfuscates', () => {
    const log = {
      warnings: [] as string[],
      warn(m: string) {
        this.warnings.push(m);
      },
    };
    const vault = createCredentialVault(
      fakeSafeStorage(true, 'basic_text'),
      memoryStore(),
      'linux',
      log,
    );
    expect(vault.save(session)).toBe('weak');
    expect(log.warnings.join()).toMatch(/weakly protected/);
  });

  it('keeps the session in memory only when the OS offers no encryption', () => {
    const store = memoryStore();
    const vault = createCredentialVault(fakeSafeStorage(false), store, 'linux', quiet);
    expect(vault.save(session)).toBe('memory-only');
    expect(store.data.size).toBe(0);
    expect(vault.load()).toEqual(session);
    expect(createCredentialVault(fakeSafeStorage(false), store, 'linux', quiet).load()).toBeNull();
  });

  it('keeps a stored session whose agent has a role this version does not know, ignoring that role', () => {
    const store = memoryStore();
    const safe = fakeSafeStorage();
    // Saved by a newer app, for an agent the service has since given a new role.
    const newer = { ...session, agent: { ...session.agent, roles: ['quality_coach', 'agent'] } };
    store.set('session', safe.encryptString(JSON.stringify(newer)).toString('base64'));
    const vault = createCredentialVault(safe, store, 'linux', quiet);
    expect(vault.load()).toEqual(session);
    expect(store.data.has('session')).toBe(true);
  });

  it('forgets a blob it can no longer decrypt instead of failing to start', () => {
    const store = memoryStore();
    store.set('session', Buffer.from('garbage').toString('base64'));
    const vault = createCredentialVault(fakeSafeStorage(), store, 'darwin', quiet);
    expect(vault.load()).toBeNull();
    expect(store.data.has('session')).toBe(false);
  });

  it('clears the session on sign-out', () => {
    const store = memoryStore();
    const vault = createCredentialVault(fakeSafeStorage(), store, 'win32', quiet);
    vault.save(session);
    vault.clear();
    expect(vault.load()).toBeNull();
    expect(store.data.size).toBe(0);
  });
});
