import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDispatch, useSelector } from 'react-redux';
import type { Agent, MutationOp } from '../../shared';
import { openReplica, replicaName, type ReplicaDb } from '../data/replica-db';
import { dismissRejected, enqueueMutation } from '../data/replica-writes';
import { SyncEngine } from '../data/sync-engine';
import { httpTransport } from '../data/sync-transport';
import { SignIn } from '../screens/SignIn';
import { describeSignInError, signIn, signOutOnServer } from './api-client';
import { host } from './host';
import { serverChosen, signedIn, signedOut, signInFailed, signInStarted } from './session-slice';
import type { RootState } from './store';
import { syncReported } from './sync-slice';
import { WorkspaceScreen } from './WorkspaceScreen';

interface Connection {
  token: string;
  agent: Agent;
  db: ReplicaDb;
  engine: SyncEngine;
}

export function App() {
  const dispatch = useDispatch();
  const session = useSelector((s: RootState) => s.session);
  const [conn, setConn] = useState<Connection | null>(null);
  const serverUrl = host.serverUrl();

  const connect = useCallback(
    async (token: string, agent: Agent) => {
      const db = openReplica(replicaName(agent.id, serverUrl));
      await db.open();
      const engine = new SyncEngine(db, httpTransport(serverUrl, token), agent, (s) =>
        dispatch(syncReported(s)),
      );
      setConn({ token, agent, db, engine });
      dispatch(signedIn(agent));
      await engine.start();
    },
    [dispatch, serverUrl],
  );

  useEffect(() => {
    dispatch(serverChosen(serverUrl));
    const saved = host.loadSession();
    // A saved session opens the local replica at once, online or not.
    if (saved) void connect(saved.token, saved.agent);
    else dispatch(signedOut());
  }, [connect, dispatch, serverUrl]);

  const submit = async (email: string, password: string) => {
    dispatch(signInStarted());
    try {
      const { token, agent } = await signIn(serverUrl, email, password);
      host.saveSession(token, agent);
      await connect(token, agent);
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

  const signOut = async () => {
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
    conn.engine.stop();
    await signOutOnServer(serverUrl, conn.token).catch(() => undefined);
    conn.db.close();
    await conn.db.delete();
    host.clearSession();
    setConn(null);
    dispatch(signedOut());
  };

  const dismiss = useMemo(
    () => (id: string) => {
      if (conn) void dismissRejected(conn.db, id).then(() => conn.engine.afterLocalWrite());
    },
    [conn],
  );

  if (session.status === 'starting') return <p className="muted">Opening Casedesk…</p>;
  if (!conn || session.status !== 'signed_in') {
    return (
      <SignIn
        busy={session.status === 'signing_in'}
        error={session.error}
        serverLabel={new URL(serverUrl).host}
        onSubmit={(e, p) => void submit(e, p)}
      />
    );
  }
  return (
    <WorkspaceScreen
      db={conn.db}
      me={conn.agent}
      mutate={mutate}
      onSignOut={() => void signOut()}
      onDismiss={dismiss}
    />
  );
}
