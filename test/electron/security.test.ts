import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isAppUrl,
  resolveAppPath,
} from '../../electron/security';

const root = path.resolve('/srv/kluis/out/renderer');
const resolve = (url: string): string | null => resolveAppPath(root, url);

describe('resolveAppPath', () => {
  it('serves index.html for the root', () => {
    expect(resolve('app://kluis/')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://kluis')).toBe(path.join(root, 'index.html'));
  });
  it('maps a nested asset inside the renderer folder', () => {
    expect(resolve('app://kluis/assets/index-abc123.js')).toBe(path.join(root, 'assets', 'index-abc123.js'));
  });
  it('ignores query strings and fragments', () => {
    expect(resolve('app://kluis/assets/a.css?v=2')).toBe(path.join(root, 'assets', 'a.css'));
    expect(resolve('app://kluis/index.html#/contacts')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://kluis/?x=1')).toBe(path.join(root, 'index.html'));
  });
  it('decodes ordinary percent-encoding once', () => {
    expect(resolve('app://kluis/assets/my%20font.woff2')).toBe(path.join(root, 'assets', 'my font.woff2'));
  });

  it.each([
    ['plain ..', 'app://kluis/../../etc/passwd'],
    ['.. in the middle', 'app://kluis/assets/../../secret'],
    ['encoded %2e%2e', 'app://kluis/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded %2E%2E', 'app://kluis/%2E%2E/secret'],
    ['mixed .%2e', 'app://kluis/.%2e/secret'],
    ['encoded slash', 'app://kluis/..%2f..%2fsecret'],
    ['double-encoded', 'app://kluis/%252e%252e/secret'],
    ['backslash', 'app://kluis/..\\..\\secret'],
    ['encoded backslash', 'app://kluis/assets%5c..%5c..%5csecret'],
    ['single dot segment', 'app://kluis/./index.html'],
    ['absolute path via //', 'app://kluis//etc/passwd'],
    ['Windows drive letter', 'app://kluis/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://kluis/C%3A%5CWindows'],
    ['NUL byte', 'app://kluis/index.html%00.png'],
    ['hidden control character', 'app://kluis/.%09./secret'],
    ['malformed encoding', 'app://kluis/%E0%A4%A'],
  ])('refuses traversal: %s', (_name, url) => {
    expect(resolve(url)).toBeNull();
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://kluis.evil.com/index.html'],
    ['credentials in the URL', 'app://user:pw@kluis/index.html'],
    ['a port', 'app://kluis:8080/index.html'],
    ['https', 'https://kluis/index.html'],
    ['file://', 'file:///etc/passwd'],
    ['a relative string', '../index.html'],
    ['an empty string', ''],
  ])('refuses requests that are not ours: %s', (_name, url) => {
    expect(resolve(url)).toBeNull();
  });

  it('never returns a path outside the renderer folder, whatever the input', () => {
    const attempts = ['..', '%2e%2e', '.%2E', '%2E.', '..%5c', '%c0%ae%c0%ae', '...', '....//'];
    for (const a of attempts) {
      for (const url of [`app://kluis/${a}/x`, `app://kluis/assets/${a}/${a}/x`, `app://kluis/${a}`]) {
        const result = resolve(url);
        if (result !== null) expect(result.startsWith(root + path.sep)).toBe(true);
      }
    }
  });
});

describe('isAppUrl', () => {
  it('accepts our origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl('app://kluis/index.html?x#y')).toBe(true);
  });
  it.each([
    'https://kluis/',
    'http://127.0.0.1:5173/',
    'app://evil/',
    'app://kluis.evil/',
    'app://x@kluis/',
    'app://kluis:1/',
    'file:///index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it("falls back to nothing (default-src 'none')", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });
  it("allows scripts and styles from our own origin only", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });
  it('has no unsafe-inline, unsafe-eval or unsafe-hashes anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
  });
  it('names no remote host, scheme wildcard or wildcard', () => {
    const sources = [...directives.values()].flat();
    for (const source of sources) {
      expect(["'self'", "'none'", 'data:']).toContain(source);
    }
  });
  it('only images may use data: URLs', () => {
    for (const [name, values] of directives) {
      if (name !== 'img-src') expect(values).not.toContain('data:');
    }
  });
  it('blocks plugins, <base>, form posts and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
  it('lets the page talk to no server but its own origin', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/a.js', 'text/javascript; charset=utf-8'],
    ['assets/a.css', 'text/css; charset=utf-8'],
    ['logo.SVG', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
