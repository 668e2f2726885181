import type { WebPreferences } from 'electron';

/** The workspace is served from this origin and nowhere else (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://casedesk`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Locked down: the renderer is a web page that reaches its host only through the preload. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    disableBlinkFeatures: 'Auxclick',
  };
}

export function isAppUrl(raw: string): boolean {
  try {
    // Node's URL gives non-special schemes the origin "null", so compare the parts.
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'casedesk';
  } catch {
    return false;
  }
}

/**
 * Links the app may hand to the system browser: https to a real host, no credentials in
 * the URL, nothing absurdly long. Everything else (file:, javascript:, custom schemes,
 * http) is refused — a buyer's message is untrusted text and may carry any of them.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (raw.length > 2_048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return false;
  return true;
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | null };

/** In-window navigation stays inside the app; a safe https link goes to the system browser. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, openExternally: isSafeExternalUrl(url) ? url : null };
}

/** New windows are never opened by the renderer; safe links go to the system browser. */
export function decideWindowOpen(url: string): { openExternally: string | null } {
  return { openExternally: isSafeExternalUrl(url) ? url : null };
}

/** Only notifications, and only for the app itself. */
export function allowPermission(permission: string, requestingUrl: string): boolean {
  return permission === 'notifications' && isAppUrl(requestingUrl);
}
