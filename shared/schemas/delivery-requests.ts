import { z } from 'zod';
import { DeliveryStatus } from './integration-events';
import { Timestamp } from './time';

export const DeliveriesQuery = z.strictObject({
  status: DeliveryStatus.exclude(['delivered']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'a cursor from a previous page')
    .optional(),
});
export type DeliveriesQuery = z.infer<typeof DeliveriesQuery>;

export const ReplayRequest = z.strictObject({ from: Timestamp, to: Timestamp });
export type ReplayRequest = z.infer<typeof ReplayRequest>;
