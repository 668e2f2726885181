import type { Case } from '../../shared';
import type { CaseViewContext } from './case-model';
import { Field } from './Field';

/**
 * A lead gives the case to someone: each agent with the open cases they hold here, and
 * whether they speak the buyer's language (the service allows it — the case is then theirs
 * to see — but a lead should not do it by accident).
 */
export function AssignField({ c, ctx }: { c: Case; ctx: CaseViewContext }) {
  // Only people who can take a case: active, and working cases (an admin alone does not).
  const agents = [...ctx.agents.values()]
    .filter((a) => a.active && a.roles.some((r) => r !== 'admin'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const lang = c.language.toUpperCase();
  return (
    <Field label="Assign to">
      {(id) => (
        <select
          id={id}
          value={c.assigneeId ?? ''}
          onChange={(e) =>
            e.target.value &&
            void ctx.mutate('case.assign', { caseId: c.id, agentId: e.target.value })
          }
        >
          {!c.assigneeId && <option value="">Unassigned</option>}
          {agents.map((a) => {
            const load = ctx.load?.get(a.id);
            const speaks = a.languages.includes(c.language);
            return (
              <option key={a.id} value={a.id}>
                {a.name}
                {load === undefined ? '' : ` · ${load} open`}
                {speaks ? '' : ` · does not speak ${lang}`}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}
