import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDispatch, useSelector } from 'react-redux';
import type { Agent, MutationOp } from '../../shared';
import type { AppInfo, CredentialProtection } from '../../shared/desktop/ipc-contract';
import { SHORTCUTS } from '../../shared/shortcuts';
import { caseIdByReference } from '../data/desk-signals';
import { openReplica, replicaName, type ReplicaDb } from '../data/replica-db';
import { dismissRejected, enqueueMutation } from '../data/replica-writes';
import { SyncEngine } from '../data/sync-engine';
import { httpTransport } from '../data/sync-transport';
import { platform } from '../platform/platform';
import { SignIn } from '../screens/SignIn';
import { describeSignInError, signIn, signOutOnServer } from './api-client';
import { serverChosen, signedIn, signedOut, signInFailed, signInStarted } from './session-slice';
import type { RootState } from './store';
import { syncReported } from './sync-slice';
import { caseOpened } from './ui-slice';
import { useDeskNotifications } from './use-desk-notifications';
import { WorkspaceScreen } from './WorkspaceScreen';

interface Connection {
  token: string;
  agent: Agent;
  db: ReplicaDb;
  engine: SyncEngine;
}

const PROTECTION_NOTICE: Partial<Record<CredentialProtection, string>> = {
  weak: 'This computer has no secret store (such as GNOME Keyring or KWallet): your sign-in is kept only weakly protected on disk.',
  'memory-only':
    'This computer offers no encryption for your sign-in: it is kept in memory only, and you will sign in again next time.',
};

export function App() {
  const dispatch = useDispatch();
  const session = useSelector((s: RootState) => s.session);
  const [conn, setConn] = useState<Connection | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The workspace always talks to its own origin: in a browser the case service that
  // served it, in the desktop app the app:// protocol that forwards to the chosen service.
  const serverUrl = window.location.origin;

  /** Signs this window out; the replica goes with it unless another window removed it. */
  const endSession = useCallback(
    async (c: Connection, elsewhere?: string) => {
      // Stopped and closed before the first await: a window told of a deletion must let go
      // at once, and must not reopen (and so recreate) the replica being deleted.
      c.engine.stop();
      c.db.close();
      if (!elsewhere) await c.db.delete();
      await signOutOnServer(serverUrl, c.token).catch(() => undefined);
      await platform.clearSession();
      setConn((current) => (current === c ? null : current));
      setNotice(null);
      dispatch(signedOut(elsewhere));
    },
    [dispatch, serverUrl],
  );
  const endSessionRef = useRef(endSession);
  endSessionRef.current = endSession;

  const connect = useCallback(
    async (token: string, agent: Agent, serverId: string) => {
      const db = openReplica(replicaName(agent.id, serverId));
      const engine = new SyncEngine(db, httpTransport(serverUrl, token), agent, (s) =>
        dispatch(syncReported(s)),
      );
      const c: Connection = { token, agent, db, engine };
      // Another window of this agent signed out and is deleting the shared replica: this
      // one cannot go on without it, so it signs out too and says why.
      db.on('versionchange', (e) => {
        if (e.newVersion === null)
          void endSessionRef.current(
            c,
            'You signed out in another window. Sign in again to go on.',
          );
      });
      await db.open();
      setConn(c);
      dispatch(signedIn(agent));
      await engine.start();
    },
    [dispatch, serverUrl],
  );

  useEffect(() => {
    void (async () => {
      const [appInfo, settings] = await Promise.all([platform.appInfo(), platform.getSettings()]);
      document.documentElement.dataset.theme = settings.theme;
      setInfo(appInfo);
      dispatch(serverChosen(appInfo.server));
      const saved = await platform.loadSession();
      // A saved session opens the local replica at once, online or not.
      if (saved) await connect(saved.token, saved.agent, appInfo.serverId);
      else dispatch(signedOut());
    })();
  }, [connect, dispatch]);

  const submit = async (email: string, password: string) => {
    if (!info) return;
    dispatch(signInStarted());
    try {
      const { token, agent } = await signIn(serverUrl, email, password);
      const protection = await platform.saveSession({ token, agent });
      if (platform.kind === 'desktop') setNotice(PROTECTION_NOTICE[protection] ?? null);
      await connect(token, agent, info.serverId);
    } catch (err) {
      dispatch(signInFailed(describeSignInError(err)));
    }
  };

  const mutate = useCallback(
    async (op: MutationOp, args: Record<string, unknown>) => {
      if (!conn) return;
      await enqueueMutation(conn.db, conn.agent, op, args);
      await conn.engine.afterLocalWrite();
    },
    [conn],
  );

  const signOut = useCallback(async () => {
    if (!conn) return;
    const unsent = await conn.engine.unsentCount();
    if (
      unsent > 0 &&
      !window.confirm(
        `${unsent} change(s) have not reached the server yet and will be lost if you sign out now. Sign out anyway?`,
      )
    ) {
      return;
    }
    await endSession(conn);
  }, [conn, endSession]);

  // Deep links (casedesk://case/CD-…) and notification clicks open the case, if it is here.
  const connRef = useRef(conn);
  connRef.current = conn;
  useEffect(
    () =>
      platform.onOpenCase((reference) => {
        const c = connRef.current;
        if (!c) return;
        void caseIdByReference(c.db, reference).then((id) => {
          if (id) dispatch(caseOpened(id));
          else setNotice(`Case ${reference} is not in your queue on this computer.`);
        });
      }),
    [dispatch],
  );

  // The application menu sends the workspace's own shortcuts, so both paths do the same.
  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'session.sign-out') return void signOutRef.current();
        const shortcut = SHORTCUTS.find((s) => s.command === command);
        if (shortcut) window.dispatchEvent(new KeyboardEvent('keydown', { key: shortcut.key }));
      }),
    [],
  );

  const dismiss = useMemo(
    () => (id: string) => {
      if (conn) void dismissRejected(conn.db, id).then(() => conn.engine.afterLocalWrite());
    },
    [conn],
  );

  if (session.status === 'starting' || !info) return <p className="muted">Opening Casedesk…</p>;
  if (!conn || session.status !== 'signed_in') {
    return (
      <SignIn
        busy={session.status === 'signing_in'}
        error={session.error}
        info={info}
        onSubmit={(e, p) => void submit(e, p)}
        onConnected={() => window.location.reload()}
      />
    );
  }
  return (
    <>
      {notice && (
        <p role="note" className="notice">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </p>
      )}
      <SignedIn conn={conn} mutate={mutate} signOut={signOut} dismiss={dismiss} />
    </>
  );
}

function SignedIn(p: {
  conn: Connection;
  mutate: (op: MutationOp, args: Record<string, unknown>) => Promise<void>;
  signOut: () => Promise<void>;
  dismiss: (id: string) => void;
}) {
  useDeskNotifications(p.conn.db, p.conn.agent);
  return (
    <WorkspaceScreen
      db={p.conn.db}
      me={p.conn.agent}
      mutate={p.mutate}
      onSignOut={() => void p.signOut()}
      onDismiss={p.dismiss}
    />
  );
}
