/**
 * A stand-in for the 'electron' module, so main.ts, ipc.ts and preload.ts can run under vitest on
 * Node (no Electron binary here, DESIGN §9). Each test file mocks 'electron' with this module and
 * inspects `fake` to see what our code asked Electron to do. Only what our files use is faked.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  removeListener(name: string, listener: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== listener));
    return this;
  }
  emit(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((l) => l(...args));
  }
}

/** An Electron-style event whose default can be prevented. */
export function fakeEvent(extra: Record<string, unknown> = {}): { defaultPrevented: boolean; preventDefault(): void } & Record<string, unknown> {
  return {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends Emitter {
  url = '';
  readonly mainFrame = { url: '' };
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

export class BrowserWindow extends Emitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  shown = false;
  constructor(readonly options: unknown) {
    super();
    BrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.url = url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  show(): void {
    this.shown = true;
  }
}

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

export const fake = {
  calls: [] as string[],
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  devicePermissionHandler: null as Listener | null,
  menuTemplate: null as unknown,
  ipcHandlers: new Map<string, Listener>(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Emitter(),
  rendererInvocations: [] as unknown[][],
  quitCount: 0,
  isPackaged: true,
  hasLock: true,
  /** What app.getPath('userData') answers: a test may point it at a real folder. */
  userData: '/fake/userData',
  /** What app.getPreferredSystemLanguages() answers. */
  systemLanguages: ['en-US'],
  /** Chromium command-line switches the app appended, as [name, value]. */
  switches: [] as [string, string | undefined][],
  ready: () => resolveReady(),
};

class FakeApp extends Emitter {
  get isPackaged(): boolean {
    return fake.isPackaged;
  }
  enableSandbox(): void {
    fake.calls.push('app.enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    return fake.hasLock;
  }
  whenReady(): Promise<void> {
    return ready;
  }
  quit(): void {
    fake.quitCount += 1;
    fake.calls.push('app.quit');
  }
  exit(): void {
    fake.calls.push('app.exit');
  }
  readonly commandLine = {
    appendSwitch(name: string, value?: string): void {
      fake.switches.push([name, value]);
    },
  };
  getPath(name: string): string {
    return name === 'userData' ? fake.userData : `/fake/${name}`;
  }
  getPreferredSystemLanguages(): string[] {
    return fake.systemLanguages;
  }
  getAppPath(): string {
    return '/fake/app';
  }
}

export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    fake.calls.push('protocol.registerSchemesAsPrivileged');
    fake.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    fake.calls.push('protocol.handle');
    fake.protocolHandlers.set(scheme, handler);
  },
};

class FakeSession extends Emitter {
  setPermissionRequestHandler(handler: Listener): void {
    fake.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    fake.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    fake.devicePermissionHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

/** A download as 'will-download' hands it over: its path once saved, and 'done' when finished. */
export class FakeDownloadItem extends Emitter {
  constructor(private readonly savePath: string) {
    super();
  }
  getSavePath(): string {
    return this.savePath;
  }
}

/** Suspend and screen-lock events, emitted by tests. */
export const powerMonitor = new Emitter();

export const Menu = {
  buildFromTemplate(template: unknown): unknown {
    fake.menuTemplate = template;
    return { template };
  },
  setApplicationMenu(): void {},
};

export const dialog = {
  showErrorBox(title: string, message: string): void {
    fake.calls.push(`dialog.showErrorBox: ${title}: ${message}`);
  },
};

export const ipcMain = {
  handle(channel: string, handler: Listener): void {
    fake.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    fake.ipcHandlers.delete(channel);
  },
};

// Preload side.
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    fake.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  invoke(...args: unknown[]): Promise<unknown> {
    fake.rendererInvocations.push(args);
    return Promise.resolve({ ok: true, value: 'from-main' });
  },
  on(channel: string, listener: Listener): void {
    fake.rendererListeners.on(channel, listener);
  },
  removeListener(channel: string, listener: Listener): void {
    fake.rendererListeners.removeListener(channel, listener);
  },
};
