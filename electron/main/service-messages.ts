import { z } from 'zod';

/** What the embedded case service tells the main process. */
export const ServiceMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string().url() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type ServiceMessage = z.infer<typeof ServiceMessage>;
