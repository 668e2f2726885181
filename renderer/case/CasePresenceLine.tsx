import { othersOnCase } from '../../shared';
import { useAppSelector } from '../app/hooks';
import type { CaseViewContext } from './case-model';
import { useCasePresence } from './use-case-presence';

/**
 * Who else has this case open, and who of them is typing a reply — live, so two people do
 * not answer one buyer without knowing of each other. Also keeps this agent's own
 * presence on the case going (see useCasePresence).
 */
export function CasePresenceLine({ caseId, ctx }: { caseId: string; ctx: CaseViewContext }) {
  useCasePresence(caseId);
  const heard = useAppSelector((s) => s.presence.cases[caseId]);
  const others = heard
    ? othersOnCase(heard.viewers, ctx.me.id, heard.heardAt, ctx.now.getTime())
    : [];
  return (
    <p role="status" aria-label="Others on this case" className="presence-line small">
      {others.length > 0 && (
        <>
          Also here:{' '}
          {others.map((v, i) => (
            <span key={v.agentId} className={v.typing ? 'presence typing' : 'presence'}>
              {i > 0 && ', '}
              <strong>{v.name}</strong>
              {v.typing ? ' is typing a reply…' : ' is viewing'}
            </span>
          ))}
        </>
      )}
    </p>
  );
}
