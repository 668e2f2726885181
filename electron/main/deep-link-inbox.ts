import type { DeepLink } from '../../shared/desktop/deep-links';

/**
 * Deep links (casedesk://case/CD-…) between their arrival and a workspace that can open
 * them. A link that starts the app arrives before the window has loaded, long before the
 * workspace subscribes, so sending it then loses it: the inbox holds it until the
 * workspace asks (`links.take-pending-case`). From then on — until the page loads again —
 * the workspace is listening, and later links are sent at once.
 */
export function createDeepLinkInbox(send: (reference: string) => void) {
  let held: DeepLink | null = null;
  let listening = false;
  return {
    /** A link from argv, open-url or a second instance. */
    receive(link: DeepLink | null): void {
      if (!link) return;
      if (listening) send(link.reference);
      else held = link; // the latest one wins: it is what the person clicked last
    },
    /** The workspace asks: the held reference, once. */
    take(): string | null {
      listening = true;
      const reference = held?.reference ?? null;
      held = null;
      return reference;
    },
    /** The page (re)loads: its listeners are gone until it asks again. */
    pageLoading(): void {
      listening = false;
    },
  };
}
export type DeepLinkInbox = ReturnType<typeof createDeepLinkInbox>;
