import { z } from 'zod';

/** Where the sign-in returns: a loopback address of the desktop app, or the service's own origin. */
export const OidcStartQuery = z.strictObject({
  redirect_uri: z.string().min(1).max(2_000),
});
export type OidcStartQuery = z.infer<typeof OidcStartQuery>;

/** What the provider sends back: a code and our state, or an error (other parameters pass). */
export const OidcCallbackQuery = z
  .object({
    state: z.string().min(1).max(500),
    code: z.string().min(1).max(4_000).optional(),
    error: z.string().max(200).optional(),
  })
  .catchall(z.string().max(4_000));
export type OidcCallbackQuery = z.infer<typeof OidcCallbackQuery>;

export const OidcExchangeRequest = z.strictObject({ code: z.string().min(1).max(200) });
export type OidcExchangeRequest = z.infer<typeof OidcExchangeRequest>;
