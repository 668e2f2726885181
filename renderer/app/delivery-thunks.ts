import type { DeliveriesPage, Delivery, DeliveryStatus } from '../../shared';
import { fetchDeliveries, resendDelivery } from './api-client';
import type { AppThunk } from './store';

export type WatchedDeliveryStatus = Exclude<DeliveryStatus, 'delivered'>;

function tokenOf(extra: { connection: { get(): { token: string } | null } }): string {
  const c = extra.connection.get();
  if (!c) throw new Error('Sign in first.');
  return c.token;
}

/**
 * The Deliveries view reads the service directly: deliveries are not synced (only admins
 * see them, and only while they look), so there is nothing to keep in the replica.
 */
export const loadDeliveries =
  (status: WatchedDeliveryStatus): AppThunk<Promise<DeliveriesPage>> =>
  (_dispatch, _getState, extra) =>
    fetchDeliveries(extra.serverUrl, tokenOf(extra), status);

export const retryDelivery =
  (id: string): AppThunk<Promise<Delivery>> =>
  (_dispatch, _getState, extra) =>
    resendDelivery(extra.serverUrl, tokenOf(extra), id);
