import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../shared/shortcuts';
import { appMenuTemplate, type MenuActions } from './app-menu';
import { aboutText, windowTitle } from './build-info';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function actions(sent: string[]): MenuActions {
  return {
    send: (c) => void sent.push(c),
    showAbout: () => void sent.push('about'),
    openLogs: () => void sent.push('logs'),
    quit: () => void sent.push('quit'),
  };
}

// Electron's accelerator grammar (docs/api/accelerator.md): modifiers, then one key code.
const MODIFIERS =
  /^(Command|Cmd|Control|Ctrl|CommandOrControl|CmdOrCtrl|Alt|Option|AltGr|Shift|Super|Meta)$/;
const KEY =
  /^([0-9A-Za-z]|F([1-9]|1[0-9]|2[0-4])|[)!@#$%^&*(:;+=<,_\-.>?/~`{\]\\}"'|[]|Plus|Space|Tab|Capslock|Numlock|Scrolllock|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|PrintScreen|num[0-9]|numdec|numadd|numsub|nummult|numdiv)$/;
const isAccelerator = (a: string) => {
  const parts = a === '+' ? ['+'] : a.split('+');
  return parts.slice(0, -1).every((m) => MODIFIERS.test(m)) && KEY.test(parts.at(-1)!);
};

describe('the application menu', () => {
  it('gives every item an accelerator Electron knows', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = flatten(appMenuTemplate(platform, actions([]), { devTools: true }));
      const accelerators = items.map((i) => i.accelerator).filter((a) => a !== undefined);
      expect(accelerators.length).toBeGreaterThan(5);
      for (const a of accelerators) expect(isAccelerator(String(a)), String(a)).toBe(true);
    }
  });

  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`lists every workspace shortcut and sends its command when clicked (${platform})`, () => {
      const sent: string[] = [];
      const items = flatten(appMenuTemplate(platform, actions(sent), { devTools: false }));
      for (const s of SHORTCUTS) {
        const item = items.find((i) => i.label === s.label);
        expect(item, s.label).toBeDefined();
        expect(item!.registerAccelerator).toBe(false);
        (item!.click as () => void)();
      }
      expect(sent).toEqual(SHORTCUTS.map((s) => s.command));
      expect(items.filter((i) => i.label === 'About Casedesk')).toHaveLength(1);
    });
  }

  it('offers developer tools only when asked to', () => {
    const roles = (devTools: boolean) =>
      flatten(appMenuTemplate('linux', actions([]), { devTools })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

describe('build marking', () => {
  const qa = { name: 'Casedesk', version: '0.2.0', commit: 'abc1234', channel: 'qa' as const };

  it('marks a QA build in the window title with version, commit and server', () => {
    expect(windowTitle(qa, 'https://cases.example.com')).toBe(
      'Casedesk — QA build 0.2.0 (abc1234) — https://cases.example.com',
    );
    expect(windowTitle({ ...qa, channel: 'release' }, 'x')).toBe('Casedesk');
  });

  it('shows version, commit and server in the About box', () => {
    const about = aboutText(qa, 'demo data on this computer');
    expect(about.message).toBe('Casedesk (QA build)');
    expect(about.detail).toContain('Version: 0.2.0');
    expect(about.detail).toContain('Commit: abc1234');
    expect(about.detail).toContain('Server: demo data on this computer');
  });
});
