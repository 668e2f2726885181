import type { SecondFactorEnrolment } from '../../shared';
import type { Outcome } from '../app/account-thunks';
import { TwoStepSetup } from '../workspace/TwoStepSetup';

interface Props {
  name: string;
  onBegin: () => Promise<Outcome<SecondFactorEnrolment>>;
  onConfirm: (code: string) => Promise<Outcome<string[]>>;
  onDone: () => void;
  onSignOut: () => void;
}

/**
 * Signed in with a password, but the role requires two-step sign-in and it is not set up:
 * nothing else opens until it is (the service refuses everything else meanwhile).
 */
export function EnrolSecondFactor({ name, onBegin, onConfirm, onDone, onSignOut }: Props) {
  return (
    <main className="signin">
      <section className="signin-card" aria-labelledby="enrol-title">
        <h1 id="enrol-title">Set up two-step sign-in</h1>
        <p className="muted">
          Welcome, {name}. Your administrator requires two-step sign-in for your role: after your
          password, Casedesk will ask for a code from an authenticator app on your phone. Set it up
          to go on.
        </p>
        <TwoStepSetup
          onBegin={onBegin}
          onConfirm={onConfirm}
          onDone={onDone}
          doneLabel="Continue to Casedesk"
        />
        <button type="button" className="link" onClick={onSignOut}>
          Sign out
        </button>
      </section>
    </main>
  );
}
