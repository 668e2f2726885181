import { useCallback, useEffect, useRef, useState } from 'react';
import { count } from '../format';
import { AcceptInvitation } from '../screens/AcceptInvitation';
import { AccountDeactivated } from '../screens/AccountDeactivated';
import { EnrolSecondFactor } from '../screens/EnrolSecondFactor';
import { SignIn } from '../screens/SignIn';
import {
  abandonEnrolment,
  confirmSecondFactorWith,
  finishEnrolment,
  startSecondFactor,
} from './second-factor-thunks';
import { codeDropped } from './session-slice';
import { acceptInvitationWith, lookUpInvitee } from './account-thunks';
import { signInWithSso } from './single-sign-on-thunks';
import type { Connection } from './connection';
import { watchDeskSignals } from './desk-signal-thunks';
import { useAppConnection, useAppDispatch, useAppSelector } from './hooks';
import { noticeShown } from './host-slice';
import { followHost } from './host-thunks';
import {
  dismissRejection,
  leaveDeactivatedAccount,
  listUnsentChanges,
  openCaseByReference,
  type UnsentChange,
  openPendingCaseLink,
  signInAgain,
  signInWith,
  signOut,
  startApp,
  writeMutation,
} from './session-thunks';
import { WorkspaceScreen } from './WorkspaceScreen';

/** An invitation link is the workspace's address with `#/invitation/<token>`. */
const INVITATION_HASH = /^#\/invitation\/([^/?#]+)$/;
const invitationInLink = () => INVITATION_HASH.exec(window.location.hash)?.[1] ?? null;

const confirmLoss = (unsent: number) =>
  window.confirm(
    `${count(unsent, 'change')} ${unsent === 1 ? 'has' : 'have'} not reached the server yet and will be lost if you sign out now. Sign out anyway?`,
  );

export function App() {
  const dispatch = useAppDispatch();
  const session = useAppSelector((s) => s.session);
  const { info, notice } = useAppSelector((s) => s.host);
  const theme = useAppSelector((s) => s.host.settings?.theme);
  const conn = useAppConnection();
  const deactivated = useAppSelector((s) => s.sync.accountDeactivated);
  const [invitation, setInvitation] = useState<string | null>(invitationInLink);
  const lookup = useCallback((token: string) => dispatch(lookUpInvitee(token)), [dispatch]);

  // Once per window, also when StrictMode runs effects twice in development.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void dispatch(startApp());
  }, [dispatch]);
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(
    () =>
      dispatch(
        followHost({
          openCase: (reference) => void dispatch(openCaseByReference(reference)),
          signOut: () => void dispatch(signOut(confirmLoss)),
        }),
      ),
    [dispatch],
  );

  if (session.status === 'starting' || !info) return <p className="muted">Opening Casedesk…</p>;
  if (session.status === 'enrolling') {
    return (
      <EnrolSecondFactor
        name={session.agent?.name ?? ''}
        onBegin={() => dispatch(startSecondFactor())}
        onConfirm={(code) => dispatch(confirmSecondFactorWith(code))}
        onDone={() => void dispatch(finishEnrolment())}
        onSignOut={() => void dispatch(abandonEnrolment())}
      />
    );
  }
  if ((!conn || session.status !== 'signed_in') && invitation !== null) {
    return (
      <AcceptInvitation
        initialToken={invitation}
        onAccept={async (token, password) => {
          const r = await dispatch(acceptInvitationWith(token, password));
          if (!r.ok) return r.error;
          // The link is spent: a reload must not show the invitation again.
          window.history.replaceState(null, '', window.location.pathname);
          setInvitation(null);
          return null;
        }}
        onLookup={lookup}
        onCancel={() => {
          window.history.replaceState(null, '', window.location.pathname);
          setInvitation(null);
        }}
      />
    );
  }
  if (!conn || session.status !== 'signed_in') {
    return (
      <SignIn
        busy={session.status === 'signing_in'}
        error={session.error}
        info={info}
        onSubmit={(email, password, second) => void dispatch(signInWith(email, password, second))}
        codeAsked={session.codeAsked}
        onStartOver={() => dispatch(codeDropped())}
        onConnected={() => window.location.reload()}
        onInvitation={() => setInvitation('')}
        onSso={session.ssoOffered ? () => void dispatch(signInWithSso()) : null}
      />
    );
  }
  if (deactivated) return <Deactivated />;
  return (
    <>
      {notice && (
        <p role="note" className="notice">
          {notice}{' '}
          <button type="button" className="link" onClick={() => dispatch(noticeShown(null))}>
            Dismiss
          </button>
        </p>
      )}
      <SignedIn conn={conn} />
    </>
  );
}

function SignedIn({ conn }: { conn: Connection }) {
  const dispatch = useAppDispatch();
  useEffect(() => dispatch(watchDeskSignals(conn.db, conn.agent)), [dispatch, conn]);
  useEffect(() => void dispatch(openPendingCaseLink()), [dispatch, conn]);
  return (
    <WorkspaceScreen
      db={conn.db}
      me={conn.agent}
      mutate={(op, args) => dispatch(writeMutation(op, args))}
      onSignOut={() => void dispatch(signOut(confirmLoss))}
      onDismiss={(id) => void dispatch(dismissRejection(id))}
      onSignInAgain={(password) => dispatch(signInAgain(password))}
    />
  );
}

/** The account was deactivated while signed in: the workspace closes, unsent work listed. */
function Deactivated() {
  const dispatch = useAppDispatch();
  const [unsent, setUnsent] = useState<UnsentChange[] | null>(null);
  useEffect(() => {
    void dispatch(listUnsentChanges()).then(setUnsent);
  }, [dispatch]);
  return (
    <AccountDeactivated unsent={unsent} onDone={() => void dispatch(leaveDeactivatedAccount())} />
  );
}
