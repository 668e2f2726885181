import type { Platform } from '../../shared/desktop/platform';
import { createWebPlatform } from './web-platform';

declare global {
  interface Window {
    /** Exposed by the desktop app's preload (electron/preload); absent in a browser. */
    readonly casedesk?: Platform;
  }
}

/** The host the workspace runs in: the desktop app's preload bridge, or the browser. */
export const platform: Platform = window.casedesk ?? createWebPlatform();
