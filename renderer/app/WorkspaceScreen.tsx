import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAppDispatch, useAppSelector } from './hooks';
import {
  ROLES,
  canAssignCases,
  seesAccounts,
  type Agent,
  type MutationOp,
  type Role,
} from '../../shared';
import type { CaseDetail, CaseViewContext, PendingChange } from '../case/case-model';
import { CaseView } from '../case/CaseView';
import { toCase } from '../data/local-case';
import type { AgentRead } from '../data/read-schemas';
import type { ReplicaDb } from '../data/replica-db';
import { inboxItemOpened, inboxRead } from './inbox-thunks';
import { selectInbox } from './inbox-slice';
import {
  allAgents,
  caseDetail,
  casesByReference,
  openCaseLoad,
  partyHistory,
  laterCount,
  localAccount,
  queuePage,
  quickCount,
  rowDetails,
  viewCounts,
  type RowDetail,
  type QueueQuery,
} from '../data/replica-reads';
import { Workspace } from '../workspace/Workspace';
import { accountOpened, caseOpened, type AccountRef, type QueueView } from './ui-slice';
import { fetchPartyAccount } from './account-view-thunks';
import { mergeAccount } from '../data/account-record';
import type { PartyAccountRead } from '../data/read-schemas';
import { AccountView } from '../workspace/AccountView';
import { refreshOpenedCase, repliesOnService } from './opened-case-thunks';
import { undoHeldMutation, writeHeldMutation } from './session-thunks';
import { useLive } from './use-live';
import { searchBeyondDevice } from './remote-search-thunks';
import type { RemoteHit } from '../data/remote-cases';
import { NotOnDevice, RemoteCaseView } from '../workspace/BeyondDevice';
import { useDashboardPane } from '../dashboard/use-dashboard-pane';

const PAGE = 120;
const NO_DETAILS = new Map<string, RowDetail>();
const MARGIN = 40;

interface Props {
  db: ReplicaDb;
  me: Agent;
  mutate: (op: MutationOp, args: Record<string, unknown>) => Promise<void>;
  onSignOut: () => void;
  onDismiss: (id: string) => void;
  onSignInAgain: (password: string) => Promise<string | null>;
}

/** Binds the workspace to the local replica with live queries; every write goes to the outbox. */
export function WorkspaceScreen({
  db,
  me: signedInAs,
  mutate,
  onSignOut,
  onDismiss,
  onSignInAgain,
}: Props) {
  const ui = useAppSelector((s) => s.ui);
  const dispatch = useAppDispatch();
  const sync = useAppSelector((s) => s.sync);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(t);
  }, []);

  // The agent's own record as the last pull brought it: an admin's change of their roles,
  // languages or limit shows (and counts) without signing out.
  const agentList = useLive(() => allAgents(db), [db], [] as AgentRead[]).value;
  const agents = useMemo(() => new Map(agentList.map((a) => [a.id, a])), [agentList]);
  const own = agents.get(signedInAs.id);
  const me = useMemo(() => withOwnRecord(signedInAs, own), [signedInAs, own]);

  const query: QueueQuery = useMemo(
    () => ({ view: ui.view, filters: ui.filters, search: ui.search, sort: ui.sort }),
    [ui.view, ui.filters, ui.search, ui.sort],
  );
  const [range, setRange] = useState({ start: 0, end: 0 });
  // Fetch a little around what is visible, in whole pages, so small scrolls need no query
  // (and no more than a page below: a filtered view reads cases until its page is full).
  const from = Math.max(0, Math.floor(range.start / PAGE) * PAGE - PAGE);
  const to = Math.ceil((range.end + MARGIN) / PAGE) * PAGE;
  const onRange = useCallback((start: number, end: number) => setRange({ start, end }), []);

  const rows = useLive(
    () => queuePage(db, query, me, from, to - from).then((r) => r.map(toCase)),
    [db, query, me, from, to],
    [],
  );
  // Approvals and External disputes show what waits in each row: read for the rows only.
  const rowIds = rows.value.map((c) => c.id).join(',');
  const details = useLive(
    () => rowDetails(db, ui.view, rowIds ? rowIds.split(',') : []),
    [db, ui.view, rowIds],
    NO_DETAILS,
  ).value;
  // Most views' counts are kept (a few rows read); the others — a search, two filters —
  // are counted only once the rows show, so that no read of the rows waits behind them.
  const quick = useLive(() => quickCount(db, query, me), [db, query, me], null);
  const countLater = quick.current && quick.value === null && rows.current;
  const later = useLive(
    () => (countLater ? laterCount(db, query, me) : Promise.resolve(null)),
    [db, query, me, countLater],
    null,
  );
  const laterValue = later.current ? later.value : null;
  // Until counted, the rows so far (and a page more to scroll to, if the page was full);
  // while the inputs change, the previous count stays (no flash of "Counting…").
  const atLeast = from + rows.value.length + (rows.value.length === to - from ? PAGE : 0);
  const counted = quick.value ?? laterValue?.n ?? null;
  // A kept count for these very inputs, or an exact late one, is the size (a view of 133
  // cases whose first page of 120 was full read 240 before); the previous inputs' count or
  // an estimate is at least what was read.
  const settled = (quick.current && quick.value !== null) || !!laterValue?.exact;
  const total = counted === null ? atLeast : settled ? counted : Math.max(counted, atLeast);
  const totalShown: 'exact' | 'about' | 'counting' =
    counted === null ? 'counting' : quick.value !== null || laterValue?.exact ? 'exact' : 'about';
  const counts = useLive<Partial<Record<QueueView, number>>>(
    () => viewCounts(db, me),
    [db, me],
    {},
  ).value;
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
  // The service's figures for the buyer and seller and the case's whole history, each time a
  // case opens online (and when the connection comes back with one open); the kept ones
  // show meanwhile.
  useEffect(() => {
    if (id && buyerId && sync.online) void dispatch(refreshOpenedCase({ id, buyerId, sellerId }));
  }, [dispatch, id, buyerId, sellerId, sync.online]);

  // Whom a lead can give the open case to, and how much each already holds.
  const assigning = canAssignCases(me) && !!ui.openCaseId;
  const load = useLive(
    () => (assigning ? openCaseLoad(db, [...agents.keys()]) : Promise.resolve(undefined)),
    [db, agents, assigning],
    undefined,
  ).value;

  // What happened to me: from the replica's events, so it works offline (data/inbox.ts),
  // read once per change with the desktop's signals (desk-signal-thunks, inbox-slice).
  const inbox = useAppSelector(selectInbox);
  // The Account view: the device's record of the party, and the service's when online.
  const account = ui.page === 'account' ? ui.account : null;
  const localRecord = useLive(
    () => (account ? localAccount(db, account.kind, account.id) : Promise.resolve(null)),
    [db, account],
    null,
  ).value;
  const [served, setServed] = useState<{ key: string; data: PartyAccountRead | null } | null>(null);
  const accountKey = account ? `${account.kind}:${account.externalId}` : null;
  // Fetched again when the party changes, the connection returns, or the device's record
  // does (a change on one of its cases), so the two never disagree for long.
  const recordVersion = localRecord ? localRecord.full.map((c) => c.version).join(',') : '';
  useEffect(() => {
    if (!account || !sync.online) return;
    let current = true;
    void dispatch(fetchPartyAccount(account.kind, account.externalId)).then((data) => {
      if (current) setServed({ key: `${account.kind}:${account.externalId}`, data });
    });
    return () => {
      current = false;
    };
  }, [dispatch, account, sync.online, recordVersion]);
  // A search asks the service too, once typing pauses, for what this device does not hold.
  const [beyond, setBeyond] = useState<{ search: string; hits: RemoteHit[] }>({
    search: '',
    hits: [],
  });
  useEffect(() => {
    const typed = ui.search;
    if (!sync.online || typed.trim().length < 2) return;
    let current = true;
    const t = setTimeout(() => {
      void dispatch(searchBeyondDevice(typed)).then(
        (hits) => current && setBeyond({ search: typed, hits }),
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [dispatch, ui.search, sync.online]);
  const beyondHits = beyond.search === ui.search && sync.online ? beyond.hits : [];

  const findCases = useCallback((typed: string) => casesByReference(db, typed), [db]);
  const dashboardPane = useDashboardPane(db, me, now, sync.online, ui.page === 'dashboard');

  const ctx: CaseViewContext = {
    me,
    agents,
    now,
    mutate,
    load,
    openCase: (id) => dispatch(caseOpened(id)),
    ...(seesAccounts(me) ? { openAccount: (a: AccountRef) => dispatch(accountOpened(a)) } : {}),
    dismissRefusal: onDismiss,
    sendHeld: (op, args, holdMs) => dispatch(writeHeldMutation(op, args, holdMs)),
    undoHeld: (mutationId) => dispatch(undoHeldMutation(mutationId)),
    ...(sync.online ? { repliesOnService: (caseId) => dispatch(repliesOnService(caseId)) } : {}),
  };
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
    casePane = <RemoteCaseView id={ui.openCaseId} online={sync.online} />;
  }

  const accountPane =
    account && seesAccounts(me) ? (
      <AccountView
        account={account}
        ctx={ctx}
        record={
          localRecord
            ? mergeAccount(
                localRecord,
                served?.key === accountKey ? served.data : null,
                account.kind,
              )
            : null
        }
        localCases={new Map((localRecord?.full ?? []).map((c) => [c.id, toCase(c)]))}
      />
    ) : null;

  return (
    <Workspace
      accountPane={accountPane}
      dashboardPane={dashboardPane}
      me={me}
      agents={agents}
      now={now}
      counts={counts}
      total={total}
      totalShown={totalShown}
      window={{ offset: from, rows: rows.value, busy: !rows.current, details }}
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
      notifications={{
        inbox,
        onOpen: (item) => void dispatch(inboxItemOpened(item)),
        onMarkAllRead: (ids) => void dispatch(inboxRead(ids)),
      }}
      findCases={findCases}
      firstSync={sync.firstSync}
      openReference={shown?.case.reference}
      belowQueue={
        <NotOnDevice hits={beyondHits} onOpen={(caseId) => dispatch(caseOpened(caseId))} />
      }
      {...(beyondHits.length
        ? { emptyText: 'None on this device: the service found the cases below.' }
        : {})}
    />
  );
}

/** The session's agent, updated by what the replica holds of them (the full record: their own). */
function withOwnRecord(me: Agent, own: AgentRead | undefined): Agent {
  if (!own) return me;
  return {
    ...me,
    name: own.name,
    roles: own.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    languages: own.languages,
    active: own.active,
    ...(own.refundLimit ? { refundLimit: own.refundLimit } : {}),
  };
}
