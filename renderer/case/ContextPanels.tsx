import { LANGUAGE_NAMES, reportingWindow, restrictionState, type Case } from '../../shared';
import type { ActionRead } from '../data/read-schemas';
import { STATUS_LABELS, TOPIC_LABELS, formatDate, formatDateTime, money } from '../format';
import { formatDistanceStrict } from 'date-fns';
import { othersThan, type PartyFiguresRow } from '../data/party-figures';
import type { AccountRef } from '../app/ui-slice';
import type { CaseDetail } from './case-model';

const SHOWN = 20;

function History({
  cases,
  total,
  label,
  onOpen,
}: {
  cases: Case[];
  total: number;
  label: string;
  onOpen?: (id: string) => void;
}) {
  if (cases.length === 0) return <p className="muted">No earlier cases.</p>;
  return (
    <>
      {total > SHOWN && (
        <p className="muted small">
          The latest {SHOWN} of {total.toLocaleString()}.
        </p>
      )}
      <ul className="history-list" aria-label={label}>
        {cases.slice(0, SHOWN).map((c) => (
          <li key={c.id}>
            <a
              className="mono"
              href={`#/cases/${c.reference}`}
              onClick={(e) => {
                e.preventDefault();
                onOpen?.(c.id);
              }}
            >
              {c.reference}
            </a>{' '}
            · {TOPIC_LABELS[c.topic]} · {STATUS_LABELS[c.status]} · {formatDate(c.createdAt)}
            {c.resolutionSummary && (
              <div className="muted small">Outcome: {c.resolutionSummary}</div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Restrictions in force on an account, as executed restrict_account actions not yet ended show them. */
function Restrictions({ actions }: { actions: ActionRead[] }) {
  // In force by the service's word (its end recorded), not by this screen's clock.
  const active = actions.filter(
    (a) => a.type === 'restrict_account' && restrictionState(a) === 'in_effect',
  );
  if (active.length === 0) return <p className="muted">No restrictions.</p>;
  return (
    <ul className="tags">
      {active.map((a) =>
        a.type === 'restrict_account' ? (
          <li key={a.id} className="tag danger">
            {a.restriction.replace('_', ' ')}{' '}
            {a.until ? `until ${formatDate(a.until)}` : '(indefinite)'}
          </li>
        ) : null,
      )}
    </ul>
  );
}

const READING = <p className="muted small">Reading…</p>;

/**
 * Where the figures above come from: the service (every case of the party, with the age of
 * the reading when it was not just now) or, until it has answered once, this device alone —
 * never a partial count passed off as the whole.
 */
function FiguresSource({ figures }: { figures: PartyFiguresRow | null }) {
  if (!figures) {
    return (
      <p className="muted small" aria-label="Where these figures come from">
        Counted on this device only; the service’s figures show once it is reachable.
      </p>
    );
  }
  const age = Date.now() - new Date(figures.at).getTime();
  return (
    <p className="muted small" aria-label="Where these figures come from">
      Counted by the service
      {age > 60_000 ? `, ${formatDistanceStrict(new Date(figures.at), new Date())} ago` : ''}.
    </p>
  );
}

export function BuyerPanel({
  detail,
  onOpenCase,
  onOpenAccount,
}: {
  detail: CaseDetail;
  onOpenCase?: (id: string) => void;
  onOpenAccount?: (a: AccountRef) => void;
}) {
  const b = detail.case.buyer;
  const party = detail.party;
  const served = party?.buyerFigures ? othersThan(party.buyerFigures, detail.case) : null;
  const earlier = served ? served.total : party ? party.buyerCaseCount - 1 : null;
  return (
    <section aria-label="Buyer" className="panel">
      <h2>Buyer</h2>
      {onOpenAccount && (
        <button
          type="button"
          className="open-account"
          onClick={() =>
            onOpenAccount({ kind: 'buyer', id: b.id, externalId: b.externalId, name: b.name })
          }
        >
          Open account
        </button>
      )}
      <dl className="facts">
        <dt>Name</dt>
        <dd>{b.name}</dd>
        <dt>Email</dt>
        <dd>{b.email}</dd>
        <dt>Language</dt>
        <dd>{LANGUAGE_NAMES[b.language]}</dd>
        <dt>Country</dt>
        <dd>{b.country}</dd>
        <dt>Customer since</dt>
        <dd>{formatDate(b.buyerSince)}</dd>
        <dt>Earlier cases</dt>
        <dd>{earlier === null ? '…' : earlier.toLocaleString()}</dd>
      </dl>
      {party && <FiguresSource figures={party.buyerFigures} />}
      <h3>Restrictions</h3>
      {party ? (
        <Restrictions
          actions={party.restrictionActions.filter(
            (a) => a.type === 'restrict_account' && a.subject === 'buyer',
          )}
        />
      ) : (
        READING
      )}
      <h3>Earlier cases</h3>
      {party ? (
        <History
          cases={party.buyerCases}
          total={earlier ?? 0}
          label="Buyer's earlier cases"
          onOpen={onOpenCase}
        />
      ) : (
        READING
      )}
    </section>
  );
}

export function OrderPanel({ detail }: { detail: CaseDetail }) {
  const o = detail.case.order;
  const reported = reportingWindow(detail.case);
  return (
    <section aria-label="Order" className="panel">
      <h2>Order</h2>
      {!o ? (
        <p className="muted">This case is not about an order.</p>
      ) : (
        <dl className="facts">
          <dt>Object</dt>
          <dd>{o.lotTitle}</dd>
          <dt>Category</dt>
          <dd>{o.category}</dd>
          <dt>Paid</dt>
          <dd>{money(o.amountPaid)}</dd>
          {o.fees && (
            <>
              <dt>Fees</dt>
              <dd>{money(o.fees)}</dd>
            </>
          )}
          <dt>Refunded</dt>
          <dd>{money(o.refundedAmount)}</dd>
          <dt>Refundable</dt>
          <dd>{money(o.refundable)}</dd>
          <dt>Payout to seller</dt>
          <dd>
            {o.payoutStatus === 'held'
              ? 'Held by the marketplace'
              : o.payoutStatus === 'released'
                ? 'Already paid out'
                : 'Unknown'}
          </dd>
          <dt>Order status</dt>
          <dd>{o.status === 'cancelled' ? 'Cancelled' : 'Active'}</dd>
          <dt>Ordered</dt>
          <dd>{formatDateTime(o.orderedAt)}</dd>
          <dt>Shipping</dt>
          <dd>
            {o.shippingStatus.replace('_', ' ')}
            {o.shippedAt && `, shipped ${formatDate(o.shippedAt)}`}
            {o.deliveredAt && `, delivered ${formatDate(o.deliveredAt)}`}
          </dd>
          <dt>Tracking</dt>
          <dd className="mono">{o.trackingNumber ?? '—'}</dd>
          {reported && (
            <>
              <dt>Reported</dt>
              <dd className={`window ${reported.state}`}>{reported.label}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

export function SellerPanel({
  detail,
  onOpenCase,
  onOpenAccount,
}: {
  detail: CaseDetail;
  onOpenCase?: (id: string) => void;
  onOpenAccount?: (a: AccountRef) => void;
}) {
  const s = detail.case.order?.seller;
  const party = detail.party;
  // Counted over all the seller's cases on this device, not just the ones listed below.
  const self = detail.case;
  const counts = party?.sellerCounts;
  const served = party?.sellerFigures ? othersThan(party.sellerFigures, self) : null;
  const others = served
    ? { cases: served.total, open: served.open, counterfeit: served.topic('counterfeit_suspected') }
    : counts && {
        cases: counts.cases - 1,
        open: counts.open - (self.status !== 'resolved' ? 1 : 0),
        counterfeit: counts.counterfeit - (self.topic === 'counterfeit_suspected' ? 1 : 0),
      };
  return (
    <section aria-label="Seller" className="panel">
      <h2>Seller</h2>
      {!s ? (
        <p className="muted">No seller on this case.</p>
      ) : (
        <>
          {onOpenAccount && (
            <button
              type="button"
              className="open-account"
              onClick={() =>
                onOpenAccount({ kind: 'seller', id: s.id, externalId: s.externalId, name: s.name })
              }
            >
              Open account
            </button>
          )}
          <dl className="facts">
            <dt>Name</dt>
            <dd>{s.name}</dd>
            <dt>Country</dt>
            <dd>{s.country}</dd>
            <dt>Rating</dt>
            <dd>{s.rating === null ? '—' : `${s.rating.toFixed(1)} / 5`}</dd>
            <dt>Other cases</dt>
            <dd>
              {others
                ? `${others.cases.toLocaleString()} (${others.open.toLocaleString()} open)`
                : '…'}
            </dd>
            <dt>Counterfeit complaints</dt>
            <dd className={others && others.counterfeit >= 3 ? 'danger-text' : undefined}>
              {others ? others.counterfeit : '…'}
            </dd>
            <dt>Contacted first</dt>
            <dd>{detail.case.contactedSellerFirst ? 'Yes, by the buyer' : 'No'}</dd>
          </dl>
          {party && <FiguresSource figures={party.sellerFigures} />}
          {detail.case.sellerReply && (
            <blockquote className="quote" aria-label="Seller's reply to the buyer">
              {detail.case.sellerReply}
            </blockquote>
          )}
          <h3>Restrictions</h3>
          {party ? (
            <Restrictions
              actions={party.restrictionActions.filter(
                (a) => a.type === 'restrict_account' && a.subject === 'seller',
              )}
            />
          ) : (
            READING
          )}
          <h3>Other cases</h3>
          {party ? (
            <History
              cases={party.sellerCases}
              total={others?.cases ?? 0}
              label="Seller's other cases"
              onOpen={onOpenCase}
            />
          ) : (
            READING
          )}
        </>
      )}
    </section>
  );
}
