import { useState } from 'react';
import type { MessageDelivery } from '../../shared';
import { useAppDispatch } from '../app/hooks';
import { retryMessage } from '../attachments/attachment-thunks';
import { formatDateTime } from '../format';

const LABEL: Record<MessageDelivery['status'], string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  not_configured: 'Not sent: not configured',
};

/**
 * Where an outgoing message stands on its way out, as the last sync brought it (so it
 * shows offline too). A failed one says why and can be sent again.
 */
export function DeliveryState({
  messageId,
  delivery,
  canRetry,
}: {
  messageId: string;
  delivery: MessageDelivery;
  canRetry: boolean;
}) {
  const dispatch = useAppDispatch();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      await dispatch(retryMessage(messageId));
    } catch (err) {
      setError(`Not retried: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`delivery ${delivery.status}`}>
      <span className="delivery-status">
        {LABEL[delivery.status]}
        {delivery.status === 'sent' && delivery.sentAt
          ? ` · ${formatDateTime(delivery.sentAt)}`
          : ''}
        {delivery.status === 'queued' && delivery.attempts > 0
          ? ` · ${delivery.attempts} ${delivery.attempts === 1 ? 'try' : 'tries'} so far`
          : ''}
      </span>
      {delivery.status === 'not_configured' && (
        <span className="muted small">
          {' '}
          — no mail server or help-center connection is set up, so it stays here.
        </span>
      )}
      {delivery.status !== 'sent' && delivery.lastError && (
        <span className="small"> — {delivery.lastError}</span>
      )}
      {delivery.status === 'failed' && canRetry && (
        <button type="button" onClick={() => void retry()} disabled={busy}>
          Retry
        </button>
      )}
      {error && (
        <span role="alert" className="error small">
          {' '}
          {error}
        </span>
      )}
    </div>
  );
}
