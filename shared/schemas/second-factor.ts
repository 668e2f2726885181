import { z } from 'zod';
import { Role, RecoveryCode, TotpCode } from './agent';
import { UtcTimestamp } from './common';
import { PasswordInput } from './accounts';

/** `GET /me/second-factor`: where the caller stands with two-step sign-in. */
export const SecondFactorStatus = z.object({
  /** Confirmed and asked for at every password sign-in. */
  active: z.boolean(),
  confirmedAt: UtcTimestamp.nullable(),
  /** Recovery codes not used yet. */
  recoveryCodesLeft: z.number().int().min(0),
  /** The admins' setting asks it of one of the caller's roles. */
  required: z.boolean(),
  /** This session may do nothing but set it up (see enrolmentRequired in shared/second-factor). */
  enrolmentRequired: z.boolean(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

/** `POST /me/second-factor`: a new secret, not asked for until confirmed with a code. */
export const SecondFactorEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code, an SVG `data:` URL an `<img>` can show. */
  qrCode: z.string(),
});
export type SecondFactorEnrolment = z.infer<typeof SecondFactorEnrolment>;

export const ConfirmSecondFactorRequest = z.strictObject({ code: TotpCode });
export type ConfirmSecondFactorRequest = z.infer<typeof ConfirmSecondFactorRequest>;

/** Shown once: the service keeps only their hashes. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** Turning it off proves it is the owner: the current password, a code, or a recovery code. */
export const DisableSecondFactorRequest = z
  .strictObject({
    password: PasswordInput.optional(),
    code: TotpCode.optional(),
    recoveryCode: RecoveryCode.optional(),
  })
  .refine(
    (b) => [b.password, b.code, b.recoveryCode].filter((v) => v !== undefined).length === 1,
    'one of password, code or recoveryCode',
  );
export type DisableSecondFactorRequest = z.infer<typeof DisableSecondFactorRequest>;

/** The admins' setting: which roles must use two-step sign-in with a password. */
export const SecondFactorPolicy = z.strictObject({
  requiredFor: z
    .array(Role)
    .max(Role.options.length)
    .refine((r) => new Set(r).size === r.length, 'each role once'),
});
export type SecondFactorPolicy = z.infer<typeof SecondFactorPolicy>;
