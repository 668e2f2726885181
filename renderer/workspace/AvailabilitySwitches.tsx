import { useEffect } from 'react';
import { AVAILABILITY_HEARTBEAT_MS } from '../../shared';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { reportAvailability } from '../app/presence-thunks';

/**
 * "Available for chat" / "Available for phone": what the help center may offer buyers in
 * this agent's languages. Off at every start (nobody is offered by an app left open from
 * yesterday's shift); repeated every AVAILABILITY_HEARTBEAT_MS while the app runs, since the
 * service counts a report older than two minutes as unavailable — so closing the app, or
 * losing the network, takes the agent off (and out of automatic assignment) by itself.
 */
export function AvailabilitySwitches() {
  const dispatch = useAppDispatch();
  const { chat, phone } = useAppSelector((s) => s.presence.availability);
  const error = useAppSelector((s) => s.presence.availabilityError);
  // Repeated while the app runs, on or off: "off" still says the agent is at work, which
  // automatic assignment of email cases asks (issue 18, docs/routing.md).
  useEffect(() => {
    void dispatch(reportAvailability());
    const beat = setInterval(() => void dispatch(reportAvailability()), AVAILABILITY_HEARTBEAT_MS);
    return () => clearInterval(beat);
  }, [dispatch]);
  return (
    // "Available for" once, then "chat" and "phone": the top bar stays one line from 1280 px,
    // and each switch keeps its whole name ("Available for chat") for assistive technology.
    <div role="group" aria-label="Availability" className="availability">
      <span aria-hidden="true" className="muted">
        Available for
      </span>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          aria-label="Available for chat"
          checked={chat}
          onChange={(e) => void dispatch(reportAvailability({ chat: e.target.checked, phone }))}
        />
        chat
      </label>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          aria-label="Available for phone"
          checked={phone}
          onChange={(e) => void dispatch(reportAvailability({ chat, phone: e.target.checked }))}
        />
        phone
      </label>
      {error && (
        <span role="status" className="error small" title={error}>
          Not reported
        </span>
      )}
    </div>
  );
}
