import { useEffect, useState } from 'react';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  canManageAccounts,
  canManageRouting,
  type Language,
  type Agent,
  type Invitation,
  type TeamMember,
} from '../../../shared';
import {
  editTeamMember,
  inviteTeamMember,
  loadTeam,
  resetTeamMemberPassword,
  setTeamMemberActive,
} from '../../app/account-thunks';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { formatDateTime, money } from '../../format';
import { AgentFormDialog, ROLE_LABELS } from './AgentFormDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { InvitationDialog } from './InvitationDialog';
import { CapacityField } from './CapacityField';
import { MoveCasesDialog } from './MoveCasesDialog';
import { RoutingSwitches } from './RoutingSwitches';

/** Nine language names make a tall row: a lead who speaks them all is "All languages". */
const languageList = (languages: Language[]) =>
  languages.length === LANGUAGES.length
    ? 'All languages'
    : languages.map((l) => LANGUAGE_NAMES[l]).join(', ') || '—';

type Form = { kind: 'invite' } | { kind: 'edit'; member: TeamMember } | null;

/** In a browser the workspace's own address leads to the invitation screen. */
const invitationLink = (token: string, platform: 'web' | 'desktop' | undefined) =>
  platform === 'web' ? `${window.location.origin}/#/invitation/${token}` : null;

/**
 * Everyone with an account: admins invite, edit, deactivate and reset; leads see the same
 * table, read-only.
 */
export function TeamView({ me }: { me: Agent }) {
  const dispatch = useAppDispatch();
  const team = useAppSelector((s) => s.team);
  const platform = useAppSelector((s) => s.host.info?.platform);
  const manages = canManageAccounts(me);
  const leads = canManageRouting(me);
  const [moving, setMoving] = useState<TeamMember | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(null);
  const [shown, setShown] = useState<{
    name: string;
    invitation: Invitation;
    link: string | null;
  } | null>(null);
  const [confirming, setConfirming] = useState<TeamMember | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  useEffect(() => void dispatch(loadTeam()), [dispatch]);

  const show = (name: string, invitation: Invitation) =>
    setShown({ name, invitation, link: invitationLink(invitation.token, platform) });

  const resetPassword = async (m: TeamMember) => {
    const r = await dispatch(resetTeamMemberPassword(m.id));
    setRowError(r.ok ? null : r.error);
    if (r.ok) show(m.name, r.value);
  };
  const activate = async (m: TeamMember, active: boolean) => {
    const r = await dispatch(setTeamMemberActive(m.id, active));
    setRowError(r.ok ? null : r.error);
  };

  return (
    <section className="team" aria-labelledby="team-title">
      <div className="team-head">
        <h1 id="team-title">Team</h1>
        {manages && (
          <button type="button" className="primary" onClick={() => setForm({ kind: 'invite' })}>
            Invite agent
          </button>
        )}
      </div>
      {!manages && <p className="muted small">Only an admin can change accounts.</p>}
      {leads && <RoutingSwitches />}
      {moved && (
        <p role="status" className="small">
          {moved}
        </p>
      )}
      {team.error && (
        <p role="alert" className="error small">
          {team.error}
        </p>
      )}
      {rowError && (
        <p role="alert" className="error small">
          {rowError}
        </p>
      )}
      <table className="agents" aria-label="Agents" aria-busy={team.members === null}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Languages</th>
            <th scope="col">Refund limit</th>
            <th scope="col">Active</th>
            <th scope="col">Last seen</th>
            <th scope="col">Open cases</th>
            <th scope="col">Capacity</th>
            {(manages || leads) && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {(team.members ?? []).map((m) => (
            <tr key={m.id} className={m.active ? undefined : 'inactive'}>
              <th scope="row" id={`agent-${m.id}`}>
                {m.name}
              </th>
              <td>{m.email}</td>
              <td>{m.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
              <td>{languageList(m.languages)}</td>
              <td>{money(m.refundLimit)}</td>
              <td>{m.active ? 'Active' : 'Deactivated'}</td>
              <td>{m.lastSeenAt ? formatDateTime(m.lastSeenAt) : 'Never'}</td>
              <td>{m.openCases}</td>
              <td>
                {leads && m.active ? (
                  <CapacityField key={m.capacity} member={m} onError={setRowError} />
                ) : (
                  (m.capacity ?? '—')
                )}
              </td>
              {(manages || leads) && (
                <td className="row-actions">
                  {leads && m.openCases > 0 && (
                    <button
                      type="button"
                      aria-describedby={`agent-${m.id}`}
                      onClick={() => setMoving(m)}
                    >
                      Move open cases
                    </button>
                  )}
                  {manages && (
                    <>
                      <button
                        type="button"
                        aria-describedby={`agent-${m.id}`}
                        onClick={() => setForm({ kind: 'edit', member: m })}
                      >
                        Edit
                      </button>
                      {m.active ? (
                        <button
                          type="button"
                          aria-describedby={`agent-${m.id}`}
                          onClick={() => setConfirming(m)}
                        >
                          Deactivate
                        </button>
                      ) : (
                        <button
                          type="button"
                          aria-describedby={`agent-${m.id}`}
                          onClick={() => void activate(m, true)}
                        >
                          Activate
                        </button>
                      )}
                      <button
                        type="button"
                        aria-describedby={`agent-${m.id}`}
                        onClick={() => void resetPassword(m)}
                      >
                        Reset password
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {form && (
        <AgentFormDialog
          // A new form for each person: its fields start from their account.
          key={form.kind === 'edit' ? form.member.id : 'invite'}
          open
          editing={form.kind === 'edit' ? form.member : null}
          onClose={() => setForm(null)}
          onSubmit={async (body) => {
            if (form.kind === 'invite') {
              const r = await dispatch(inviteTeamMember(body));
              if (!r.ok) return r.error;
              setForm(null);
              show(body.name, r.value);
              return null;
            }
            const { email: _email, ...changes } = body;
            const r = await dispatch(editTeamMember(form.member.id, changes));
            if (!r.ok) return r.error;
            setForm(null);
            return null;
          }}
        />
      )}
      <InvitationDialog shown={shown} onClose={() => setShown(null)} />
      <MoveCasesDialog
        key={moving?.id ?? 'none'}
        from={moving}
        team={team.members ?? []}
        onClose={() => setMoving(null)}
        onMoved={(summary) => {
          setMoved(summary);
          setMoving(null);
        }}
      />
      <ConfirmDialog
        open={confirming !== null}
        title={`Deactivate ${confirming?.name ?? ''}?`}
        confirm="Deactivate"
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          if (confirming) await activate(confirming, false);
          setConfirming(null);
        }}
      >
        They are signed out everywhere at once and cannot sign in again until activated. Their{' '}
        {confirming?.openCases ?? 0} open cases go back to the queue.
      </ConfirmDialog>
    </section>
  );
}
