import type { FirstSyncProgress as Progress } from '../data/replica-db';
import { count } from '../format';

const n = (x: number) => x.toLocaleString('en');

/**
 * What a first sync has brought so far (issue 16, defect 5): the cases received of about
 * how many the service said, as a bar named "First sync", while the queue fills with them.
 * Once every case is in, the bar runs on without a value: conversations and history follow.
 */
export function FirstSyncProgress({ progress }: { progress: Progress }) {
  const { received, expected } = progress;
  const of = expected === null ? null : Math.max(expected, received);
  const casesIn = of !== null && received >= of && received > 0;
  const text =
    of === null
      ? `${count(received, 'case')} received`
      : casesIn
        ? `All ${n(received)} cases received`
        : `${n(received)} of about ${n(of)} cases received`;
  return (
    <div className="first-sync">
      <p>
        <strong>First sync.</strong> {text}.{' '}
        <span className="muted">
          {casesIn
            ? 'Their conversations and history are still arriving.'
            : 'Cases show in the queue as they arrive.'}
        </span>
      </p>
      {casesIn || of === null ? (
        <progress aria-label="First sync" aria-valuetext={text} />
      ) : (
        <progress aria-label="First sync" aria-valuetext={text} max={of} value={received} />
      )}
    </div>
  );
}
