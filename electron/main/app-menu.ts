import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/desktop/ipc-contract';
import { SHORTCUTS } from '../../shared/shortcuts';

export interface MenuActions {
  send(command: MenuCommand): void;
  showAbout(): void;
  openLogs(): void;
  quit(): void;
}

const SHORTCUT_OF = new Map(SHORTCUTS.map((s) => [s.command, s]));

// The workspace's shortcuts are single keys (j, k, /): registered as menu accelerators
// they would fire while the agent types a reply. The menu shows them and sends the
// command when clicked; the keys themselves stay with the workspace.
function shortcutItem(command: MenuCommand, actions: MenuActions): MenuItemConstructorOptions {
  const s = SHORTCUT_OF.get(command);
  return {
    label: s?.label ?? command,
    ...(s
      ? {
          // Electron's accelerators name keys by their character: '/' (there is no 'Slash').
          accelerator: s.withCommandKey
            ? `CmdOrCtrl+${s.key.toUpperCase()}`
            : s.key === '?'
              ? 'Shift+/'
              : s.key,
          registerAccelerator: false,
        }
      : {}),
    click: () => actions.send(command),
  };
}

/** The application menu: the workspace's shortcuts, the usual edit and view roles, help. */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  opts: { devTools: boolean },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac
      ? [
          {
            label: 'Casedesk',
            submenu: [
              { label: 'About Casedesk', click: actions.showAbout },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'File',
      submenu: [
        { label: 'Sign out', click: () => actions.send('session.sign-out') },
        ...(mac
          ? []
          : [
              { type: 'separator' as const },
              { label: 'Quit', accelerator: 'Ctrl+Q', click: actions.quit },
            ]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        shortcutItem('queue.next', actions),
        shortcutItem('queue.previous', actions),
        shortcutItem('case.open-selected', actions),
        shortcutItem('queue.toggle-row', actions),
        shortcutItem('case.close', actions),
        { type: 'separator' },
        shortcutItem('search.focus', actions),
        shortcutItem('palette.open', actions),
      ],
    },
    {
      label: 'Case',
      submenu: [
        shortcutItem('case.reply', actions),
        shortcutItem('case.note', actions),
        shortcutItem('case.claim', actions),
        shortcutItem('case.resolve', actions),
        shortcutItem('case.assign', actions),
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(opts.devTools
          ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    {
      label: 'Help',
      submenu: [
        shortcutItem('shortcuts.show', actions),
        { label: 'Open the log folder', click: actions.openLogs },
        ...(mac
          ? []
          : [
              { type: 'separator' as const },
              { label: 'About Casedesk', click: actions.showAbout },
            ]),
      ],
    },
  ];
}
