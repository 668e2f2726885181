import { useEffect, useRef } from 'react';
import { CASE_PRESENCE_HEARTBEAT_MS } from '../../shared';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { typingStopped } from '../app/presence-slice';
import { caseHeartbeat, caseLeft } from '../app/presence-thunks';

/** A reply counts as being typed until this long after the last key. */
const TYPING_IDLE_MS = 5_000;

/**
 * While a case shows: a heartbeat saying this agent has it open (and whether they are
 * typing a reply, told at once when that changes), and a goodbye when it closes.
 */
export function useCasePresence(caseId: string): void {
  const dispatch = useAppDispatch();
  const typingAt = useAppSelector((s) =>
    s.presence.typing?.caseId === caseId ? s.presence.typing.at : null,
  );
  const typing = typingAt !== null;
  const typingNow = useRef(typing);
  typingNow.current = typing;

  useEffect(() => {
    void dispatch(caseHeartbeat(caseId, typingNow.current));
    const beat = setInterval(
      () => void dispatch(caseHeartbeat(caseId, typingNow.current)),
      CASE_PRESENCE_HEARTBEAT_MS,
    );
    return () => {
      clearInterval(beat);
      dispatch(typingStopped(caseId));
      void dispatch(caseLeft(caseId));
    };
  }, [dispatch, caseId]);

  // Starting and stopping to type are told at once, not at the next heartbeat.
  const told = useRef(typing);
  useEffect(() => {
    if (told.current === typing) return;
    told.current = typing;
    void dispatch(caseHeartbeat(caseId, typing));
  }, [dispatch, caseId, typing]);

  useEffect(() => {
    if (typingAt === null) return;
    const idle = setTimeout(
      () => dispatch(typingStopped(caseId)),
      Math.max(0, TYPING_IDLE_MS - (Date.now() - typingAt)),
    );
    return () => clearTimeout(idle);
  }, [dispatch, caseId, typingAt]);
}
