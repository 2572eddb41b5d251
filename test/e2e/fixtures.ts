/**
 * Playwright fixtures: every test gets its own preview server on its own data folder, so it shares
 * nothing with other tests. The folder starts empty (the setup screen), or as a copy of the install
 * global setup provisioned with `admin init` (`test.use({ install: 'provisioned' })`). The server
 * runs from the bundle global setup made of tools/preview/server.ts (test/support/toolBundles.ts).
 * It is waited for by its `ready <url>` line, never by sleeping, and is stopped and its folder
 * removed afterwards. A test can restart it (`preview.restart()`): the core closes and opens the
 * same folder again, on the same address, as after quitting and reopening the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { bundleOf } from '../support/toolBundles';
import { provisionedInstall } from './provisioned';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const READY_LINE = /^ready (http:\/\/127\.0\.0\.1:\d+\/)$/;

export interface Preview {
  url: string;
  dataDir: string;
  /** Stops the server (closing the core) and starts it again on the same folder and port. */
  restart: () => Promise<void>;
}

interface Options {
  /**
   * What the test's data folder starts as: `empty` (the setup screen), or `provisioned`, a copy of
   * the install global setup made with `admin init` (sign in with signInAsAdmin in flows.ts).
   */
  install: 'empty' | 'provisioned';
}

interface Fixtures {
  preview: Preview;
  /** Fails the test on uncaught page errors and CSP violations, which would otherwise pass silently. */
  pageProblems: void;
}

function startPreview(dataDir: string, port = 0): { server: ChildProcess; ready: Promise<string> } {
  const server = spawn(
    process.execPath,
    [bundleOf('previewServer'), '--data', dataDir, '--port', String(port), '--no-build'],
    // Its own process group, so stopping it stops anything it started as well.
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let stderr = '';
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const ready = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: server.stdout! });
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line.trim());
      if (match?.[1]) resolve(match[1]);
    });
    server.once('error', reject);
    server.once('exit', (code, signal) =>
      reject(new Error(`The preview server stopped before it was ready (${signal ?? `exit ${code}`}).\n${stderr}`)),
    );
  });
  return { server, ready };
}

async function stopPreview(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  // A server that ignores SIGTERM must not hang the run; this bounds shutdown, it waits on nothing.
  const forceKill = setTimeout(() => {
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(forceKill);
}

export const test = base.extend<Options & Fixtures>({
  install: ['empty', { option: true }],
  preview: async ({ install }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kluis-e2e-'));
    if (install === 'provisioned') await cp(provisionedInstall().dataDir, dataDir, { recursive: true });
    let running = startPreview(dataDir);
    try {
      const url = await running.ready;
      const restart = async () => {
        await stopPreview(running.server);
        // The same port keeps the page's origin, so a reload finds the app where it was.
        running = startPreview(dataDir, Number(new URL(url).port));
        const again = await running.ready;
        if (again !== url) throw new Error(`The preview server came back on ${again}, not ${url}.`);
      };
      await use({ url, dataDir, restart });
    } finally {
      await stopPreview(running.server);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ preview }, use) => {
    await use(preview.url);
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
          problems.push(`CSP violation: ${message.text()}`);
      });
      await use();
      expect(problems, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Saves a named screenshot under test-results/screenshots/ for review. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(testInfo.project.outputDir, 'screenshots', `${name}.png`),
    fullPage: true,
  });
}
