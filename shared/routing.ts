import { LANGUAGE_NAMES, type Channel, type Language } from './languages';

/**
 * Automatic assignment's choice (issue 18), pure: the service gathers who could take a
 * new case (active, with the role, speaking its language) under its routing lock, and
 * this decides who does and says why, in the words the case's event keeps.
 */
export interface RoutingCandidate {
  id: string;
  capacity: number;
  /** Assigned and not resolved, counted under the routing lock. */
  openCases: number;
  /** Assigned an earlier case of this buyer (resolving keeps the assignee). */
  handledBuyer: boolean;
  /** Their workspace reported presence within the last two minutes. */
  online: boolean;
  /** The live channels they are available on right now (empty when not available). */
  channels: readonly Channel[];
}

export type RoutingChoice = { agentId: string; reason: string } | { agentId: null; reason: string };

/** Email needs someone at work; chat and phone someone present on that channel. */
export function isAvailableFor(c: RoutingCandidate, channel: Channel): boolean {
  if (!c.online) return false;
  return channel === 'email' || c.channels.includes(channel);
}

/**
 * Who gets the case: among those available for its channel and under their capacity,
 * whoever handled the buyer before, else whoever has the fewest open cases; ties go to
 * the one with the most room left, then by id so every instance decides alike.
 */
export function chooseAssignee(
  candidates: readonly RoutingCandidate[],
  language: Language,
  channel: Channel,
): RoutingChoice {
  const speaks = `speaks ${language}`;
  if (candidates.length === 0) {
    return { agentId: null, reason: `auto: nobody who ${speaks} can take cases` };
  }
  const available = candidates.filter((c) => isAvailableFor(c, channel));
  if (available.length === 0) {
    return {
      agentId: null,
      reason:
        channel === 'email'
          ? `auto: nobody who ${speaks} is at work now`
          : `auto: nobody who ${speaks} is available for ${channel} now`,
    };
  }
  const withRoom = available.filter((c) => c.openCases < c.capacity);
  if (withRoom.length === 0) {
    return {
      agentId: null,
      reason: `auto: everyone available who ${speaks} is at capacity`,
    };
  }
  const byLoad = [...withRoom].sort(
    (a, b) =>
      a.openCases - b.openCases ||
      b.capacity - b.openCases - (a.capacity - a.openCases) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const known = byLoad.find((c) => c.handledBuyer);
  if (known) return { agentId: known.id, reason: `auto: handled this buyer before, ${speaks}` };
  return { agentId: byLoad[0]!.id, reason: `auto: fewest open cases, ${speaks}` };
}

/** How a lead reads a language in the routing settings ("Automatic assignment for Dutch"). */
export const routingSwitchName = (language: Language): string =>
  `Automatic assignment for ${LANGUAGE_NAMES[language]}`;
