import { describe, expect, it } from 'vitest';
import { deepLinkInArgv } from '../../shared/desktop/deep-links';
import { createDeepLinkInbox } from './deep-link-inbox';

describe('the deep-link inbox', () => {
  it('holds the link that started the app until the workspace asks for it, and hands it over once', () => {
    const sent: string[] = [];
    const inbox = createDeepLinkInbox((r) => sent.push(r));
    inbox.receive(deepLinkInArgv(['/opt/Casedesk/casedesk', 'casedesk://case/CD-100042']));
    inbox.pageLoading(); // the window loads: nothing is sent into a page not yet listening
    expect(sent).toEqual([]);
    expect(inbox.take()).toBe('CD-100042');
    expect(inbox.take()).toBeNull();
    expect(sent).toEqual([]);
  });

  it('sends later links at once while the workspace listens', () => {
    const sent: string[] = [];
    const inbox = createDeepLinkInbox((r) => sent.push(r));
    expect(inbox.take()).toBeNull();
    inbox.receive({ kind: 'case', reference: 'CD-7' });
    expect(sent).toEqual(['CD-7']);
    expect(inbox.take()).toBeNull();
  });

  it('holds links again while the page reloads, keeping the latest', () => {
    const sent: string[] = [];
    const inbox = createDeepLinkInbox((r) => sent.push(r));
    inbox.take();
    inbox.pageLoading();
    inbox.receive({ kind: 'case', reference: 'CD-1' });
    inbox.receive({ kind: 'case', reference: 'CD-2' });
    inbox.receive(null);
    expect(sent).toEqual([]);
    expect(inbox.take()).toBe('CD-2');
  });
});
