import { useEffect, useState, type FormEvent } from 'react';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { LIMITS, repliedAgo, replyCollision, type MessageDelivery, type Party } from '../../shared';
import { replyTyped } from '../app/presence-slice';
import { localFiles } from '../attachments/attachment-thunks';
import { AttachmentList, type ShownFile } from './AttachmentList';
import { ComposerFiles, useComposerFiles, type ChosenFile } from './ComposerFiles';
import { DeliveryState } from './DeliveryState';
import { fillTemplate, templatesFor } from '../../shared/templates/reply-templates';
import { editDraft, restoreDrafts } from '../app/draft-thunks';
import { money } from '../format';
import { Time } from '../components/Time';
import { agentName, type CaseDetail, type CaseViewContext, type PendingChange } from './case-model';
import { Field, FormError } from './Field';

interface TimelineItem {
  key: string;
  at: string;
  kind: 'in' | 'out' | 'note';
  who: string;
  party?: Party;
  body: string;
  pending?: boolean;
  rejected?: string;
  /** Outgoing messages the service has: how they left. */
  delivery?: MessageDelivery;
  files: ShownFile[];
  /** Files of a message still in the outbox, waiting on this device. */
  waitingFileIds: string[];
}

const fileIdsOf = (args: Record<string, unknown>): string[] =>
  Array.isArray(args.attachmentIds)
    ? args.attachmentIds.filter((x): x is string => typeof x === 'string')
    : [];

function timeline(
  detail: CaseDetail,
  ctx: CaseViewContext,
  pending: PendingChange[],
): TimelineItem[] {
  // What the outbox says a message or note not yet confirmed will carry.
  const waiting = new Map(
    pending
      .filter((p) => p.op === 'case.message' || p.op === 'case.note')
      .map((p) => [(p.args.id as string | undefined) ?? p.id, fileIdsOf(p.args)]),
  );
  const items: TimelineItem[] = [
    ...detail.messages.map((m): TimelineItem => ({
      key: m.id,
      at: m.createdAt,
      kind: m.from ? 'in' : 'out',
      who: m.from
        ? m.from === 'buyer'
          ? detail.case.buyer.name
          : 'Seller'
        : agentName(ctx, m.authorId),
      party: m.to ?? m.from,
      body: m.body,
      ...('pending' in m ? { pending: true } : {}),
      ...(m.delivery && !('pending' in m) ? { delivery: m.delivery } : {}),
      files: m.attachments ?? [],
      waitingFileIds: m.attachments?.length ? [] : (waiting.get(m.id) ?? []),
    })),
    ...detail.notes.map((n): TimelineItem => ({
      key: n.id,
      at: n.createdAt,
      kind: 'note',
      who: agentName(ctx, n.authorId),
      body: n.body,
      ...('pending' in n ? { pending: true } : {}),
      files: n.attachments ?? [],
      waitingFileIds: n.attachments?.length ? [] : (waiting.get(n.id) ?? []),
    })),
  ];
  const known = new Set(items.map((i) => i.key));
  for (const p of pending) {
    if (p.op !== 'case.message' && p.op !== 'case.note') continue;
    const id = (p.args.id as string | undefined) ?? p.id;
    if (known.has(id)) continue;
    items.push({
      key: id,
      at: new Date().toISOString(),
      kind: p.op === 'case.note' ? 'note' : 'out',
      who: ctx.me.name,
      party: p.args.to as Party | undefined,
      body: String(p.args.body ?? ''),
      pending: p.state === 'pending',
      ...(p.error ? { rejected: p.error } : {}),
      files: [],
      waitingFileIds: fileIdsOf(p.args),
    });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

/** Files of a message not yet confirmed, read from this device. */
function WaitingFiles({ ids }: { ids: string[] }) {
  const dispatch = useAppDispatch();
  const [files, setFiles] = useState<ShownFile[]>([]);
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    void dispatch(localFiles(key.split(','))).then(
      (fs) =>
        live &&
        setFiles(
          fs.map((f) => ({
            ...f,
            waiting: f.state === 'pending',
            ...(f.error ? { error: f.error } : {}),
          })),
        ),
    );
    return () => {
      live = false;
    };
  }, [dispatch, key]);
  return <AttachmentList files={files} />;
}

function Timeline({ items, canRetry }: { items: TimelineItem[]; canRetry: boolean }) {
  if (items.length === 0) return <p className="muted">No messages yet.</p>;
  return (
    <ol className="timeline" aria-label="Messages and notes">
      {items.map((i) => (
        <li
          key={i.key}
          id={`message-${i.key}`}
          tabIndex={-1}
          className={`bubble ${i.kind}${i.pending ? ' pending' : ''}${i.rejected ? ' rejected' : ''}`}
        >
          <div className="bubble-head">
            <strong>{i.who}</strong>
            {i.kind === 'out' && <span> to {i.party}</span>}
            {i.kind === 'in' && <span> from {i.party}</span>}
            {i.kind === 'note' && <span className="tag">Internal note</span>}
            <span className="muted small">
              {' '}
              · {i.pending ? 'waiting to be sent' : <Time at={i.at} />}
            </span>
          </div>
          {/* Buyer and seller text is untrusted: React renders it as text, never as HTML. */}
          <p className="bubble-body">{i.body}</p>
          <AttachmentList files={i.files} />
          {i.waitingFileIds.length > 0 && <WaitingFiles ids={i.waitingFileIds} />}
          {i.delivery && (
            <DeliveryState messageId={i.key} delivery={i.delivery} canRetry={canRetry} />
          )}
          {i.rejected && <p className="error small">Not sent: {i.rejected}</p>}
        </li>
      ))}
    </ol>
  );
}

/** How long a sent reply can be taken back before it leaves for the service. */
const UNDO_MS = 5_000;

interface SentReply {
  mutationId: string;
  body: string;
  to: Party;
  files: ChosenFile[];
  /** When the undo ends (this device's clock). */
  until: number;
}

function ReplyComposer({
  detail,
  ctx,
  canReply,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  canReply: boolean;
}) {
  const c = detail.case;
  const dispatch = useAppDispatch();
  const draft = useAppSelector((s) => s.ui.drafts[c.id]?.reply ?? '');
  const [to, setTo] = useState<Party>('buyer');
  const [error, setError] = useState<string | null>(null);
  const files = useComposerFiles(c.id);
  const templates = templatesFor(c.topic, c.language, to);
  const setDraft = (text: string) => dispatch(editDraft({ caseId: c.id, kind: 'reply', text }));
  const type = (text: string) => {
    setDraft(text);
    dispatch(replyTyped({ caseId: c.id, at: Date.now() }));
  };
  const [sent, setSent] = useState<SentReply | null>(null);
  // Replies by others after this moment are news to the agent: read before sending.
  const [seenSince, setSeenSince] = useState(() => new Date().toISOString());
  const [collision, setCollision] = useState<
    (NonNullable<ReturnType<typeof replyCollision>> & { noticedAt: number }) | null
  >(null);
  // Asking the service who replied: the reply and its button wait (at most a few seconds).
  const [checking, setChecking] = useState(false);
  // The colleague's reply to bring into view once the device holds it.
  const [reviewing, setReviewing] = useState<string | null>(null);
  useEffect(() => {
    const shown = reviewing && document.getElementById(`message-${reviewing}`);
    if (!shown) return;
    setReviewing(null);
    shown.scrollIntoView({ block: 'center' });
    shown.focus({ preventScroll: true });
  }, [reviewing, detail.messages]);
  // A template chosen over typed text waits for the agent to say what to do with it.
  const [offered, setOffered] = useState<{ title: string; text: string } | null>(null);
  useEffect(() => {
    setSent(null);
    setOffered(null);
  }, [c.id]);
  useEffect(() => {
    if (!sent) return;
    const t = setTimeout(() => setSent(null), Math.max(0, sent.until - Date.now()));
    return () => clearTimeout(t);
  }, [sent]);
  const undo = async (s: SentReply) => {
    setSent(null);
    if (!(await ctx.undoHeld?.(s.mutationId))) {
      setError('Too late to undo: the reply is on its way.');
      return;
    }
    setDraft(draft.trim() ? `${s.body}\n\n${draft}` : s.body);
    setTo(s.to);
    files.restore(s.files);
  };

  const applyTemplate = (id: string) => {
    const t = templates.find((x) => x.id === id);
    if (!t) return;
    const text = fillTemplate(t.body, {
      buyerName: c.buyer.name,
      sellerName: c.order?.seller.name ?? '',
      reference: c.reference,
      lotTitle: c.order?.lotTitle ?? '',
      agentName: ctx.me.name,
      amount: c.order ? money(c.order.refundable) : '',
    });
    // What the agent typed is never overwritten without asking.
    if (draft.trim() && draft.trim() !== text.trim()) setOffered({ title: t.title, text });
    else setDraft(text);
  };

  const send = async (e: FormEvent | null, anyway = false) => {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) return setError('Write a reply first.');
    if (body.length > LIMITS.body)
      return setError(`A reply may have at most ${LIMITS.body} characters.`);
    if (checking) return;
    setError(null);
    if (!anyway) {
      // The device may not hold a colleague's reply yet: online, the service says.
      let onService: Awaited<ReturnType<NonNullable<typeof ctx.repliesOnService>>> = null;
      if (ctx.repliesOnService) {
        setChecking(true);
        try {
          onService = await ctx.repliesOnService(c.id);
        } finally {
          setChecking(false);
        }
      }
      const replies = [...detail.messages, ...(onService ?? [])];
      const clash = replyCollision(replies, ctx.me.id, seenSince);
      if (clash) return setCollision({ ...clash, noticedAt: Date.now() });
    }
    setCollision(null);
    // Cleared before the write, not after: what the agent types next must not be wiped.
    setDraft('');
    const chosen = files.files;
    const attachmentIds = chosen.map((f) => f.id);
    files.clear();
    const args = {
      caseId: c.id,
      id: crypto.randomUUID(),
      to,
      body,
      ...(attachmentIds.length ? { attachmentIds } : {}),
    };
    try {
      if (ctx.sendHeld) {
        // In the outbox at once (a closed window cannot lose it), sent once the undo ends.
        const mutationId = await ctx.sendHeld('case.message', args, UNDO_MS);
        setSent({ mutationId, body, to, files: chosen, until: Date.now() + UNDO_MS });
      } else {
        await ctx.mutate('case.message', args);
      }
    } catch (err) {
      setDraft(body);
      setError(`The reply was not saved: ${(err as Error).message}`);
    }
  };

  if (!canReply) return <p className="muted">Claim this case to reply.</p>;
  return (
    <form className="composer" onSubmit={send} {...files.dropProps}>
      <div className="row">
        <Field label="Recipient">
          {(id) => (
            <select id={id} value={to} onChange={(e) => setTo(e.target.value as Party)}>
              <option value="buyer">Buyer</option>
              <option value="seller" disabled={!c.order}>
                Seller
              </option>
            </select>
          )}
        </Field>
        <Field label="Template">
          {(id) => (
            <select id={id} value="" onChange={(e) => applyTemplate(e.target.value)}>
              <option value="">Choose a template…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {offered && (
        <div role="group" aria-label="Use the template?" className="banner template-offer">
          <span>Your reply already has text. Use “{offered.title}”?</span>
          <button
            type="button"
            onClick={() => {
              setDraft(offered.text);
              setOffered(null);
            }}
          >
            Replace my text
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(`${draft.trimEnd()}\n\n${offered.text}`);
              setOffered(null);
            }}
          >
            Add below my text
          </button>
          <button type="button" onClick={() => setOffered(null)}>
            Keep my text
          </button>
        </div>
      )}
      <Field label="Reply">
        {(id) => (
          <textarea
            id={id}
            rows={5}
            value={draft}
            readOnly={checking}
            onChange={(e) => type(e.target.value)}
            onPaste={files.onPaste}
          />
        )}
      </Field>
      <ComposerFiles label="Attach files to the reply" composer={files} />
      {collision && (
        <div role="group" aria-label="Someone else replied" className="banner collision">
          <p role="alert">
            <strong>{agentName(ctx, collision.authorId)}</strong> replied{' '}
            {repliedAgo(collision.createdAt, collision.noticedAt)}. Read it before you send yours?
          </p>
          <button
            type="button"
            onClick={() => {
              setSeenSince(collision.createdAt);
              setCollision(null);
              void send(null, true);
            }}
          >
            Send anyway
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setSeenSince(collision.createdAt);
              setCollision(null);
              setReviewing(collision.id);
            }}
          >
            Review
          </button>
        </div>
      )}
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={checking} aria-busy={checking}>
          Send reply
        </button>
        {sent && (
          <p role="status" className="small sent-undo">
            Reply sent{' '}
            <button type="button" onClick={() => void undo(sent)}>
              Undo
            </button>
          </p>
        )}
      </div>
    </form>
  );
}

function NoteComposer({ detail, ctx }: { detail: CaseDetail; ctx: CaseViewContext }) {
  const c = detail.case;
  const dispatch = useAppDispatch();
  const draft = useAppSelector((s) => s.ui.drafts[c.id]?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const files = useComposerFiles(c.id);
  const setDraft = (text: string) => dispatch(editDraft({ caseId: c.id, kind: 'note', text }));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const body = draft.trim();
    if (!body) return setError('Write a note first.');
    if (body.length > LIMITS.longText)
      return setError(`A note may have at most ${LIMITS.longText} characters.`);
    setError(null);
    setDraft('');
    const attachmentIds = files.files.map((f) => f.id);
    files.clear();
    try {
      await ctx.mutate('case.note', {
        caseId: c.id,
        id: crypto.randomUUID(),
        body,
        ...(attachmentIds.length ? { attachmentIds } : {}),
      });
    } catch (err) {
      setDraft(body);
      setError(`The note was not saved: ${(err as Error).message}`);
    }
  };
  return (
    <form className="composer note" onSubmit={add} {...files.dropProps}>
      <Field label="Internal note" hint="Staff only; never sent to buyer or seller.">
        {(id, hint) => (
          <textarea
            id={id}
            aria-describedby={hint}
            rows={3}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onPaste={files.onPaste}
          />
        )}
      </Field>
      <ComposerFiles label="Attach files to the note" composer={files} />
      <FormError message={error} />
      <button type="submit">Add note</button>
    </form>
  );
}

export function ConversationPanel({
  detail,
  ctx,
  pending,
  canWork,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  pending: PendingChange[];
  canWork: boolean;
}) {
  const c = detail.case;
  const dispatch = useAppDispatch();
  // What was typed here before a reload or a restart comes back (kept on the device).
  useEffect(() => {
    void dispatch(restoreDrafts(c.id));
  }, [dispatch, c.id]);
  return (
    <section aria-label="Conversation" className="panel wide">
      <h2>Conversation</h2>
      <div className="question">
        <h3>The buyer asked</h3>
        <p className="bubble-body">{c.question}</p>
        <h3>The AI assistant answered</h3>
        <p className="bubble-body ai">{c.aiAnswer.text || '—'}</p>
        <p className="muted small">
          Buyer's rating of that answer:{' '}
          {c.aiAnswer.rating === 'helpful'
            ? 'helpful'
            : c.aiAnswer.rating === 'not_helpful'
              ? 'not helpful'
              : 'not rated'}
        </p>
      </div>
      <Timeline items={timeline(detail, ctx, pending)} canRetry={canWork} />
      {canWork && c.status === 'resolved' ? (
        <p className="muted">This case is resolved; reopen it to reply.</p>
      ) : (
        <ReplyComposer detail={detail} ctx={ctx} canReply={canWork} />
      )}
      <NoteComposer detail={detail} ctx={ctx} />
    </section>
  );
}
