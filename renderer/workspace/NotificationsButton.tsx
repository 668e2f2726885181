import { useId, useState } from 'react';
import { Time } from '../components/Time';
import type { InboxRead } from '../data/inbox';
import { useModalDialog } from './use-modal-dialog';

export interface NotificationsProps {
  inbox: InboxRead;
  onOpen: (item: InboxRead['items'][number]) => void;
  onMarkAllRead: (ids: string[]) => void;
}

const KIND_LABELS = {
  assigned: 'Assigned to you',
  decision: 'Decision on your proposal',
  buyer_answered: 'Answer on your case',
  approval: 'Waiting for your approval',
  failed: 'Did not go through',
  mention: 'Mentioned you',
} as const;

/**
 * "Notifications" in the header: what happened to me, newest first, unread marked; each
 * opens its case. The unread count shows as a badge and is the button's description, so
 * its name stays exactly "Notifications".
 */
export function NotificationsButton({ inbox, onOpen, onMarkAllRead }: NotificationsProps) {
  const [open, setOpen] = useState(false);
  const countId = useId();
  const titleId = useId();
  const ref = useModalDialog(open);
  return (
    <>
      {/* The badge sits beside the button, not in it: the name stays exactly
          "Notifications" (and matches its visible text); the count is its description. */}
      <span className="notifications-button">
        <button
          type="button"
          aria-describedby={countId}
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        >
          Notifications
        </button>
        <span
          id={countId}
          className={inbox.unread ? 'badge' : 'badge none'}
          data-testid="unread-count"
        >
          {inbox.unread ? `${inbox.unread}` : ''}
          <span className="visually-hidden">
            {inbox.unread === 1 ? ' unread notification' : ` unread notifications`}
          </span>
        </span>
      </span>
      {open && (
        <dialog
          ref={ref}
          aria-labelledby={titleId}
          onClose={() => setOpen(false)}
          className="dialog notifications"
        >
          <h2 id={titleId}>Notifications</h2>
          {inbox.items.length === 0 ? (
            <p className="muted">Nothing happened to you in the last two weeks.</p>
          ) : (
            <ul className="inbox" aria-label="What happened to me">
              {inbox.items.map((i) => (
                <li key={i.id} className={i.read ? 'read' : 'unread'}>
                  <button
                    type="button"
                    onClick={() => {
                      setOpen(false);
                      onOpen(i);
                    }}
                  >
                    <span className="small muted">
                      {i.read ? '' : 'Unread · '}
                      {KIND_LABELS[i.kind]} · <Time at={i.at} />
                    </span>
                    <span className="inbox-text">{i.text}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="row">
            <button
              type="button"
              disabled={inbox.unread === 0}
              onClick={() => onMarkAllRead(inbox.items.filter((i) => !i.read).map((i) => i.id))}
            >
              Mark all as read
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
