import type { Agent, MutationOp } from '../../shared';
import type { CredentialProtection } from '../../shared/desktop/ipc-contract';
import { describeChange } from '../data/change-label';
import { caseIdByReference } from '../data/desk-signals';
import { openReplica, replicaName, type ReplicaDb } from '../data/replica-db';
import { dismissRejected, enqueueMutation, withdrawHeld } from '../data/replica-writes';
import { SyncEngine } from '../data/sync-engine';
import {
  ApiError,
  describeSignInError,
  signIn,
  signOutOnServer,
  type SecondStep,
} from './api-client';
import type { Connection } from './connection';
import { caseLinkHeld, hostLoaded, noticeShown } from './host-slice';
import {
  codeAsked,
  enrolmentStarted,
  serverChosen,
  signedIn,
  signedOut,
  signInFailed,
  signInStarted,
} from './session-slice';
import { holdForEnrolment } from './enrolment-hold';
import { checkSingleSignOn, takeSsoReturn } from './single-sign-on-thunks';
import { presenceEventReceived } from './presence-thunks';
import type { AppThunk, ThunkExtra } from './store';
import { syncReported } from './sync-slice';
import { caseOpened } from './ui-slice';
import { closeFiles, forgetFiles, openProfileFiles } from '../attachments/attachment-thunks';
import { adoptSharedFiles } from '../attachments/file-store';

const PROTECTION_NOTICE: Partial<Record<CredentialProtection, string>> = {
  weak: 'This computer has no secret store (such as GNOME Keyring or KWallet): your sign-in is kept only weakly protected on disk.',
  'memory-only':
    'This computer offers no encryption for your sign-in: it is kept in memory only, and you will sign in again next time.',
};

export const SIGNED_OUT_ELSEWHERE = 'You signed out in another window. Sign in again to go on.';

/** Asks the host who it is and whether a session is saved; a saved one opens at once, offline or not. */
export const startApp =
  (): AppThunk =>
  async (dispatch, _getState, { platform }) => {
    const [info, settings] = await Promise.all([platform.appInfo(), platform.getSettings()]);
    dispatch(hostLoaded({ info, settings }));
    dispatch(serverChosen(info.server));
    void dispatch(checkSingleSignOn());
    if (await dispatch(takeSsoReturn())) return;
    const saved = await platform.loadSession();
    if (saved) await dispatch(connect(saved.token, saved.agent, info.serverId));
    else dispatch(signedOut());
  };

export const signInWith =
  (email: string, password: string, second?: SecondStep): AppThunk =>
  async (dispatch, getState, { serverUrl }) => {
    if (!getState().host.info) return;
    dispatch(signInStarted());
    try {
      await dispatch(beginSession(await signIn(serverUrl, email, password, second)));
    } catch (err) {
      // The password was right: the screen asks for the code and keeps what was typed.
      if (err instanceof ApiError && err.code === 'second_factor_required') dispatch(codeAsked());
      else dispatch(signInFailed(describeSignInError(err)));
    }
  };

/**
 * A new session from any way of signing in (password, invitation, single sign-on). One
 * whose role requires two-step sign-in that is not set up yet goes no further than setting
 * it up: the workspace opens after (see finishEnrolment).
 */
export const beginSession =
  (login: { token: string; agent: Agent; secondFactorEnrolmentRequired?: true }): AppThunk =>
  async (dispatch, getState, { platform }) => {
    const info = getState().host.info;
    if (!info) return;
    const { token, agent } = login;
    if (login.secondFactorEnrolmentRequired) {
      holdForEnrolment({ token, agent });
      dispatch(enrolmentStarted(agent));
      return;
    }
    const protection = await platform.saveSession({ token, agent });
    if (platform.kind === 'desktop') dispatch(noticeShown(PROTECTION_NOTICE[protection] ?? null));
    await dispatch(connect(token, agent, info.serverId));
  };

/** Opens this agent's replica on this server and starts (or follows) the device's sync. */
const connect =
  (token: string, agent: Agent, serverId: string): AppThunk =>
  async (dispatch, _getState, extra) => {
    const { connection, serverUrl, transport } = extra;
    const db = openReplica(replicaName(agent.id, serverId));
    // Before the transport is made: it uploads from this profile's files.
    const files = openProfileFiles(agent.id, serverId);
    const engine = new SyncEngine(db, transport(serverUrl, token), agent, (s) =>
      dispatch(syncReported(s)),
    );
    // Who else has a case open arrives over the same stream (leader) or its channel.
    engine.onPresence((data) => dispatch(presenceEventReceived(data)));
    // A window that signed in again hands the new session to the others on this replica,
    // whichever of them leads the sync.
    const sessions = new BroadcastChannel(`casedesk-session:${db.name}`);
    const c: Connection = { token, agent, db, engine, sessions };
    sessions.onmessage = (e: MessageEvent<{ token: string }>) => {
      if (c.token !== e.data.token) void adoptSession(c, e.data.token, extra);
    };
    // Another window of this agent signed out and is deleting the shared replica: this
    // one cannot go on without it, so it signs out too and says why. Returning false
    // keeps Dexie's own handler (which runs after this one) from closing the database
    // with auto-open left on: the next live query would then recreate the replica.
    db.on('versionchange', (e) => {
      if (e.newVersion !== null) {
        // A newer Casedesk opened the replica in another tab and upgrades it: this page's
        // code is older than its data now.
        dispatch(noticeShown('Casedesk was updated in another window: reload this one to go on.'));
        return undefined;
      }
      void dispatch(endSession(c, SIGNED_OUT_ELSEWHERE));
      return false;
    });
    await db.open();
    await adoptSharedFiles(files, await namedFiles(db)).catch(() => 0);
    connection.set(c);
    dispatch(signedIn(agent));
    await engine.start();
  };

/**
 * Signs out after the person agreed to lose what the server has not yet received
 * (`confirmLoss` is asked only when something is unsent).
 */
export const signOut =
  (confirmLoss: (unsent: number) => boolean): AppThunk =>
  async (dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (!c) return;
    const unsent = await c.engine.unsentCount();
    if (unsent > 0 && !confirmLoss(unsent)) return;
    await dispatch(endSession(c));
  };

/** Ends this window's session; the replica goes with it unless another window removed it. */
const endSession =
  (c: Connection, elsewhere?: string): AppThunk =>
  async (dispatch, _getState, { connection, platform, serverUrl }) => {
    // Stopped and closed before the first await: a window told of a deletion must let go
    // at once, and must not reopen (and so recreate) the replica being deleted.
    c.engine.stop();
    c.db.close();
    c.sessions.close();
    if (!elsewhere) await c.db.delete();
    if (elsewhere) closeFiles();
    else await forgetFiles();
    await signOutOnServer(serverUrl, c.token).catch(() => undefined);
    await platform.clearSession();
    if (connection.get() === c) connection.set(null);
    dispatch(noticeShown(null));
    dispatch(signedOut(elsewhere));
  };

/**
 * The service ended the session (it expired, or was revoked) while this window was open:
 * sign in again as the same agent and carry on with the same replica and outbox — nothing
 * unsent is lost. Resolves to what the person should read if it failed, or null.
 */
export const signInAgain =
  (password: string): AppThunk<Promise<string | null>> =>
  async (_dispatch, _getState, extra) => {
    const c = extra.connection.get();
    if (!c) return 'You are signed out.';
    try {
      const { token, agent } = await signIn(extra.serverUrl, c.agent.email, password);
      if (agent.id !== c.agent.id) return 'That is another account: sign out first.';
      await adoptSession(c, token, extra);
      c.sessions.postMessage({ token });
      return null;
    } catch (err) {
      return describeSignInError(err);
    }
  };

/**
 * Carries on with a new session: kept by the host, and the same replica and outbox synced
 * with it. The connection is changed in place, so what holds it (its versionchange
 * handler, the channel) sees the new token.
 */
async function adoptSession(c: Connection, token: string, extra: ThunkExtra): Promise<void> {
  c.token = token;
  await extra.platform.saveSession({ token, agent: c.agent });
  await c.engine.resume(extra.transport(extra.serverUrl, token));
}

/** Every write of the workspace: into the outbox first, shown at once, sent when possible. */
export const writeMutation =
  (op: MutationOp, args: Record<string, unknown>): AppThunk =>
  async (_dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (!c) return;
    await enqueueMutation(c.db, c.agent, op, args);
    await c.engine.afterLocalWrite();
  };

/**
 * A change held back for `holdMs` before it may be sent (a reply's seconds to undo it);
 * it is in the outbox at once, so it survives a closed window or a crash and then goes.
 */
export const writeHeldMutation =
  (op: MutationOp, args: Record<string, unknown>, holdMs: number): AppThunk<Promise<string>> =>
  async (_dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (!c) throw new Error('Not signed in.');
    const id = await enqueueMutation(c.db, c.agent, op, args, new Date(), holdMs);
    await c.engine.afterLocalWrite();
    return id;
  };

/** Undo within the hold: true if the change was taken back, false if it was on its way. */
export const undoHeldMutation =
  (mutationId: string): AppThunk<Promise<boolean>> =>
  async (_dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (!c) return false;
    const undone = await withdrawHeld(c.db, mutationId, c.agent);
    await c.engine.afterLocalWrite();
    return undone;
  };

/** The agent has read a refusal: it leaves the outbox (its effects are already undone). */
export const dismissRejection =
  (mutationId: string): AppThunk =>
  async (_dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (!c) return;
    await dismissRejected(c.db, mutationId);
    await c.engine.afterLocalWrite();
  };

/** A deep link or a notification click: open the case if this computer has it. */
export const openCaseByReference =
  (reference: string): AppThunk =>
  async (dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (!c) {
      dispatch(caseLinkHeld(reference)); // opened once someone signs in
      return;
    }
    const id = await caseIdByReference(c.db, reference);
    if (id) dispatch(caseOpened(id));
    else dispatch(noticeShown(`Case ${reference} is not in your queue on this computer.`));
  };

/**
 * After sign-in: the case of a link that came before — one that started the app, which
 * the host kept until now, or one held here while the sign-in screen showed. A first
 * sign-in on this computer is still filling the replica, so the case gets until the
 * first pull is done to arrive.
 */
export const openPendingCaseLink =
  (): AppThunk =>
  async (dispatch, getState, { platform, connection }) => {
    const held = getState().host.heldCase;
    if (held) dispatch(caseLinkHeld(null));
    const reference = (await platform.takePendingCase().catch(() => null)) ?? held;
    const c = connection.get();
    if (!reference || !c) return;
    const until = Date.now() + 120_000;
    while (!(await caseIdByReference(c.db, reference)) && Date.now() < until) {
      const { phase, lastSyncAt } = getState().sync;
      if (lastSyncAt !== null && phase !== 'pulling') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await dispatch(openCaseByReference(reference));
  };

/** One unsent change, described so that a person can copy it and redo it elsewhere. */
export interface UnsentChange {
  what: string;
  text: string | null;
  at: string;
}

/**
 * The changes this device still holds for the server, oldest first: what a deactivated
 * agent is shown before the replica goes, so that nothing is lost without their knowing.
 */
export const listUnsentChanges =
  (): AppThunk<Promise<UnsentChange[]>> =>
  async (_dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (!c) return [];
    const entries = await c.db.outbox.orderBy('seq').toArray();
    const ids = [...new Set(entries.flatMap((e) => (e.caseId ? [e.caseId] : [])))];
    const cases = await c.db.cases.bulkGet(ids);
    const reference = new Map(cases.flatMap((k) => (k ? [[k.id, k.reference]] : [])));
    return entries.map((e) => ({
      what: describeChange(e.op, e.args, e.caseId ? reference.get(e.caseId) : undefined),
      text: typeof e.args.body === 'string' ? e.args.body : null,
      at: e.createdAt,
    }));
  };

/** After a deactivated agent has read (and copied) what was unsent: the replica goes. */
export const leaveDeactivatedAccount =
  (): AppThunk =>
  async (dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (c) await dispatch(endSession(c));
  };

/** The files the outbox's replies and notes name: they must reach the service with them. */
async function namedFiles(db: ReplicaDb): Promise<string[]> {
  const entries = await db.outbox.toArray();
  return entries.flatMap((e) => {
    const ids = (e.args as { attachmentIds?: unknown }).attachmentIds;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  });
}
