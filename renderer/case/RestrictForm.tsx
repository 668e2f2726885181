import { useState, type FormEvent } from 'react';
import { addDays } from 'date-fns';
import {
  CATEGORY_BY_TOPIC,
  DSA_CATEGORIES,
  DSA_CATEGORY_LABELS,
  EEA_COUNTRIES,
  RESTRICTIONS,
  StatementOfReasons,
  type Case,
  type DsaCategory,
  type EeaCountry,
  type Restriction,
} from '../../shared';
import { fillTemplate } from '../../shared/templates/reply-templates';
import { statementTemplateFor } from '../../shared/templates/statement-of-reasons';
import type { CaseViewContext } from './case-model';
import { Field, FormError } from './Field';
import { useNotices } from './NoticeFields';

const MEASURES: Record<Restriction, string> = {
  suspend: 'Suspend the account',
  block_bidding: 'Block bidding',
  block_selling: 'Block selling',
  block_payouts: 'Block payouts',
};

/** DSA Art. 17: the statement of reasons is built from the topic's template, then edited. */
export function RestrictForm({
  c,
  ctx,
  onDone,
  account,
  related = [],
}: {
  c: Case;
  ctx: CaseViewContext;
  onDone: () => void;
  /** Proposed from the Account view: whose account, fixed. */
  account?: 'buyer' | 'seller';
  /** The party's other cases, offered to link as what the restriction rests on. */
  related?: { id: string; reference: string; label: string }[];
}) {
  const t = statementTemplateFor(c.topic);
  const fill = (s: string) =>
    fillTemplate(s, {
      buyerName: c.buyer.name,
      sellerName: c.order?.seller.name ?? '',
      reference: c.reference,
      lotTitle: c.order?.lotTitle ?? '',
      agentName: ctx.me.name,
    });
  const [subject, setSubject] = useState<'buyer' | 'seller'>(
    account ?? (c.order ? 'seller' : 'buyer'),
  );
  const [linked, setLinked] = useState<string[]>([]);
  const [restriction, setRestriction] = useState<Restriction>(t.suggestedRestriction);
  const [days, setDays] = useState(t.suggestedDays === null ? '' : String(t.suggestedDays));
  // Never pre-filled: the facts are what this agent found on this case.
  const [facts, setFacts] = useState('');
  const [ground, setGround] = useState(fill(t.ground));
  const [groundType, setGroundType] = useState(t.groundType);
  const [automated, setAutomated] = useState(t.automated);
  const [redress, setRedress] = useState(t.redress);
  const [scope, setScope] = useState(t.territorialScope ?? 'EU');
  const [basis, setBasis] = useState(t.basis ?? 'own_investigation');
  // For the DSA transparency database: the category the topic suggests, and no countries
  // chosen (then the territorial scope decides: EU-wide is every EEA country).
  const [category, setCategory] = useState<DsaCategory>(
    CATEGORY_BY_TOPIC[c.topic] ?? 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
  );
  const [automatedDetection, setAutomatedDetection] = useState(false);
  const [countries, setCountries] = useState<EeaCountry[]>([]);
  const [error, setError] = useState<string | string[] | null>(null);
  const untilOf = (text: string) => {
    const n = text.trim() === '' ? null : Number(text);
    return n === null ? null : Number.isInteger(n) && n >= 1 && n <= 3650 ? n : undefined;
  };
  const span = untilOf(days);
  const notices = useNotices(
    c,
    ctx,
    { type: 'restrict_account', subject },
    {
      restriction,
      until:
        span === undefined
          ? undefined
          : span === null
            ? null
            : addDays(ctx.now, span).toISOString(),
      statementOfReasons: { facts, ground, groundType, automated, redress },
    },
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = days.trim() === '' ? null : Number(days);
    const problems: string[] = [];
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > 3650)) {
      problems.push('Duration is a whole number of days (1–3650), or empty for indefinite.');
    }
    if (!facts.trim()) problems.push('Write the facts and circumstances in your own words.');
    const statement = {
      facts,
      ground,
      groundType,
      automated,
      redress,
      territorialScope: scope,
      basis,
      category,
      automatedDetection,
      ...(countries.length > 0 ? { countries } : {}),
    };
    const parsed = StatementOfReasons.safeParse(statement);
    if (!parsed.success) {
      const missing = parsed.error.issues.filter((i) => i.path[0] !== 'facts' || facts.trim());
      if (missing.length)
        problems.push(
          `The statement of reasons is incomplete: ${missing.map((i) => i.path.join('.')).join(', ')}.`,
        );
    }
    const notified = notices.collect();
    if ('error' in notified) problems.push(notified.error);
    if (problems.length || !parsed.success || 'error' in notified) return setError(problems);
    setError(null);
    await ctx.mutate('case.action', {
      caseId: c.id,
      id: crypto.randomUUID(),
      type: 'restrict_account',
      subject,
      restriction,
      until: n === null ? null : addDays(ctx.now, n).toISOString(),
      statementOfReasons: parsed.data,
      ...(linked.length ? { relatedCaseIds: linked } : {}),
      ...notified,
    });
    onDone();
  };

  return (
    <form className="action-form" onSubmit={submit} aria-label="Restrict account">
      <p className="notice">
        A Trust & Safety reviewer other than you must approve every restriction.
      </p>
      <div className="row">
        <Field label="Account">
          {(id) => (
            <select
              id={id}
              value={subject}
              onChange={(e) => setSubject(e.target.value as 'buyer' | 'seller')}
            >
              <option value="buyer">Buyer: {c.buyer.name}</option>
              {c.order && <option value="seller">Seller: {c.order.seller.name}</option>}
            </select>
          )}
        </Field>
        <Field label="Measure">
          {(id) => (
            <select
              id={id}
              value={restriction}
              onChange={(e) => setRestriction(e.target.value as Restriction)}
            >
              {RESTRICTIONS.map((r) => (
                <option key={r} value={r}>
                  {MEASURES[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Duration in days" hint="Empty: until lifted">
          {(id, hint) => (
            <input
              id={id}
              aria-describedby={hint}
              inputMode="numeric"
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          )}
        </Field>
        <Field label="Territorial scope">
          {(id) => <input id={id} value={scope} onChange={(e) => setScope(e.target.value)} />}
        </Field>
      </div>
      <Field
        label="Facts and circumstances"
        hint="What happened and what your review found, in your own words (DSA Art. 17(3)(b))."
      >
        {(id, hint) => (
          <textarea
            id={id}
            aria-describedby={hint}
            rows={3}
            value={facts}
            onChange={(e) => setFacts(e.target.value)}
          />
        )}
      </Field>
      <div className="row">
        <Field label="Basis">
          {(id) => (
            <select
              id={id}
              value={basis}
              onChange={(e) => setBasis(e.target.value as typeof basis)}
            >
              <option value="own_investigation">Own investigation</option>
              <option value="notice">Notice from a third party</option>
            </select>
          )}
        </Field>
        <Field label="Ground type">
          {(id) => (
            <select
              id={id}
              value={groundType}
              onChange={(e) => setGroundType(e.target.value as typeof groundType)}
            >
              <option value="contractual">Contractual (terms of use)</option>
              <option value="legal">Legal</option>
            </select>
          )}
        </Field>
        <label className="inline">
          <input
            type="checkbox"
            checked={automated}
            onChange={(e) => setAutomated(e.target.checked)}
          />{' '}
          Decided with automated means
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={automatedDetection}
            onChange={(e) => setAutomatedDetection(e.target.checked)}
          />{' '}
          Detected by automated means
        </label>
      </div>
      <div className="row">
        <Field label="Category">
          {(id) => (
            <select
              id={id}
              value={category}
              onChange={(e) => setCategory(e.target.value as DsaCategory)}
            >
              {DSA_CATEGORIES.map((k) => (
                <option key={k} value={k}>
                  {DSA_CATEGORY_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Countries" hint="None chosen: as the territorial scope says (EU: all EEA)">
          {(id, hint) => (
            <select
              id={id}
              multiple
              size={3}
              aria-describedby={hint}
              value={countries}
              onChange={(e) =>
                setCountries(Array.from(e.target.selectedOptions, (o) => o.value as EeaCountry))
              }
            >
              {EEA_COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Ground">
        {(id) => (
          <textarea id={id} rows={2} value={ground} onChange={(e) => setGround(e.target.value)} />
        )}
      </Field>
      <Field label="Redress">
        {(id) => (
          <textarea id={id} rows={2} value={redress} onChange={(e) => setRedress(e.target.value)} />
        )}
      </Field>
      {related.length > 0 && (
        <fieldset className="related-cases">
          <legend>Other cases it rests on</legend>
          {related.map((r) => (
            <label key={r.id} className="inline">
              <input
                type="checkbox"
                checked={linked.includes(r.id)}
                onChange={(e) =>
                  setLinked(e.target.checked ? [...linked, r.id] : linked.filter((x) => x !== r.id))
                }
              />{' '}
              {r.reference} · {r.label}
            </label>
          ))}
        </fieldset>
      )}
      {notices.fields}
      <FormError message={error} />
      <button type="submit" className="primary">
        Propose restriction
      </button>
    </form>
  );
}
