/**
 * The workspace's Content-Security-Policy, wherever it is served from (the case service in
 * a browser, the app:// protocol in the desktop app): it talks only to its own origin, and
 * nothing else may load or run.
 */
export const WORKSPACE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');
