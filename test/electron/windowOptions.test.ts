import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from '../../electron/windowOptions';

const packaged = secureWindowOptions('/app/out/preload/preload.cjs', { isPackaged: true });
const web = packaged.webPreferences;

describe('secureWindowOptions: webPreferences', () => {
  it('loads the given preload script', () => {
    expect(web.preload).toBe('/app/out/preload/preload.cjs');
  });
  it('isolates the page from the preload world (contextIsolation: true)', () => {
    expect(web.contextIsolation).toBe(true);
  });
  it('runs the renderer in the OS sandbox (sandbox: true)', () => {
    expect(web.sandbox).toBe(true);
  });
  it('gives the page no Node.js (nodeIntegration: false)', () => {
    expect(web.nodeIntegration).toBe(false);
  });
  it('gives web workers no Node.js (nodeIntegrationInWorker: false)', () => {
    expect(web.nodeIntegrationInWorker).toBe(false);
  });
  it('gives sub-frames no Node.js (nodeIntegrationInSubFrames: false)', () => {
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps the same-origin policy (webSecurity: true)', () => {
    expect(web.webSecurity).toBe(true);
  });
  it('refuses http content on the secure page (allowRunningInsecureContent: false)', () => {
    expect(web.allowRunningInsecureContent).toBe(false);
  });
  it('disables the <webview> tag (webviewTag: false)', () => {
    expect(web.webviewTag).toBe(false);
  });
  it('enables no experimental web platform features (experimentalFeatures: false)', () => {
    expect(web.experimentalFeatures).toBe(false);
  });
  it('enables no extra Blink features (enableBlinkFeatures: "")', () => {
    expect(web.enableBlinkFeatures).toBe('');
  });
  it('does not navigate to a file dropped on the window (navigateOnDragDrop: false)', () => {
    expect(web.navigateOnDragDrop).toBe(false);
  });
  it('never sends typed words to a spellcheck service (spellcheck: false)', () => {
    expect(web.spellcheck).toBe(false);
  });
  it('lets the user stop dialog loops (safeDialogs: true)', () => {
    expect(web.safeDialogs).toBe(true);
  });
  it('has no DevTools in a packaged app (devTools: false)', () => {
    expect(web.devTools).toBe(false);
  });
  it('has DevTools in development only (devTools: true when not packaged)', () => {
    expect(secureWindowOptions('/p.cjs', { isPackaged: false }).webPreferences.devTools).toBe(true);
  });
  it('sets no webPreferences beyond the reviewed list', () => {
    expect(Object.keys(web).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'enableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('secureWindowOptions: window', () => {
  it('stays hidden until ready-to-show (show: false)', () => {
    expect(packaged.show).toBe(false);
  });
  it('is titled Kluis', () => {
    expect(packaged.title).toBe('Kluis');
  });
  it('has a minimum size no larger than its initial size', () => {
    expect(packaged.minWidth).toBeLessThanOrEqual(packaged.width);
    expect(packaged.minHeight).toBeLessThanOrEqual(packaged.height);
  });
  it('paints a background colour before the page arrives', () => {
    expect(packaged.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
