/**
 * Pure helpers for the shell's security rules: the app:// origin, the CSP, and the mapping of
 * app:// requests to built renderer files. No 'electron' import, so they are tested on plain Node.
 *
 * Decision: Kluis never calls shell.openExternal. A CRM is full of text typed by others (emails,
 * notes, imported files); handing any of it to the OS to "open" would turn a link into a way out of
 * the sandbox. Links that try to navigate or open a window are simply blocked (see main.ts).
 */
import { chmodSync } from 'node:fs';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kluis';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Only our own files: no inline script or style, no eval, no remote host, no plugins, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://kluis/... only: our scheme, our host, no credentials, no port. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Maps app://kluis/<path> to a file inside rendererDir, or null when the request is not ours or
 * tries to leave the folder. The URL parser would silently resolve `..` (even `%2e%2e`), turning
 * an attack into a harmless-looking path; we look at the raw path instead and refuse outright, so
 * an attempt is never served anything.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  // isAppUrl accepted it, so this prefix only fails for tricks such as leading whitespace.
  if (!requestUrl.toLowerCase().startsWith(APP_ORIGIN)) return null;

  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '' || rawPath === '/') return path.resolve(rendererDir, 'index.html');
  if (!rawPath.startsWith('/')) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null; // malformed percent-encoding
  }
  // Our built files never contain these; each is a traversal or smuggling trick:
  // '\' (Windows separator), '%' left after one decode (double encoding), ':' (drive letters),
  // and control characters (which the URL parser drops, hiding e.g. '.\t.' as '..').
  // eslint-disable-next-line no-control-regex
  if (/[\\%:\u0000-\u001f\u007f]/.test(decoded)) return null;

  const segments = decoded.slice(1).split('/');
  // Empty segments ('//etc/passwd') and dot segments are refused rather than normalised.
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;

  const root = path.resolve(rendererDir);
  const resolved = path.resolve(root, ...segments);
  // Last line of defence, whatever the platform's path rules: stay strictly inside the folder.
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** With `X-Content-Type-Options: nosniff` the browser trusts this type, so unknown means inert bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Makes a saved file readable and writable by its owner alone (0600). Where the file system has no
 * such modes (Windows, a FAT stick) or the file is gone, it is left as it is: saving has succeeded.
 */
export function makeOwnerOnly(filePath: string): void {
  try {
    chmodSync(filePath, 0o600);
  } catch {
    // Nothing to tighten there; the user chose where it went.
  }
}
