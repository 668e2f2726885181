import { z } from 'zod';
import { PayoutStatus, ShippingStatus } from './case';
import { LIMITS, text } from './common';
import { Timestamp } from './time';

/** `POST /integration/actions/:id/result`: what the marketplace did with a requested action. */
export const ActionResultRequest = z.strictObject({
  status: z.enum(['executed', 'failed']),
  externalRef: text(LIMITS.externalId).optional(),
  reason: text(LIMITS.reason).optional(),
});
export type ActionResultRequest = z.infer<typeof ActionResultRequest>;

/** `PATCH /integration/orders/:externalId`: order facts after intake; at least one. */
export const OrderUpdateRequest = z
  .strictObject({
    shippingStatus: ShippingStatus.optional(),
    shippedAt: Timestamp.nullable().optional(),
    deliveredAt: Timestamp.nullable().optional(),
    trackingNumber: text(LIMITS.shortText).nullable().optional(),
    payoutStatus: PayoutStatus.optional(),
  })
  .refine((o) => Object.keys(o).length > 0, { message: 'give at least one field to change' });
export type OrderUpdateRequest = z.infer<typeof OrderUpdateRequest>;
