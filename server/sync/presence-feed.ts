import { canSeeCase, type Actor, type CasePresence } from '../../shared';
import type { Database } from '../db/database';
import { PRESENCE_CHANNEL, type PresenceNotice } from '../services/case-presence';

interface Subscriber {
  actor: Actor;
  send: (presence: CasePresence) => void;
}

/**
 * Turns presence NOTIFYs (from any instance on the database) into `presence` events for
 * the streams whose callers may see the case. Nothing is kept here: the viewers travel
 * in the notice, and the table is the one truth for every instance.
 */
export class PresenceFeed {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(PRESENCE_CHANNEL, (payload) => this.onNotice(payload));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.subscribers.clear();
  }

  subscribe(actor: Actor, send: (presence: CasePresence) => void) {
    const s: Subscriber = { actor, send };
    this.subscribers.add(s);
    return {
      unsubscribe: () => this.subscribers.delete(s),
      setActor: (a: Actor) => {
        s.actor = a;
      },
    };
  }

  private onNotice(payload: string): void {
    let n: PresenceNotice;
    try {
      n = JSON.parse(payload) as PresenceNotice;
    } catch {
      return; // Presence is advisory: an unreadable notice is dropped, the next heartbeat follows.
    }
    const presence: CasePresence = { caseId: n.caseId, viewers: n.viewers };
    for (const s of this.subscribers) {
      if (canSeeCase(s.actor, { language: n.language, assigneeId: n.assigneeId })) {
        s.send(presence);
      }
    }
  }
}
