/**
 * Runs the admin CLI as a user would: a separate Node process, real files, real keychain. The process
 * runs the CLI's bundle, made once per test run (toolBundles.ts).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { bundleOf } from './toolBundles';
import { Authenticator, secretFromUri } from './totp';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = resolve(import.meta.dirname, '../..');

export function runCli(args: string[], env: Record<string, string | undefined> = {}, wrapper: string[] = []): Promise<CliResult> {
  return run([...wrapper, process.execPath, bundleOf('cli'), ...args], env);
}

/**
 * The CLI exactly as the README has admins start it: `npm run --silent admin`, the source through
 * tsx; from `cwd` (the admin's own folder) with `--prefix` pointing npm at Kluis.
 */
export function runAdminScript(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<CliResult> {
  return run(['npm', '--prefix', ROOT, 'run', '--silent', 'admin', '--', ...args], env, cwd);
}

function run(command: string[], env: Record<string, string | undefined>, cwd = ROOT): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(command[0] as string, command.slice(1), {
      cwd,
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

/** An install made by `init --json`, with the admin's authenticator and recovery codes. */
export interface CliInstall {
  dataDir: string;
  installId: string;
  keyMode: string;
  otpauthUri: string;
  recoveryCodes: string[];
  username: string;
  password: string;
  authenticator: Authenticator;
  /** Env to sign in as the admin with a code for the next time step. */
  withCode(): Promise<Record<string, string>>;
  /** The next recovery code this helper has not handed out yet. */
  nextRecoveryCode(): string;
  /** Env to sign in as the admin with the next unused recovery code. */
  withRecoveryCode(): Record<string, string>;
}

export function signInEnv(username: string, password: string, code: string | undefined): Record<string, string | undefined> {
  return { KLUIS_USER: username, KLUIS_PASSWORD: password, KLUIS_TOTP: code };
}

interface InitOptions {
  dataDir: string;
  org?: string;
  admin?: string;
  password?: string;
  env?: Record<string, string | undefined>;
  wrapper?: string[];
}

interface Created {
  installId: string;
  keyMode: string;
  otpauthUri: string;
  recoveryCodes: string[];
}

function cliInstall(created: Created, dataDir: string, username: string, password: string): CliInstall {
  const authenticator = new Authenticator(secretFromUri(created.otpauthUri));
  const unusedRecoveryCodes = [...created.recoveryCodes];
  const nextRecoveryCode = (): string => {
    const code = unusedRecoveryCodes.shift();
    if (!code) throw new Error('All recovery codes are used up.');
    return code;
  };
  return {
    installId: created.installId,
    keyMode: created.keyMode,
    otpauthUri: created.otpauthUri,
    recoveryCodes: [...created.recoveryCodes],
    dataDir,
    username,
    password,
    authenticator,
    withCode: async () => signInEnv(username, password, await authenticator.nextCode()) as Record<string, string>,
    nextRecoveryCode,
    withRecoveryCode: () => signInEnv(username, password, nextRecoveryCode()) as Record<string, string>,
  };
}

/** `init --json` as the admin would run it; fails the test unless it succeeds quietly. */
export async function initCli(options: InitOptions): Promise<CliInstall> {
  const username = options.admin ?? 'beheer';
  const password = options.password ?? 'lange-wandeling-door-de-duinen';
  const args = ['init', '--data', options.dataDir, '--org', options.org ?? 'Kapsalon Knip', '--admin', username, '--json'];
  const result = await runCli(args, { ...options.env, KLUIS_PASSWORD: password }, options.wrapper);
  if (result.code !== 0 || result.stderr !== '') {
    throw new Error(`init failed (exit ${result.code}): ${result.stderr}${result.stdout}`);
  }
  expectNoSecrets(args, result, [password]);
  return cliInstall(JSON.parse(result.stdout) as Created, options.dataDir, username, password);
}

/**
 * `init` takes seconds (Argon2id, the strength check), so a test file can make one install up front
 * and give each test a copy of its untouched folder: same secret and recovery codes, but its own
 * database, so no code used in one test counts in another. Only for passphrase-only installs (with
 * a keychain item, the copies would share it). The copies sit beside the template and go with it
 * after the file's last test, not after each test: the tests of a file may run concurrently
 * (describe.concurrent), and a per-test cleanup would remove a folder another test still uses.
 */
export function installTemplate(options: Omit<InitOptions, 'dataDir'>): () => CliInstall {
  let root: string | undefined;
  let template: CliInstall | undefined;
  let copies = 0;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kluis-template-'));
    template = await initCli({ ...options, dataDir: join(root, 'data') });
    if (template.keyMode !== 'passphrase-only') throw new Error('installTemplate is for passphrase-only installs.');
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return () => {
    if (!template || !root) throw new Error('The template install is made in beforeAll.');
    const dataDir = join(root, `copy-${++copies}`, 'data');
    cpSync(template.dataDir, dataDir, { recursive: true });
    return cliInstall(template, dataDir, template.username, template.password);
  };
}

/** Fails when any of the secrets shows in the arguments or the output of a CLI run. */
export function expectNoSecrets(args: string[], result: CliResult, secrets: (string | undefined)[]): void {
  for (const secret of secrets) {
    if (!secret) continue;
    if (args.some((arg) => arg.includes(secret)) || result.stdout.includes(secret) || result.stderr.includes(secret)) {
      throw new Error(`A password showed in the arguments or output of: ${args.join(' ')}`);
    }
  }
}
