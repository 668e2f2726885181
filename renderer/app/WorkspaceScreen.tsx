import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAppSelector } from './hooks';
import { canAssignCases, type Agent, type MutationOp } from '../../shared';
import type { CaseDetail, CaseViewContext, PendingChange } from '../case/case-model';
import { CaseView } from '../case/CaseView';
import { toCase } from '../data/local-case';
import type { ReplicaDb } from '../data/replica-db';
import {
  allAgents,
  caseDetail,
  openCaseLoad,
  partyHistory,
  queueCount,
  queuePage,
  viewCounts,
  type QueueQuery,
} from '../data/replica-reads';
import { Workspace } from '../workspace/Workspace';
import type { QueueView } from './ui-slice';
import { useLive } from './use-live';

const PAGE = 120;

interface Props {
  db: ReplicaDb;
  me: Agent;
  mutate: (op: MutationOp, args: Record<string, unknown>) => Promise<void>;
  onSignOut: () => void;
  onDismiss: (id: string) => void;
  onSignInAgain: (password: string) => Promise<string | null>;
}

/** Binds the workspace to the local replica with live queries; every write goes to the outbox. */
export function WorkspaceScreen({ db, me, mutate, onSignOut, onDismiss, onSignInAgain }: Props) {
  const ui = useAppSelector((s) => s.ui);
  const sync = useAppSelector((s) => s.sync);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(t);
  }, []);

  const query: QueueQuery = useMemo(
    () => ({ view: ui.view, filters: ui.filters, search: ui.search, sort: ui.sort }),
    [ui.view, ui.filters, ui.search, ui.sort],
  );
  const [range, setRange] = useState({ start: 0, end: PAGE });
  // Fetch a little around what is visible, in whole pages, so small scrolls need no query.
  const from = Math.max(0, Math.floor(range.start / PAGE) * PAGE - PAGE);
  const to = Math.ceil(range.end / PAGE) * PAGE + PAGE;
  const onRange = useCallback((start: number, end: number) => setRange({ start, end }), []);

  const total = useLive(() => queueCount(db, query, me), [db, query, me], 0).value;
  const rows = useLive(
    () => queuePage(db, query, me, from, to - from).then((r) => r.map(toCase)),
    [db, query, me, from, to],
    [],
  );
  const counts = useLive<Partial<Record<QueueView, number>>>(
    () => viewCounts(db, me),
    [db, me],
    {},
  ).value;
  const agentList = useLive(() => allAgents(db), [db], [] as Agent[]).value;
  const agents = useMemo(() => new Map(agentList.map((a) => [a.id, a])), [agentList]);
  const opened = useLive(
    () => (ui.openCaseId ? caseDetail(db, ui.openCaseId) : Promise.resolve(null)),
    [db, ui.openCaseId],
    null,
  );

  // Apart from the case itself, and only once it is shown: IndexedDB serves one request at
  // a time, so a party with thousands of cases must not queue ahead of opening the case.
  const shown = opened.value?.case.id === ui.openCaseId ? opened.value : null;
  const [id, buyerId, sellerId] = [shown?.case.id, shown?.case.buyerId, shown?.case.sellerId];
  const party = useLive(
    () => (id && buyerId ? partyHistory(db, { id, buyerId, sellerId }) : Promise.resolve(null)),
    [db, id, buyerId, sellerId],
    null,
  ).value;

  // Whom a lead can give the open case to, and how much each already holds.
  const assigning = canAssignCases(me) && !!ui.openCaseId;
  const load = useLive(
    () => (assigning ? openCaseLoad(db, [...agents.keys()]) : Promise.resolve(undefined)),
    [db, agents, assigning],
    undefined,
  ).value;

  const ctx: CaseViewContext = { me, agents, now, mutate, load };
  let casePane = null;
  if (shown) {
    const d: CaseDetail = {
      ...shown,
      case: toCase(shown.case),
      party: party && {
        ...party,
        buyerCases: party.buyerCases.map(toCase),
        sellerCases: party.sellerCases.map(toCase),
      },
    };
    const pending: PendingChange[] = shown.pending.map((p) => ({
      id: p.id,
      op: p.op,
      args: p.args,
      state: p.state,
      ...(p.error ? { error: p.error.message } : {}),
    }));
    casePane = <CaseView detail={d} ctx={ctx} pending={pending} />;
  } else if (ui.openCaseId && opened.current) {
    casePane = <p className="muted">This case is not on this device (yet).</p>;
  }

  return (
    <Workspace
      me={me}
      agents={agents}
      now={now}
      counts={counts}
      total={total}
      window={{ offset: from, rows: rows.value, busy: !rows.current }}
      onRange={onRange}
      sync={{
        online: sync.online,
        syncing: sync.phase === 'pushing' || sync.phase === 'pulling',
        error: sync.phase === 'error' ? sync.error : null,
        needsSignIn: sync.needsSignIn,
        email: me.email,
        onSignInAgain,
        pending: sync.pending,
        rejected: sync.rejected.map((r) => ({ id: r.id, label: r.what, error: r.error })),
        setAside: sync.setAside,
        lastSyncAt: sync.lastSyncAt,
        storageWarning: sync.storageWarning,
        onDismiss,
      }}
      casePane={casePane}
      onSignOut={onSignOut}
    />
  );
}
