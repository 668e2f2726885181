import { z } from 'zod';
import { DeliveryStatus } from './integration-events';
import { Timestamp, UtcTimestamp } from './time';

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

/** A delivery as admins see it: one integration event and what became of sending it. */
export const Delivery = z.object({
  id: z.string(),
  type: z.string(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  status: DeliveryStatus,
  attempts: z.number().int().min(0),
  createdAt: UtcTimestamp,
  lastAttemptAt: UtcTimestamp.nullable(),
  /** Only a delivery still being tried has a next try. */
  nextAttemptAt: UtcTimestamp.nullable(),
  lastHttpStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: UtcTimestamp.nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

/** `GET /integration/deliveries`: newest first; `cursor` asks for the next page. */
export const DeliveriesPage = z.object({
  deliveries: z.array(Delivery),
  cursor: z.string().nullable(),
});
export type DeliveriesPage = z.infer<typeof DeliveriesPage>;
