import { describe, expect, it } from 'vitest';
import { deepLinkInArgv, parseDeepLink } from './deep-links';
import { StoredSession } from './ipc-contract';
import { emptySignals, notificationsFor, type DeskSignals } from './notification-rules';
import { DEFAULT_SETTINGS, ServerChoice, ServerUrl, Settings, SettingsPatch } from './settings';

describe('deep links', () => {
  it('open a case by its reference', () => {
    expect(parseDeepLink('casedesk://case/CD-100042')).toEqual({
      kind: 'case',
      reference: 'CD-100042',
    });
    expect(parseDeepLink('casedesk://case/cd-100042/')).toEqual({
      kind: 'case',
      reference: 'CD-100042',
    });
    expect(parseDeepLink('casedesk:case/CD-7')).toEqual({ kind: 'case', reference: 'CD-7' });
  });

  it('ignore anything that is not exactly a case link', () => {
    for (const bad of [
      'casedesk://case/',
      'casedesk://case/CD-1/extra',
      'casedesk://settings/CD-1',
      'https://case/CD-1',
      'casedesk://case/<script>',
      'casedesk://case/CD-1?x=1',
      'casedesk://case/%E0%A4%A',
      `casedesk://case/CD-${'1'.repeat(300)}`,
    ]) {
      expect(parseDeepLink(bad), bad).toBeNull();
    }
  });

  it('are found among command-line arguments', () => {
    expect(deepLinkInArgv(['/usr/bin/casedesk', '--flag', 'casedesk://case/CD-5'])).toEqual({
      kind: 'case',
      reference: 'CD-5',
    });
    expect(deepLinkInArgv(['/usr/bin/casedesk'])).toBeNull();
  });
});

describe('a team server address', () => {
  it('is kept as its origin', () => {
    expect(ServerUrl.parse('https://Cases.Example.com/api/')).toBe('https://cases.example.com');
    expect(ServerUrl.parse(' http://localhost:4870 ')).toBe('http://localhost:4870');
  });

  it('must be https unless it is this machine, and carries no credentials', () => {
    for (const bad of [
      'http://cases.example.com',
      'ftp://x.example.com',
      'https://u:p@x.example.com',
      'cases.example.com',
      '',
    ]) {
      expect(ServerUrl.safeParse(bad).success, bad).toBe(false);
    }
    expect(ServerChoice.safeParse({ mode: 'server', url: 'https://x.example.com' }).success).toBe(
      true,
    );
    expect(ServerChoice.safeParse({ mode: 'server' }).success).toBe(false);
  });
});

describe('desktop notifications', () => {
  const signals = (over: Partial<DeskSignals>): DeskSignals => ({ ...emptySignals(), ...over });
  const assigned = (key: string) => ({
    key,
    caseReference: key,
    detail: `${key}: Lamp not received`,
  });

  it('say nothing on the first look, so starting the app replays nothing', () => {
    expect(
      notificationsFor(
        null,
        signals({ assignedToMe: [assigned('CD-1')] }),
        DEFAULT_SETTINGS.notifications,
      ),
    ).toEqual([]);
  });

  it('tell about what is new, once', () => {
    const before = signals({ assignedToMe: [assigned('CD-1')] });
    const after = signals({ assignedToMe: [assigned('CD-1'), assigned('CD-2')] });
    expect(notificationsFor(before, after, DEFAULT_SETTINGS.notifications)).toEqual([
      {
        kind: 'assignedToMe',
        title: 'Case assigned to you',
        body: 'CD-2: Lamp not received',
        caseReference: 'CD-2',
      },
    ]);
    expect(notificationsFor(after, after, DEFAULT_SETTINGS.notifications)).toEqual([]);
  });

  it('respect the preferences', () => {
    const prefs = { ...DEFAULT_SETTINGS.notifications, slaAtRisk: false };
    const after = signals({
      slaAtRisk: [assigned('CD-3')],
      changeRejected: [{ key: 'm1', caseReference: null, detail: 'Refund refused' }],
    });
    expect(notificationsFor(emptySignals(), after, prefs).map((n) => n.kind)).toEqual([
      'changeRejected',
    ]);
  });
});

describe('notification settings', () => {
  it('read settings stored before "action failed" existed, with it on', () => {
    const { actionFailed: _, ...older } = DEFAULT_SETTINGS.notifications;
    const stored = { ...DEFAULT_SETTINGS, notifications: older };
    expect(Settings.parse(stored).notifications.actionFailed).toBe(true);
  });

  it('leave "action failed" alone when another preference changes', () => {
    expect(SettingsPatch.parse({ notifications: { assignedToMe: false } })).toEqual({
      notifications: { assignedToMe: false },
    });
  });
});

describe('a stored session', () => {
  const agent = {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Ana Agent',
    email: 'ana@example.com',
    roles: ['agent'],
    languages: ['en'],
    refundLimit: { amount: 50_000, currency: 'EUR' },
    active: true,
    lastSeenAt: null,
  };

  it('is kept when its agent has a role this version does not know, without that role', () => {
    const kept = StoredSession.parse({
      token: 't',
      agent: { ...agent, roles: ['lead', 'quality_coach'] },
    });
    expect(kept.agent.roles).toEqual(['lead']);
  });

  it('is still refused when none of its roles is known, or a field is wrong', () => {
    expect(
      StoredSession.safeParse({ token: 't', agent: { ...agent, roles: ['quality_coach'] } })
        .success,
    ).toBe(false);
    expect(StoredSession.safeParse({ token: '', agent }).success).toBe(false);
  });
});
