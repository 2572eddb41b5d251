/**
 * The admin CLI as an admin uses it: `npm run --silent admin -- <command>`, one process per call.
 * The first test runs that very command; the others run the CLI's bundle of the same source
 * (test/support/toolBundles.ts), which starts in a third of the time.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { initCli, NO_SECRET_SERVICE, runAdminScript, runCli, signInEnv } from '../support/cli';
import { tempDir } from '../support/install';
import { bundleOf } from '../support/toolBundles';
import { Authenticator, secretFromUri } from '../support/totp';

const PASSWORD = 'fietsen-langs-de-amstel';
const env = { KLUIS_PASSWORD: PASSWORD, ...NO_SECRET_SERVICE };

describe('admin CLI', () => {
  it('runs as the README says: npm run --silent admin, for init and a signed-in status', async () => {
    const dataDir = join(tempDir(), 'data');
    const init = await runAdminScript(['init', '--data', dataDir, '--org', 'Garage De Vries', '--admin', 'anouk', '--json'], env);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const created = JSON.parse(init.stdout) as { installId: string; otpauthUri: string };
    const code = await new Authenticator(secretFromUri(created.otpauthUri)).nextCode();
    const status = await runAdminScript(['status', '--data', dataDir], { ...env, ...signInEnv('anouk', PASSWORD, code) });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`install id\\s+${created.installId}`));
  });

  it('takes a relative --data from the folder the admin ran npm in, not from Kluis’s own', async () => {
    const folder = tempDir();
    const init = await runAdminScript(['init', '--data', 'kantoor', '--org', 'Garage De Vries', '--admin', 'anouk', '--json'], env, folder);
    expect(init.stderr).toBe('');
    expect((JSON.parse(init.stdout) as { dataDir: string }).dataDir).toBe(join(folder, 'kantoor'));
    expect(existsSync(join(folder, 'kantoor', 'vault.json'))).toBe(true);
  });

  it('init whose output cannot be written removes the install it made, so init can run again', async () => {
    const dataDir = join(tempDir(), 'data');
    const full = openSync('/dev/full', 'w');
    const failed = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [bundleOf('cli'), 'init', '--data', dataDir, '--org', 'Garage De Vries', '--admin', 'anouk'], {
        env: { ...process.env, ...env },
        stdio: ['ignore', full, 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, stderr }));
    });
    closeSync(full);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      'kluis: could not write the result (ENOSPC), so the authenticator key and recovery codes were not shown; the new install was removed. Run init again with its output going somewhere that can take it.\n',
    );
    expect(readdirSync(dataDir)).toEqual([]);
    const again = await runCli(['init', '--data', dataDir, '--org', 'Garage De Vries', '--admin', 'anouk', '--json'], env);
    expect(again.code).toBe(0);
  });

  it('init in a folder with kluis.db but no vault.json (a setup stopped half-way) says what it is and what to do', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'kluis.db'), '');
    const result = await runCli(['init', '--data', dataDir, '--org', 'Garage De Vries', '--admin', 'anouk'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('holds kluis.db but not vault.json');
    expect(result.stderr).toContain('after a stopped setup, remove kluis.db and set up again');
  });

  it('init creates an install and prints one JSON object with --json', async () => {
    const dataDir = join(tempDir(), 'data');
    const result = await runCli(['init', '--data', dataDir, '--org', 'Garage De Vries', '--admin', 'anouk', '--json'], env);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({
      dataDir,
      keyMode: 'passphrase-only',
      installId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\/.*\?.*secret=[A-Z2-7]+/),
      recoveryCodes: expect.arrayContaining([expect.stringMatching(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)]),
    });
    expect((JSON.parse(result.stdout) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
  });

  it('init refuses a folder that already holds an install and changes nothing', async () => {
    const dataDir = join(tempDir(), 'data');
    expect((await runCli(['init', '--data', dataDir, '--org', 'A', '--admin', 'anouk'], env)).code).toBe(0);
    const vaultBefore = readFileSync(join(dataDir, 'vault.json'));
    const dbBefore = readFileSync(join(dataDir, 'kluis.db'));

    const again = await runCli(['init', '--data', dataDir, '--org', 'B', '--admin', 'bart'], env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`kluis: ${dataDir} already holds a Kluis install; nothing was changed.`);
    expect(readFileSync(join(dataDir, 'vault.json')).equals(vaultBefore)).toBe(true);
    expect(readFileSync(join(dataDir, 'kluis.db')).equals(dbBefore)).toBe(true);
  });

  it('init under a file says in one line that the folder cannot be created, and exits 1', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const dataDir = join(file, 'data');
    const result = await runCli(['init', '--data', dataDir, '--org', 'A', '--admin', 'anouk'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`kluis: The folder ${dataDir} cannot be created: check the path, and that you may write there. Nothing was changed.\n`);
    expect(result.stdout).toBe('');
  });

  it('init at a path longer than SQLite opens files at says so, creating nothing; at the limit it works', async () => {
    const root = tempDir();
    // The folder may take 495 bytes: 504 for the database file, less "/kluis.db".
    const atLimit = join(root, 'a'.repeat(200), 'b'.repeat(200), 'c'.repeat(495 - root.length - 403));
    expect(atLimit).toHaveLength(495);
    const tooLong = `${atLimit}x`;
    const refused = await runCli(['init', '--data', tooLong, '--org', 'A', '--admin', 'anouk'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`kluis: The path ${tooLong} is too long for Kluis to keep its database there: choose a folder whose path is at most 495 characters. Nothing was written.\n`);
    expect(existsSync(join(root, 'a'.repeat(200)))).toBe(false);

    const created = await runCli(['init', '--data', atLimit, '--org', 'A', '--admin', 'anouk'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(existsSync(join(atLimit, 'kluis.db'))).toBe(true);
  });

  // Node's recursive mkdir retries forever where the parent refuses new entries with ENOENT.
  it.runIf(process.platform === 'linux')('init in a folder that refuses new entries (under /proc) fails at once instead of hanging', async () => {
    const dataDir = '/proc/1/kluis-data';
    const result = await runCli(['init', '--data', dataDir, '--org', 'A', '--admin', 'anouk'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`kluis: The folder ${dataDir} cannot be created: check the path, and that you may write there. Nothing was changed.\n`);
  });

  it('status signs in and shows install id, cipher, key mode, schema version and user count', async () => {
    const dataDir = join(tempDir(), 'data');
    const created = await initCli({ dataDir, org: 'A', admin: 'anouk', password: PASSWORD, env: NO_SECRET_SERVICE });
    const status = await runCli(['status', '--data', dataDir], { ...env, ...(await created.withCode()) });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`install id\\s+${created.installId}`));
    expect(status.stdout).toMatch(/cipher\s+sqlcipher \(legacy 4\)/);
    expect(status.stdout).toMatch(/key mode\s+passphrase-only/);
    expect(status.stdout).toMatch(new RegExp(`schema version\\s+${MIGRATIONS.at(-1)!.version}\n`));
    expect(status.stdout).toMatch(/users\s+1/);
  });

  it('status with wrong credentials exits 2 with the generic message, whichever part was wrong', async () => {
    const dataDir = join(tempDir(), 'data');
    const install = await initCli({ dataDir, org: 'A', admin: 'anouk', password: PASSWORD, env: NO_SECRET_SERVICE });
    // A current, unused code (the newest, so it stays current throughout): only the named part is
    // wrong in each attempt.
    const right = signInEnv('anouk', PASSWORD, install.authenticator.newestCode());
    const wrongPassword = await runCli(['status', '--data', dataDir], { ...env, ...right, KLUIS_PASSWORD: 'fietsen-langs-de-maas' });
    const wrongUser = await runCli(['status', '--data', dataDir], { ...env, ...right, KLUIS_USER: 'bart' });
    const wrongCode = await runCli(['status', '--data', dataDir], { ...env, ...right, KLUIS_TOTP: install.authenticator.wrongCode() });
    for (const result of [wrongPassword, wrongUser, wrongCode]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('kluis: Wrong username, password or code\n');
      expect(result.stdout).toBe('');
    }
    // Those attempts did not use up the code: the right credentials still get in.
    expect((await runCli(['status', '--data', dataDir], { ...env, ...right })).code).toBe(0);
  });

  it('never asks for the password on the command line and refuses to guess without one', async () => {
    const dataDir = join(tempDir(), 'data');
    const noPassword = await runCli(['init', '--data', dataDir, '--org', 'A', '--admin', 'anouk'], { ...NO_SECRET_SERVICE, KLUIS_PASSWORD: undefined });
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr.trim()).toBe('kluis: Set KLUIS_PASSWORD, or run this command in a terminal to be asked for the password.');
    const asFlag = await runCli(['init', '--data', dataDir, '--org', 'A', '--admin', 'anouk', '--password', PASSWORD], env);
    expect(asFlag.code).toBe(1);
    expect(asFlag.stderr).toContain("Unknown option '--password'");
  });

  it('explains a password that is too short, in its own words and with the limit', async () => {
    const dataDir = join(tempDir(), 'data');
    const result = await runCli(['init', '--data', dataDir, '--org', 'A', '--admin', 'anouk'], { ...env, KLUIS_PASSWORD: 'te-kort' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('kluis: KLUIS_PASSWORD is too short: at least 12 characters.\n');
  });

  // Whatever the option, a value the core's schema refuses is named as the admin typed it, with the
  // limit, in Kluis's words: never the core's field name, never zod's "Too big: expected string…".
  it.each([
    ['too long', ['--org', 'x'.repeat(201), '--admin', 'anouk'], 'kluis: --org is too long: at most 200 characters.'],
    ['empty', ['--org', '   ', '--admin', 'anouk'], 'kluis: --org is empty.'],
    ['in the wrong format', ['--org', 'A', '--admin', 'a b'], 'kluis: --admin is not in the right format: use 2–64 letters, digits, dots, dashes or underscores.'],
  ])('names the option the admin typed and the rule when a value is %s', async (_case, options, message) => {
    const dataDir = join(tempDir(), 'data');
    const result = await runCli(['init', '--data', dataDir, ...options], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${message}\n`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('says the same for the options of a signed-in command: user add --name too long, --email not an address', async () => {
    const dataDir = join(tempDir(), 'data');
    const install = await initCli({ dataDir, org: 'A', admin: 'anouk', password: PASSWORD, env: NO_SECRET_SERVICE });
    // user add asks for a fresh code from the authenticator: a new one for each run.
    const add = async (options: string[]) => runCli(['user', 'add', '--data', dataDir, '--username', 'piet', '--role', 'office', ...options], { ...env, ...(await install.withCode()) });
    const longName = await add(['--name', 'n'.repeat(201)]);
    expect(longName.code).toBe(1);
    expect(longName.stderr).toBe('kluis: --name is too long: at most 200 characters.\n');
    const badEmail = await add(['--email', 'piet-at-example']);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toBe('kluis: --email is not in the right format: enter a valid e-mail address.\n');
  });

  it('refuses a mistyped option before signing in, so the code is still good for the command typed again', async () => {
    const dataDir = join(tempDir(), 'data');
    const install = await initCli({ dataDir, org: 'A', admin: 'anouk', password: PASSWORD, env: NO_SECRET_SERVICE });
    const signIn = { ...env, ...(await install.withCode()) };
    const args = ['user', 'add', '--data', dataDir, '--username', 'piet', '--role', 'office'];
    const typo = await runCli([...args, '--email', 'piet@example'], signIn);
    expect(typo).toMatchObject({ code: 1, stderr: 'kluis: --email is not in the right format: enter a valid e-mail address.\n' });
    // The same code again: it was never sent.
    const added = await runCli([...args, '--email', 'piet@example.nl'], signIn);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('one-time password:');
  });

  it.each([
    [['status'], 'kluis: --data is required. Run "status --help" for its options.'],
    [['init', '--data', '   ', '--org', 'A', '--admin', 'anouk'], 'kluis: --data is empty.'],
    [['frobnicate'], 'kluis: Unknown command "frobnicate". Run with --help to see the commands.'],
    [['stauts', '--data', '/nonexistent/kluis'], 'kluis: Unknown command "stauts". Did you mean "status"? Run with --help to see the commands.'],
    [['status', '--data', '/nonexistent/kluis'], 'kluis: Set KLUIS_USER to the username to sign in with.'],
    [['user'], 'kluis: "user" is not a command. The user commands: user add, user list, user disable, user enable, user reset-password, user reset-mfa.'],
    [['seed', '--data', '/nonexistent/kluis', '--contacts', '-5'], 'kluis: --contacts must be a whole number from 1 to 10000000.'],
    [['init', '--data', '/etc/hostname', '--org', 'A', '--admin', 'anouk'], 'kluis: /etc/hostname is a file, not a folder: choose a folder for the install.'],
  ])('gives a one-line error and a non-zero exit for %j', async (args, message) => {
    const result = await runCli(args, { ...env, KLUIS_USER: undefined });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(message);
  });

  it('without a command, shows the help on stderr and exits 1; a group with --help lists its commands', async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage: npm run --silent admin -- <command> [options]');
    const group = await runCli(['user', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toMatch(/^The user commands:\n {2}user add /);
  });

  it('says a code that is no code at all is not one, and exits 2 as for a wrong code', async () => {
    const dataDir = join(tempDir(), 'data');
    await initCli({ dataDir, org: 'A', admin: 'anouk', password: PASSWORD, env: NO_SECRET_SERVICE });
    const result = await runCli(['status', '--data', dataDir], { ...env, ...signInEnv('anouk', PASSWORD, 'abc') });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kluis: KLUIS_TOTP is not a code: use the 6 digits your authenticator app shows, or a recovery code.\n');
  });

  it('refuses an install whose database file is gone or damaged in one line, exit 1, and writes nothing', async () => {
    const dataDir = join(tempDir(), 'data');
    const install = await initCli({ dataDir, org: 'A', admin: 'anouk', password: PASSWORD, env: NO_SECRET_SERVICE });
    const db = join(dataDir, 'kluis.db');
    const original = readFileSync(db);
    rmSync(db);
    const missing = await runCli(['status', '--data', dataDir], { ...env, ...(await install.withCode()) });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('kluis: The database file (kluis.db) is missing from the data folder. Nothing was changed: restore the data folder from a backup.\n');
    expect(existsSync(db)).toBe(false);

    const damaged = Buffer.from(original);
    damaged[20] = (damaged[20] as number) ^ 0xff;
    writeFileSync(db, damaged);
    const broken = await runCli(['status', '--data', dataDir], { ...env, ...(await install.withCode()) });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('kluis: The database file is damaged, or it is not this install’s. Nothing was changed: restore the data folder from a backup.\n');
    expect(readFileSync(db).equals(damaged)).toBe(true);
  });

  it('says plainly when the folder holds no install', async () => {
    const folder = join(tempDir(), 'empty');
    const result = await runCli(['status', '--data', folder], { ...env, KLUIS_USER: 'anouk' });
    expect(result.code).toBe(1);
    // The folder is named, so a typo in --data shows.
    expect(result.stderr.trim()).toBe(`kluis: Kluis is not set up in ${folder} yet.`);
  });

  it('says when --data names a file rather than a folder, instead of "not set up"', async () => {
    const file = join(tempDir(), 'kluis.db');
    writeFileSync(file, 'x');
    const result = await runCli(['status', '--data', file], { ...env, KLUIS_USER: 'anouk' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`kluis: ${file} is a file, not a folder: give the folder that holds the install.\n`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('takes a password over 1,024 characters at sign-in for a wrong one (exit 2), and refuses it for a new install as a value (exit 1)', async () => {
    const dataDir = join(tempDir(), 'data');
    const install = await initCli({ dataDir, org: 'A', admin: 'anouk', password: PASSWORD, env: NO_SECRET_SERVICE });
    const tooLong = 'p'.repeat(1025);
    const signIn = await runCli(['status', '--data', dataDir], { ...env, ...signInEnv('anouk', tooLong, install.authenticator.newestCode()) });
    expect(signIn.code).toBe(2);
    expect(signIn.stderr).toBe('kluis: KLUIS_PASSWORD is too long: at most 1024 characters.\n');
    expect(signIn.stdout).toBe('');

    const init = await runCli(['init', '--data', join(tempDir(), 'data'), '--org', 'A', '--admin', 'anouk'], { ...env, KLUIS_PASSWORD: tooLong });
    expect(init.code).toBe(1);
    expect(init.stderr).toBe('kluis: KLUIS_PASSWORD is too long: at most 1024 characters.\n');
  });

  it('has --help for the whole and for each command', async () => {
    const all = await runCli(['--help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('init');
    expect(all.stdout).toContain('status');
    for (const command of ['user add', 'user list', 'user disable', 'user enable', 'user reset-password', 'user reset-mfa', 'audit verify']) {
      expect(all.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    for (const command of ['init', 'status', 'user add', 'user list', 'audit verify']) {
      const help = await runCli([...command.split(' '), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: npm run --silent admin -- ${command} --data DIR`);
      expect(help.stdout).toContain('--data');
    }
  });

  it.each(['user disable', 'user enable', 'user reset-password', 'user reset-mfa'])('shows the right usage line for %s --help', async (command) => {
    const help = await runCli([...command.split(' '), '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Usage: npm run --silent admin -- ${command} --data DIR --username U [--json]`);
  });
});
