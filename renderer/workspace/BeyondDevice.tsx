import { useEffect, useState } from 'react';
import { useAppDispatch } from '../app/hooks';
import { fetchRemoteCase } from '../app/remote-search-thunks';
import type { RemoteCaseRead, RemoteHit } from '../data/remote-cases';
import { formatDate, formatDateTime, STATUS_LABELS, TOPIC_LABELS } from '../format';

/** The service's finds for a search that this device does not hold, after the local ones. */
export function NotOnDevice({ hits, onOpen }: { hits: RemoteHit[]; onOpen: (id: string) => void }) {
  if (hits.length === 0) return null;
  return (
    <section aria-labelledby="not-on-device" className="not-on-device">
      <h2 id="not-on-device">Not on this device</h2>
      <p className="muted small">Found by the service; they open read-only.</p>
      <ul>
        {hits.map((h) => (
          <li key={h.id}>
            <button type="button" className="link" onClick={() => onOpen(h.id)}>
              {h.reference}
            </button>{' '}
            · {h.buyerName} · {TOPIC_LABELS[h.topic]} · {STATUS_LABELS[h.status]} · updated{' '}
            {formatDate(h.updatedAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A case this device does not hold, read from the service and shown read-only: what it is,
 * how it ended and its conversation. Nothing here changes it; it is not kept on the device.
 */
export function RemoteCaseView({ id, online }: { id: string; online: boolean }) {
  const dispatch = useAppDispatch();
  const [read, setRead] = useState<{ id: string; detail: RemoteCaseRead | null } | null>(null);
  useEffect(() => {
    if (!online) return;
    let current = true;
    void dispatch(fetchRemoteCase(id)).then((detail) => current && setRead({ id, detail }));
    return () => {
      current = false;
    };
  }, [dispatch, id, online]);

  if (!online) return <p className="muted">This case is not on this device (yet).</p>;
  if (!read || read.id !== id) return <p className="muted">Reading the case from the service…</p>;
  if (!read.detail) return <p className="muted">The service could not give this case.</p>;
  const { case: c, messages, notes } = read.detail;
  const timeline = [
    ...messages.map((m) => ({
      id: m.id,
      at: m.createdAt,
      who: m.from ? `From ${m.from}` : `To ${m.to ?? 'buyer'}`,
      body: m.body,
    })),
    ...notes.map((n) => ({ id: n.id, at: n.createdAt, who: 'Internal note', body: n.body })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <article className="case-view remote-case" aria-labelledby="case-title">
      <header className="case-header">
        <div>
          <h1 id="case-title">{c.reference}</h1>
          <p className="muted">
            {TOPIC_LABELS[c.topic]} · {c.language.toUpperCase()} · {c.channel} ·{' '}
            {STATUS_LABELS[c.status]} · {c.buyer.name}
          </p>
        </div>
      </header>
      <p role="note" className="banner">
        Not on this device: read from the service, read-only.
      </p>
      {c.status === 'resolved' && (
        <p>
          Resolved {formatDateTime(c.resolvedAt)}: {c.resolutionSummary}
        </p>
      )}
      <section aria-label="Conversation" className="panel wide">
        <h2>Conversation</h2>
        <ol className="timeline" aria-label="Messages and notes">
          {timeline.map((t) => (
            <li key={t.id}>
              <div className="muted small">
                {t.who} · {formatDateTime(t.at)}
              </div>
              <p className="body">{t.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
