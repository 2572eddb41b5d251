/** Runs the admin CLI as a user would: a separate Node process, real files, real keychain. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = resolve(import.meta.dirname, '../..');

export function runCli(args: string[], env: Record<string, string | undefined> = {}, wrapper: string[] = []): Promise<CliResult> {
  const command = [...wrapper, process.execPath, '--import', 'tsx', 'electron/cli.ts', ...args];
  return new Promise((done, fail) => {
    const child = spawn(command[0] as string, command.slice(1), {
      cwd: ROOT,
      env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A D-Bus address where nothing listens: the process finds no Secret Service, as on a bare server. */
export const NO_SECRET_SERVICE = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/kluis-no-bus' };

/** Starts the command in a new D-Bus session with its own empty keyring: "another machine". */
export const ANOTHER_MACHINE = ['bash', resolve(ROOT, 'scripts/with-test-keyring.sh')];
export const ANOTHER_MACHINE_ENV = { KLUIS_TEST_KEYRING: undefined };
