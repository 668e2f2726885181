import type { Agent } from '../../shared';

/**
 * Where the workspace runs. In a browser it is served by the case service itself, so the
 * server is this origin. The session token lives in sessionStorage: it survives a reload
 * of the tab (and an offline restart of it) but not the tab, and it is never shared with
 * other tabs. The desktop app keeps it in the OS keychain instead (desktop-shell issue).
 */
export const host = {
  serverUrl(): string {
    return window.location.origin;
  },
  loadSession(): { token: string; agent: Agent } | null {
    const raw = sessionStorage.getItem('casedesk.session');
    if (!raw) return null;
    try {
      return JSON.parse(raw) as { token: string; agent: Agent };
    } catch {
      return null;
    }
  },
  saveSession(token: string, agent: Agent): void {
    sessionStorage.setItem('casedesk.session', JSON.stringify({ token, agent }));
  },
  clearSession(): void {
    sessionStorage.removeItem('casedesk.session');
  },
};
