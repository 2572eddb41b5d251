/**
 * The main window's options as a pure function, so a test can assert every security flag without
 * an Electron binary. This file must not import 'electron' (not even types): only main.ts,
 * preload.ts and ipc.ts may. The interfaces below are a structural subset of Electron's
 * BrowserWindowConstructorOptions, so main.ts can pass the result straight to `new BrowserWindow`.
 */

export interface SecureWebPreferences {
  preload: string;
  /** The page and the preload live in separate JS worlds; the page only sees what contextBridge copies. */
  contextIsolation: true;
  /** The renderer runs in Chromium's OS sandbox; the preload gets only a tiny 'electron' subset. */
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  /** Same-origin policy and CORS stay on. */
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  /** No extra Blink features switched on. */
  enableBlinkFeatures: '';
  /** A file dropped on the window must not replace our page. */
  navigateOnDragDrop: false;
  /** On some systems the spellchecker sends typed words to an online service: CRM data must not leave. */
  spellcheck: false;
  /** A page cannot trap the user in a loop of alert() dialogs. */
  safeDialogs: true;
  /** DevTools could read every decrypted record on screen: only in development. */
  devTools: boolean;
}

export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  /** Shown on 'ready-to-show', so the user never sees a blank white frame. */
  show: false;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

export interface WindowContext {
  /** `app.isPackaged`: packaged builds get no DevTools. */
  isPackaged: boolean;
}

export function secureWindowOptions(preloadPath: string, context: WindowContext): SecureWindowOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'Kluis',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
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
      enableBlinkFeatures: '',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !context.isPackaged,
    },
  };
}
