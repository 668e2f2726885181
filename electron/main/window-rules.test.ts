import { describe, expect, it } from 'vitest';
import {
  allowPermission,
  decideNavigation,
  decideWindowOpen,
  isSafeExternalUrl,
  secureWebPreferences,
} from './window-rules';

describe('window rules', () => {
  it('locks every window down: isolation, sandbox, no Node, web security', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('lets the app navigate within itself only', () => {
    expect(decideNavigation('app://casedesk/index.html#case')).toEqual({ allow: true });
    expect(decideNavigation('https://evil.example.com/')).toEqual({
      allow: false,
      openExternally: 'https://evil.example.com/',
    });
    expect(decideNavigation('app://other/index.html')).toEqual({
      allow: false,
      openExternally: null,
    });
  });

  it('opens only plain https links in the system browser', () => {
    expect(isSafeExternalUrl('https://www.degeschillencommissie.nl/')).toBe(true);
    for (const bad of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'casedesk://case/CD-1',
      'https://user:pw@example.com/',
      'https://localhost/',
      'smb://server/share',
      `https://example.com/${'a'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(isSafeExternalUrl(bad), bad).toBe(false);
    }
  });

  it('never opens a new app window', () => {
    expect(decideWindowOpen('app://casedesk/index.html')).toEqual({ openExternally: null });
    expect(decideWindowOpen('https://example.com/x')).toEqual({
      openExternally: 'https://example.com/x',
    });
  });

  it('grants notifications to the app and nothing else to anyone', () => {
    expect(allowPermission('notifications', 'app://casedesk/index.html')).toBe(true);
    expect(allowPermission('notifications', 'https://example.com/')).toBe(false);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(allowPermission(p, 'app://casedesk/index.html'), p).toBe(false);
    }
  });
});
