/**
 * The main process: the thin layer over Electron. Every decision (window rules, IPC
 * validation, settings, credentials, the embedded service, deep links, menu, marking) is
 * in a module of its own, tested under Node; this file only connects them to Electron.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import log from 'electron-log/main';
import ElectronStore from 'electron-store';
import { deepLinkInArgv, parseDeepLink } from '../../shared/desktop/deep-links';
import { ipcChannel, type IpcEvent, type IpcEventPayload } from '../../shared/desktop/ipc-contract';
import { ServerChoice, type Settings } from '../../shared/desktop/settings';
import { createAppProtocolHandler } from './app-protocol';
import { APP_ID } from './app-identity';
import { appMenuTemplate } from './app-menu';
import { aboutText, appInfo, buildInfo, windowTitle } from './build-info';
import { createCredentialVault } from './credential-vault';
import { createDeepLinkInbox } from './deep-link-inbox';
import { createEmbeddedService, type ServiceChild } from './embedded-service';
import { closeForeignIpcChannels } from './foreign-ipc';
import { registerIpcHandlers } from './ipc-handlers';
import { signInOnLoopback } from './sso-loopback';
import { checkServer } from './server-check';
import { serviceEnvironment } from './service-environment';
import { createSettings, settingsStoreOptions } from './settings-store';
import { startOrExplain } from './startup-failure';
import {
  allowPermission,
  APP_ENTRY,
  APP_SCHEME,
  decideNavigation,
  decideWindowOpen,
  isSafeExternalUrl,
  secureWebPreferences,
} from './window-rules';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = buildInfo(app.getVersion());
log.transports.file.level = 'info';
log.errorHandler.startCatching();

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
]);

// Windows ties notifications and the taskbar to this id: the installer's appId.
app.setAppUserModelId(APP_ID);

const logFolder = () => path.dirname(log.transports.file.getFile().path);

if (!app.requestSingleInstanceLock()) {
  // The running instance receives our argv (and any deep link) in 'second-instance'.
  app.quit();
} else {
  void startOrExplain(start, {
    logError: (m) => log.error(m),
    logFolder,
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    exit: (code) => app.exit(code),
  });
}

async function start(): Promise<void> {
  let window: BrowserWindow | null = null;
  // Held until the workspace asks for it after sign-in; later links go straight to it.
  const links = createDeepLinkInbox((reference) => {
    if (window) send(window, 'case.open', { reference });
  });
  links.receive(deepLinkInArgv(process.argv));

  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient('casedesk', process.execPath, [path.resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient('casedesk');
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (window) focus(window);
    links.receive(parseDeepLink(url));
  });
  app.on('second-instance', (_event, argv) => {
    if (window) focus(window);
    links.receive(deepLinkInArgv(argv));
  });

  await app.whenReady();

  const settingsStore = new ElectronStore<Settings>(settingsStoreOptions());
  const settings = createSettings(settingsStore);
  const credentialsStore = new ElectronStore<{ session?: string }>({ name: 'credentials' });
  const vault = createCredentialVault(
    safeStorage,
    {
      get: () => credentialsStore.get('session'),
      set: (_k, v) => credentialsStore.set('session', v),
      delete: () => credentialsStore.delete('session'),
    },
    process.platform,
    log,
  );
  // Both libraries have opened their own IPC channels by now (electron-store in its first
  // constructor); the workspace uses neither, and they do not check the sender.
  closeForeignIpcChannels(ipcMain);

  const embedded = createEmbeddedService({
    spawn: spawnCaseService,
    log,
    onUrlChange: (url) => log.info(`standalone service: ${url ?? 'down'}`),
  });
  // While the standalone service starts (a few seconds on first start: migrations and
  // demo data), the window is already up and its first API calls simply wait.
  const backend = (): string | null | Promise<string | null> => {
    const s = settings.read();
    if (s.mode === 'server') return s.serverUrl;
    return embedded.url() ?? embedded.whenReady(120_000);
  };
  const server = () => {
    const s = settings.read();
    return s.mode === 'server' && s.serverUrl
      ? { label: s.serverUrl, id: s.serverUrl }
      : { label: 'demo data on this computer', id: 'standalone' };
  };

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      webRoot: path.join(here, '../renderer'),
      backend,
      fetch: (url, init) => net.fetch(url, init),
    }),
  );
  hardenSessions();

  registerIpcHandlers(ipcMain, {
    'app.info': () => appInfo(build, server()),
    'settings.get': () => settings.read(),
    'settings.update': (patch) => settings.update(patch),
    'server.connect': async (choice) => {
      const parsed = ServerChoice.parse(choice);
      if (parsed.mode === 'standalone') {
        settings.useStandalone();
        if (!embedded.url()) await embedded.start();
      } else {
        const check = await checkServer(parsed.url, (u, i) => net.fetch(u, i));
        if (!check.ok) return { ok: false, reason: check.reason };
        settings.useServer(parsed.url);
        await embedded.stop();
      }
      vault.clear();
      if (window) window.setTitle(windowTitle(build, server().label));
      return { ok: true, info: appInfo(build, server()) };
    },
    'credentials.load': () => vault.load(),
    'credentials.save': (s) => vault.save(s),
    'credentials.clear': () => {
      vault.clear();
      return null;
    },
    'notifications.show': (n) => {
      const prefs = settings.read().notifications;
      if (!prefs[n.kind] || !Notification.isSupported()) return false;
      const note = new Notification({ title: n.title, body: n.body });
      note.on('click', () => {
        if (window) focus(window);
        if (n.caseReference && window) send(window, 'case.open', { reference: n.caseReference });
      });
      note.show();
      return true;
    },
    'badge.set': (count) => {
      app.setBadgeCount(count);
      return null;
    },
    'links.open-external': async (url) => {
      if (!isSafeExternalUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
    'links.take-pending-case': () => links.take(),
    'auth.single-sign-on': async () => {
      const service = await backend();
      if (!service) return { error: 'The case service is not running.' };
      return signInOnLoopback(service, (url) => shell.openExternal(url));
    },
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        process.platform,
        {
          send: (command) => window && send(window, 'menu.command', command),
          showAbout: () => {
            const about = aboutText(build, server().label);
            void dialog.showMessageBox({ type: 'info', title: 'About Casedesk', ...about });
          },
          openLogs: () => void shell.openPath(logFolder()),
          quit: () => app.quit(),
        },
        { devTools: build.channel !== 'release' },
      ),
    ),
  );

  window = createWindow(settings);
  if (settings.read().mode === 'standalone') {
    void embedded.start().catch((err: Error) => {
      log.error(`the standalone case service did not start: ${err.message}`);
      dialog.showErrorBox(
        'Casedesk could not start its local case service',
        `${err.message}\n\nThe logs are in ${logFolder()}.`,
      );
    });
  }
  app.on('activate', () => {
    if (!window) window = createWindow(settings);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    // Give PGlite its clean shutdown before the process goes.
    event.preventDefault();
    stopped = true;
    void embedded.stop().finally(() => app.quit());
  });

  function createWindow(s: ReturnType<typeof createSettings>): BrowserWindow {
    const bounds = s.read().windowBounds;
    const win = new BrowserWindow({
      ...(bounds
        ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }
        : { width: 1440, height: 900 }),
      minWidth: 900,
      minHeight: 600,
      title: windowTitle(build, server().label),
      show: false,
      webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs')),
    });
    if (bounds?.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    // The page's <title> must not replace the QA marking.
    win.on('page-title-updated', (e) => e.preventDefault());
    win.on('close', () => {
      const b = win.getNormalBounds();
      s.saveWindowBounds({ ...b, maximized: win.isMaximized() });
    });
    win.on('closed', () => {
      if (window === win) window = null;
      links.pageLoading();
    });
    // A new page (a reload, a switched server) has no listener until it asks again.
    win.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) links.pageLoading();
    });
    void win.loadURL(APP_ENTRY);
    return win;
  }
}

function spawnCaseService(): ServiceChild {
  const userData = app.getPath('userData');
  const migrationsDir = app.isPackaged
    ? path.join(process.resourcesPath, 'migrations')
    : path.join(app.getAppPath(), 'server/db/migrations');
  const child = utilityProcess.fork(
    path.join(here, 'case-service.js'),
    [`--migrations-dir=${migrationsDir}`],
    {
      serviceName: 'Casedesk case service',
      stdio: 'pipe',
      env: serviceEnvironment(process.env, process.platform, {
        dataDir: path.join(userData, 'case-service'),
      }),
    },
  );
  child.stdout?.on('data', (d: Buffer) => log.info(`[case service] ${d.toString().trim()}`));
  child.stderr?.on('data', (d: Buffer) => log.warn(`[case service] ${d.toString().trim()}`));
  return {
    onMessage: (l) => void child.on('message', l),
    onExit: (l) => void child.on('exit', (code) => l(code)),
    postMessage: (m) => child.postMessage(m),
    kill: () => void child.kill(),
  };
}

function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowPermission(permission, details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      const decision = decideNavigation(url);
      if (decision.allow) return;
      event.preventDefault();
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
    });
    contents.on('will-redirect', (event, url) => {
      if (!decideNavigation(url).allow) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const { openExternally } = decideWindowOpen(url);
      if (openExternally) void shell.openExternal(openExternally);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function send<E extends IpcEvent>(win: BrowserWindow, event: E, payload: IpcEventPayload<E>): void {
  win.webContents.send(ipcChannel(event), payload);
}

function focus(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
