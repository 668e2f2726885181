import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * How TOTP secrets are kept. With CASEDESK_SECOND_FACTOR_KEY they are sealed (AES-256-GCM,
 * the agent's id as associated data, so a sealed secret copied onto another account does
 * not open): a copy of the database alone then signs nobody in. Without it they are stored
 * as they are, marked 'plain:' (docs/accounts.md says what that means).
 */
export interface SecretBox {
  seal(secret: string, agentId: string): string;
  open(stored: string, agentId: string): string;
}

export function secretBox(configuredKey: string | null): SecretBox {
  const key = configuredKey
    ? Buffer.from(hkdfSync('sha256', configuredKey, 'casedesk', 'totp-secret-v1', 32))
    : null;
  return {
    seal(secret, agentId) {
      if (!key) return `plain:${secret}`;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(agentId));
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), sealed].map(encode).join(':');
    },
    open(stored, agentId) {
      if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
      const [version, iv, tag, sealed] = stored.split(':');
      if (version !== 'v1' || !iv || !tag || !sealed) throw new Error('unknown secret format');
      if (!key) {
        throw new Error(
          'a second factor was sealed with CASEDESK_SECOND_FACTOR_KEY, which is not set now',
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(agentId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(sealed, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

const encode = (part: string | Buffer) =>
  typeof part === 'string' ? part : part.toString('base64url');
