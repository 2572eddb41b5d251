/**
 * App lifecycle: one instance, one window, pages from app://kluis, every door the page could use to
 * leave (navigation, popups, webviews, permissions) shut. The data and the keys live in the core;
 * this file only wires it to the window and closes it on quit, which zeroes the keys.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  powerMonitor,
  protocol,
  session,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { createDispatcher } from './core/dispatch';
import { chromiumLocaleFor, readDisplayLanguage } from './core/install/displayLanguage';
import { openKluis, type KluisCore } from './core/kluis';
import { registerIpc, sendEvent } from './ipc';
import type { MenuCommand } from '../shared/channels';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isAppUrl,
  makeOwnerOnly,
  resolveAppPath,
} from './security';
import { secureWindowOptions } from './windowOptions';

// Built layout: out/main/main.js, out/preload/preload.cjs, out/renderer/.
const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/preload.cjs');
const rendererDir = path.join(here, '../renderer');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

let mainWindow: BrowserWindow | null = null;
let core: KluisCore | null = null;

const dataDir = path.join(app.getPath('userData'), 'data');

// Must run before 'ready': Chromium's locale, which date fields follow, is fixed at startup. The
// language last chosen in the window, where the system's locale does not speak it.
const chromiumLocale = chromiumLocaleFor(readDisplayLanguage(dataDir), systemLanguage());
if (chromiumLocale !== null) app.commandLine.appendSwitch('lang', chromiumLocale);

/** The system's first language, before 'ready' (app.getLocale needs it); Node's own locale if that fails. */
function systemLanguage(): string {
  const nodeLocale = Intl.DateTimeFormat().resolvedOptions().locale;
  try {
    return app.getPreferredSystemLanguages()[0] ?? nodeLocale;
  } catch {
    return nodeLocale;
  }
}

// Must run before 'ready'. 'standard' gives app://kluis a real origin (so CSP 'self' and relative
// URLs work); 'secure' makes it a secure context, like https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Every renderer sandboxed, whatever options a future window is created with.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Two processes on one encrypted DB would fight over it: the second one just hands over.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('before-quit', closeCoreBeforeQuit);
  // Quit with the last window, on macOS too: a closed CRM should not keep keys in memory.
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  denyAllPermissions();
  keepDownloadsPrivate();
  protocol.handle(APP_SCHEME, serveRendererFile);

  core = await openKluis({
    dataDir,
    // In development the Node build in node_modules serves `npm test`; scripts/start.mjs puts an
    // Electron build beside the app. Packaged apps get theirs from electron-builder.
    nativeBinding: app.isPackaged
      ? undefined
      : path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node'),
  });
  const dispatcher = createDispatcher(core, { trustedOrigins: [APP_ORIGIN] });
  const lockNow = (reason: 'manual' | 'system') => void core?.lock(reason);
  const menuCommand = (command: MenuCommand) => sendEvent(mainWindow, 'menu.command', { command });
  Menu.setApplicationMenu(buildMenu(app.isPackaged, () => lockNow('manual'), menuCommand));
  // Walking away counts: suspend and the OS screen lock also lock Kluis (keys zeroed, DB closed).
  powerMonitor.on('suspend', () => lockNow('system'));
  powerMonitor.on('lock-screen', () => lockNow('system'));
  registerIpc(dispatcher, () => mainWindow);

  mainWindow = new BrowserWindow(secureWindowOptions(preloadPath, { isPackaged: app.isPackaged }));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/`);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Kluis could not start', message);
  // app.exit skips 'before-quit', so close the core (zeroing keys) here first.
  const closing = core?.close() ?? Promise.resolve();
  core = null;
  void closing.catch(() => undefined).finally(() => app.exit(1));
}

async function serveRendererFile(request: Request): Promise<Response> {
  const filePath = request.method === 'GET' ? resolveAppPath(rendererDir, request.url) : null;
  if (filePath !== null) {
    try {
      const body = await readFile(filePath);
      return new Response(new Uint8Array(body), {
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(filePath) },
      });
    } catch {
      // Missing file or a directory: fall through to 404.
    }
  }
  return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
}

/** Applies to every webContents, including any a bug or an attacker manages to create. */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Kluis needs no camera, microphone, location, notifications or any other browser permission. */
function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

/**
 * Exports and recovery codes are saved by the page as downloads (renderer/src/saveFile.ts), and
 * Chromium gives a file the usual mode, readable by every account on the computer. They hold
 * personal data or secrets, so once saved they are the user's alone, as the database and backups are.
 */
function keepDownloadsPrivate(): void {
  session.defaultSession.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      if (state === 'completed') makeOwnerOnly(item.getSavePath());
    });
  });
}

/**
 * Edit roles make copy/paste work in fields (on macOS they need a menu). Undo and redo are the
 * renderer's to decide: in a text field they are the field's own, elsewhere the CRM's (DESIGN §7).
 * Their shortcuts are shown but left to the page on Windows and Linux, where it sees the keys;
 * on macOS the menu takes the keys and forwards the command.
 */
function buildMenu(isPackaged: boolean, lock: () => void, command: (command: MenuCommand) => void): Menu {
  const template: MenuItemConstructorOptions[] = [];
  if (process.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({
    label: 'Kluis',
    submenu: [
      { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: lock },
      { type: 'separator' },
      process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => command('undo') },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false, click: () => command('redo') },
      { label: 'History…', click: () => command('history') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  // No reload or DevTools for users: DevTools can read every decrypted record on screen.
  if (!isPackaged) {
    template.push({ label: 'Develop', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  return Menu.buildFromTemplate(template);
}

/** 'before-quit' cannot await, so hold the quit once, close the core (zeroing keys), then quit. */
let closing = false;
function closeCoreBeforeQuit(event: Electron.Event): void {
  if (core === null) return;
  event.preventDefault();
  if (closing) return;
  closing = true;
  const closingCore = core;
  closingCore
    .close()
    .catch(() => undefined)
    .finally(() => {
      core = null;
      app.quit();
    });
}
