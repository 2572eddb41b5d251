/**
 * `npm run preview -- --data DIR --port N [--no-build]`: builds the renderer and serves it on
 * 127.0.0.1 with a bridge that offers the same `window.kluis` API over the same dispatcher as the
 * Electron app (DESIGN §9). A development and test tool: electron-builder never packages tools/.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../../electron/core/dispatch';
import { openKluis } from '../../electron/core/kluis';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppPath } from '../../electron/security';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = join(root, 'out', 'renderer');
const bridgeScript = readFileSync(join(root, 'tools', 'preview', 'bridge.js'));
const MAX_BODY_BYTES = 1_000_000;

const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string', default: '5183' }, 'no-build': { type: 'boolean' } },
  strict: true,
});
if (!values.data) {
  process.stderr.write('preview: --data DIR is required\n');
  process.exit(1);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write('preview: --port must be a number from 0 to 65535\n');
  process.exit(1);
}

if (!values['no-build']) {
  // Loaded only to build: the tests start a server per test with --no-build, and vite takes a
  // good half second to load.
  const { build } = await import('vite');
  await build({ configFile: join(root, 'renderer.vite.config.ts'), logLevel: 'warn' });
}

const core = await openKluis({ dataDir: resolve(values.data) });
let origin = '';
// Filled in once the port is known; the dispatcher reads the same array.
const trustedOrigins: string[] = [];
const dispatcher = createDispatcher(core, { trustedOrigins });

const securityHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': type });
  res.end(body);
}

/** Only our own page may call: the Host must be ours (no DNS rebinding), the Origin too (no CSRF). */
function fromOurPage(req: IncomingMessage): boolean {
  return `http://${req.headers.host}` === origin && (req.headers.origin === undefined || req.headers.origin === origin);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.headers.origin !== origin || !req.headers['content-type']?.startsWith('application/json')) {
    send(res, 403, 'text/plain', 'forbidden');
    return;
  }
  let message: { channel?: unknown; input?: unknown };
  try {
    message = JSON.parse(await readBody(req)) as typeof message;
  } catch {
    send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The request is not valid JSON.' } }));
    return;
  }
  const result = await dispatcher.dispatch(message.channel, message.input, { kind: 'bridge', origin: req.headers.origin });
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
}

function handleEvents(res: ServerResponse): void {
  res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = dispatcher.onEvent((name, payload) => res.write(`data: ${JSON.stringify({ name, payload })}\n\n`));
  res.on('close', unsubscribe);
}

function serveStatic(req: IncomingMessage, res: ServerResponse): void {
  const file = resolveAppPath(rendererDir, `${APP_ORIGIN}${req.url ?? '/'}`);
  if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    send(res, 404, 'text/plain', 'not found');
    return;
  }
  let body: string | Buffer = readFileSync(file);
  if (file.endsWith('index.html')) {
    // A classic script runs while the page parses, so the bridge exists before the deferred module.
    body = body.toString('utf8').replace('</head>', '  <script src="/__kluis/bridge.js"></script>\n  </head>');
  }
  send(res, 200, contentTypeFor(file), body);
}

const server = createServer((req, res) => {
  if (!fromOurPage(req)) {
    send(res, 403, 'text/plain', 'forbidden');
    return;
  }
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/__kluis/invoke') void handleInvoke(req, res).catch(() => send(res, 500, 'text/plain', 'error'));
  else if (path === '/__kluis/events') handleEvents(res);
  else if (path === '/__kluis/bridge.js') send(res, 200, 'text/javascript; charset=utf-8', bridgeScript);
  else if (req.method === 'GET' || req.method === 'HEAD') serveStatic(req, res);
  else send(res, 405, 'text/plain', 'method not allowed');
});

server.listen(port, '127.0.0.1', () => {
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  trustedOrigins.push(origin);
  process.stdout.write(`ready ${origin}/\n`);
});

async function shutdown(): Promise<void> {
  server.close();
  server.closeAllConnections();
  await core.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
