import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** The name authenticator apps show above the account. */
export const TOTP_ISSUER = 'Casedesk';

/**
 * How far a code may be from the service's clock, in seconds: one 30-second step either
 * way, for a phone a little off and the time it takes to type.
 */
const TOLERANCE_SECONDS = 30;

export const newTotpSecret = (): string => generateSecret();

export const otpauthUri = (secret: string, email: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: email, secret });

/** The URI as a QR code the workspace can show in an `<img>` (its CSP allows data: images). */
export async function qrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * The time step `code` belongs to when it is right for `secret` at `now`, else null. The
 * caller must still refuse a step at or before the last one accepted (no replays).
 */
export async function matchingTimeStep(
  secret: string,
  code: string,
  now: Date,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  // A TOTP answer carries its time step (HOTP's would not).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
export const RECOVERY_CODE_COUNT = 10;

/** Ten characters of base32 (50 bits): each random byte's low five bits pick one, evenly. */
export function newRecoveryCode(): string {
  return [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
}
