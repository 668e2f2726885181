import { useState, type ReactNode } from 'react';
import { LANGUAGE_NAMES, LIMITS, type ActionNotify, type Case, type Party } from '../../shared';
import {
  actionNoticeText,
  noticeKinds,
  type NoticeKind,
  type NoticeSubject,
  type NoticeValues,
} from '../../shared/templates/action-notices';
import type { CaseViewContext } from './case-model';
import { Field } from './Field';

/** An edit belongs to the text it was made to: another kind of notice starts afresh. */
type Drafts = Record<Party, { on: boolean; edited: { kind: NoticeKind; text: string } | null }>;

const PARTIES = ['buyer', 'seller'] as const;

export interface Notices {
  /** The checkboxes and texts, for the form to place. */
  fields: ReactNode;
  /** What the action request carries, or why it cannot go yet. */
  collect(): { notify?: ActionNotify } | { error: string };
}

/**
 * "Notify buyer" / "Notify seller" on an action form: on by default, each with its text
 * prefilled from the action's template in that party's language. Until the agent edits a
 * text it follows the form (amount, measure, end); once edited it is theirs. The texts
 * go with the proposal and are sent only when the action takes effect.
 */
export function useNotices(
  c: Case,
  ctx: CaseViewContext,
  subject: NoticeSubject,
  values: Pick<NoticeValues, 'amount' | 'restriction' | 'until' | 'statementOfReasons'>,
): Notices {
  const [drafts, setDrafts] = useState<Drafts>({
    buyer: { on: true, edited: null },
    // Mail to a seller without an address would be refused: off unless there is one.
    seller: { on: !!c.order?.seller.email, edited: null },
  });
  const kinds = noticeKinds(subject);
  const languageOf = (p: Party) =>
    p === 'seller' ? (c.order?.seller.language ?? c.language) : c.language;
  const textOf = (p: Party) => {
    const edited = drafts[p].edited;
    if (edited && edited.kind === kinds[p]) return edited.text;
    return actionNoticeText(kinds[p]!, p, languageOf(p), {
      buyerName: c.buyer.name,
      sellerName: c.order?.seller.name ?? '',
      reference: c.reference,
      lotTitle: c.order?.lotTitle ?? '',
      agentName: ctx.me.name,
      ...values,
    });
  };
  const parties = PARTIES.filter((p) => kinds[p] !== undefined);
  const set = (p: Party, d: Partial<Drafts[Party]>) =>
    setDrafts((all) => ({ ...all, [p]: { ...all[p], ...d } }));

  const fields = (
    <fieldset className="notices">
      <legend>Notices</legend>
      {parties.map((p) => (
        <div key={p} className="notice-party">
          <label className="inline">
            <input
              type="checkbox"
              checked={drafts[p].on}
              onChange={(e) => set(p, { on: e.target.checked })}
            />{' '}
            Notify {p}
          </label>
          {drafts[p].on && (
            <Field
              label={`Message to the ${p}`}
              hint={`In ${LANGUAGE_NAMES[languageOf(p)]}; sent when the action takes effect.${
                p === 'seller' && !c.order?.seller.email
                  ? ' Casedesk has no email address for this seller.'
                  : ''
              }`}
            >
              {(id, hint) => (
                <textarea
                  id={id}
                  aria-describedby={hint}
                  rows={6}
                  value={textOf(p)}
                  onChange={(e) => set(p, { edited: { kind: kinds[p]!, text: e.target.value } })}
                />
              )}
            </Field>
          )}
        </div>
      ))}
    </fieldset>
  );

  const collect = (): { notify?: ActionNotify } | { error: string } => {
    const notify: ActionNotify = {};
    for (const p of parties) {
      if (!drafts[p].on) continue;
      const text = textOf(p).trim();
      if (!text) return { error: `Write the message to the ${p}, or untick "Notify ${p}".` };
      if (/\{\w+\}/.test(text)) {
        return { error: `Fill in the gaps marked with { } in the message to the ${p}.` };
      }
      if (text.length > LIMITS.body) {
        return { error: `The message to the ${p} may have at most ${LIMITS.body} characters.` };
      }
      notify[p] = text;
    }
    return Object.keys(notify).length ? { notify } : {};
  };

  return { fields, collect };
}

/** A referral is never announced: shown, off and locked, so nobody wonders where it went. */
export function NoNotices() {
  return (
    <fieldset className="notices">
      <legend>Notices</legend>
      <label className="inline">
        <input type="checkbox" checked={false} disabled aria-describedby="no-referral-notice" />{' '}
        Notify buyer
      </label>
      <p id="no-referral-notice" className="hint">
        Neither the buyer nor the seller is told of a referral, so that the person referred is not
        tipped off.
      </p>
    </fieldset>
  );
}
