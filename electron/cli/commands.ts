import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CreatedInstall, UserSummary } from '../../shared/apiTypes';
import { auditBreakText } from '../../shared/auditBreakText';
import { ROLES } from '../../shared/permissions';
import { validInput } from '../core/dispatch';
import { KluisError } from '../core/errors';
import { refuseBackupFolder } from '../core/install/backup';
import { dataPaths } from '../core/install/paths';
import { MAX_SEED_CONTACTS, seedRecords } from '../core/records/seed';
import { normalizeUsername } from '../core/vault/slots';
import { CliError, EXIT, jsonText, printJson, printTable, tableText, writeOutput } from './output';
import { readPassword } from './prompt';
import { checkBeforeSignIn, openCli, signInFromEnvironment, type CliSession } from './session';

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; description: string; required?: boolean }>;
  /** The option a single positional argument fills in, if the command takes one. */
  positional?: string;
  run(values: Values): Promise<number | void>;
}

/** The base32 key in an `otpauth://totp/…?secret=…` URI. */
function secretOf(otpauthUri: string): string {
  return new URL(otpauthUri).searchParams.get('secret') ?? '';
}

const data = { type: 'string', description: 'the data folder of the install', required: true } as const;

/**
 * A folder as the admin typed it (--data, --to). `npm run admin` runs in the package's folder, so a relative
 * path is taken from the folder npm was started in (INIT_CWD), as the admin meant it.
 */
function pathOf(typed: string): string {
  const base = process.env.npm_lifecycle_event === 'admin' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
  return resolve(base, typed);
}

function dataDirOf(values: Values): string {
  return pathOf(String(values.data));
}
const json = { type: 'boolean', description: 'print one JSON object instead of text' } as const;
const SIGN_IN_NOTE = 'Signs in with KLUIS_USER, KLUIS_PASSWORD (or a prompt) and KLUIS_TOTP.';

/**
 * Opens the install, signs in from the environment, runs `work`, and always closes. `freshCode`:
 * the work needs a fresh authenticator code (step-up), which a recovery code is not.
 */
async function signedIn<T>(values: Values, work: (cli: CliSession) => Promise<T>, freshCode = false): Promise<T> {
  const cli = await openCli(dataDirOf(values));
  try {
    await signInFromEnvironment(cli, { freshCode });
    return await work(cli);
  } finally {
    await cli.close();
  }
}

/** The core's findings that the install's files are damaged or gone, whichever step came upon them. */
const INSTALL_DAMAGE = new Set(['access.databaseDamaged', 'access.databaseMissing', 'access.vaultKeyDamaged', 'access.vaultNotJson', 'access.vaultMalformed']);

/** The sentence of such a finding, or undefined for any other error. */
function installDamage(error: unknown): string | undefined {
  const id = error instanceof CliError || error instanceof KluisError ? error.messageId : undefined;
  return id !== undefined && INSTALL_DAMAGE.has(id) ? (error as Error).message : undefined;
}

async function findUser(cli: CliSession, username: string): Promise<UserSummary> {
  const users = await cli.call('users.list', {});
  // Compared as the core compares usernames, so "ján" typed with a combining accent finds ján.
  const wanted = normalizeUsername(username);
  const named = users.filter((u) => normalizeUsername(u.username) === wanted);
  if (named.length === 0) throw new CliError(`No user named "${username}".`);
  // Two of one name, differing only in capitals beyond ASCII, from before the core refused that: acting on
  // either could be the wrong person.
  if (named.length > 1) throw new CliError(`${named.length} users are named "${username}" (ids ${named.map((u) => u.id).join(', ')}); manage them in the app.`);
  return named[0]!;
}

/**
 * A role's English name as the app shows it (the CLI speaks English), from the install's roles: a
 * custom role's id says little once it is renamed. A role no longer there shows its id, marked.
 */
async function roleNamer(cli: CliSession): Promise<(role: string) => string> {
  const roles = await cli.call('roles.list', {});
  return (role) => roles.find((r) => r.id === role)?.name.en ?? `${role} (removed)`;
}

async function printUser(cli: CliSession, user: UserSummary): Promise<void> {
  const roleName = await roleNamer(cli);
  printTable([
    ['username', user.username],
    ['name', user.displayName],
    ['role', roleName(user.role)],
    ['status', user.status],
    ['authenticator', user.mfaEnrolled ? 'set up' : 'not set up'],
  ]);
}

/** Commands on one account, named by username: `user disable jan` or `user disable --username jan`. */
function userCommand(
  name: string,
  summary: string,
  action: (cli: CliSession, user: UserSummary) => Promise<{ user: UserSummary; oneTimePassword?: string }>,
): Command {
  return {
    summary: `${summary} ${SIGN_IN_NOTE}`,
    usage: `${name} --data DIR --username U [--json]   (or: ${name} U --data DIR)`,
    options: { data, username: { type: 'string', description: 'the account to change', required: true }, json },
    positional: 'username',
    run: (values) =>
      signedIn(values, async (cli) => {
        const result = await action(cli, await findUser(cli, String(values.username)));
        if (values.json) printJson(result);
        else {
          await printUser(cli, result.user);
          if (result.oneTimePassword) {
            process.stdout.write(`one-time password: ${result.oneTimePassword}\n(the user must change it at the first sign-in)\n`);
          }
        }
      }, true),
  };
}

/** What init prints for a person: where, the key mode, the authenticator key and the recovery codes. */
function initText(dataDir: string, created: CreatedInstall): string {
  const keychainNote = created.keyMode === 'passphrase-only' ? 'No OS keychain answered: the data is protected by passwords alone.\n' : '';
  return (
    `Created a Kluis install in ${dataDir}\n` +
    tableText([
      ['install id', created.installId],
      ['key mode', created.keyMode],
    ]) +
    keychainNote +
    // The app shows no QR code for an authenticator that is already set up, so the key is
    // printed to type in by hand, in the blocks of four that authenticator apps show.
    `\nAdd this to your authenticator app: type in the key (time-based), or open the link on the phone:\n` +
    `  ${secretOf(created.otpauthUri ?? '').replace(/(.{4})(?=.)/g, '$1 ')}\n  ${created.otpauthUri}\n` +
    `\nRecovery codes — each works once; store them somewhere safe, they are not shown again:\n` +
    (created.recoveryCodes ?? []).map((c) => `  ${c}`).join('\n') +
    '\n'
  );
}

/** The files of an install that was just made, for when its result could not be handed over. */
function removeInstallFiles(dataDir: string): void {
  const paths = dataPaths(dataDir);
  for (const file of [paths.db, paths.wal, paths.shm, paths.vault]) rmSync(file, { force: true });
}

export const commands: Record<string, Command> = {
  init: {
    summary: 'create a new install: encrypted database, vault and first administrator with an authenticator',
    usage: 'init --data DIR --org NAME --admin USERNAME [--require-keychain] [--json]',
    options: {
      data,
      org: { type: 'string', description: 'the organisation name', required: true },
      admin: { type: 'string', description: "the first administrator's username", required: true },
      'require-keychain': { type: 'boolean', description: 'refuse passphrase-only mode if no OS keychain answers' },
      json,
    },
    async run(values) {
      const dataDir = dataDirOf(values);
      const password = await readPassword({ confirm: true });
      const cli = await openCli(dataDir);
      let created;
      try {
        created = await cli.call('setup.createInstall', {
          orgName: String(values.org),
          adminUsername: String(values.admin),
          password,
          requireKeychain: values['require-keychain'] === true,
          enrolTotp: true,
        });
      } finally {
        await cli.close();
      }
      const text = values.json ? jsonText({ dataDir, ...created }) : initText(dataDir, created);
      try {
        await writeOutput(text);
      } catch (error) {
        // The authenticator key and recovery codes are shown once: an install whose admin never saw
        // them cannot be signed in to, so it goes, and init can simply be run again.
        removeInstallFiles(dataDir);
        throw new CliError(`could not write the result (${(error as NodeJS.ErrnoException).code ?? 'error'}), so the authenticator key and recovery codes were not shown; the new install was removed. Run init again with its output going somewhere that can take it.`, EXIT.error);
      }
    },
  },
  status: {
    summary: `show the state of an install. ${SIGN_IN_NOTE}`,
    usage: 'status --data DIR [--json]',
    options: { data, json },
    run: (values) =>
      signedIn(values, async (cli) => {
        const status = await cli.call('install.status', {});
        if (values.json) printJson(status);
        else
          printTable([
            ['install id', status.installId],
            ['cipher', status.cipher],
            ['key mode', status.keyMode],
            ['schema version', status.schemaVersion],
            ['users', status.userCount],
          ]);
      }),
  },
  'user add': {
    summary: `add a user with a one-time password. ${SIGN_IN_NOTE}`,
    usage: 'user add --data DIR --username U --role R [--name NAME] [--email E] [--json]',
    options: {
      data,
      username: { type: 'string', description: 'the new username: 2–64 letters, digits, dots, dashes or underscores, of one alphabet, not one that reads as an existing user\'s', required: true },
      role: { type: 'string', description: `the role's id: a built-in role (${ROLES.join(', ')}) or a custom role of the install`, required: true },
      name: { type: 'string', description: 'display name (default: the username)' },
      email: { type: 'string', description: 'e-mail address (optional)' },
      json,
    },
    run: (values) => {
      const role = String(values.role);
      const input = {
        username: String(values.username),
        displayName: String(values.name ?? values.username),
        role,
        ...(values.email ? { email: String(values.email) } : {}),
      };
      checkBeforeSignIn('users.create', () => validInput('users.create', input));
      return signedIn(values, async (cli) => {
        // Custom roles live in the encrypted database, so the roles of this install are known only
        // once signed in. The core refuses an unknown role too; this says which ones exist.
        const roles = (await cli.call('roles.list', {})).map((r) => r.id);
        if (!roles.includes(role)) throw new CliError(`Unknown role "${role}": use one of ${roles.join(', ')}.`);
        const created = await cli.call('users.create', input);
        if (values.json) printJson(created);
        else {
          await printUser(cli, created.user);
          process.stdout.write(`one-time password: ${created.oneTimePassword}\n(the user must change it at the first sign-in)\n`);
        }
      }, true);
    },
  },
  'user list': {
    summary: `list the users, each role by its name (--json also gives the role's id, as role). ${SIGN_IN_NOTE}`,
    usage: 'user list --data DIR [--json]',
    options: { data, json },
    run: (values) =>
      signedIn(values, async (cli) => {
        const users = await cli.call('users.list', {});
        const roleName = await roleNamer(cli);
        // Scripts keep the role's id (what --role takes) and get its name beside it.
        if (values.json) printJson(users.map((u) => ({ ...u, roleName: roleName(u.role) })));
        else {
          const width = Math.max(10, ...users.map((u) => roleName(u.role).length));
          for (const u of users) {
            process.stdout.write(
              `${u.username.padEnd(24)} ${roleName(u.role).padEnd(width)} ${u.status.padEnd(9)} ${(u.mfaEnrolled ? 'mfa' : 'no-mfa').padEnd(7)} ${u.displayName}\n`,
            );
          }
        }
      }),
  },
  'user disable': userCommand('user disable', 'disable a user: their key slot is removed at once.', async (cli, user) =>
    cli.call('users.disable', { userId: user.id }),
  ),
  'user enable': userCommand('user enable', 'let a disabled user in again, with a new one-time password.', async (cli, user) =>
    cli.call('users.enable', { userId: user.id }),
  ),
  'user reset-password': userCommand('user reset-password', 'give a user a new one-time password.', async (cli, user) =>
    cli.call('users.resetPassword', { userId: user.id }),
  ),
  'user reset-mfa': userCommand('user reset-mfa', 'forget a user’s authenticator; they set it up again at the next sign-in.', async (cli, user) =>
    cli.call('users.resetMfa', { userId: user.id }),
  ),
  check: {
    summary: `read the whole database and check every page (each is decrypted and its checksum verified): prints "ok <pages> pages", or says the file is damaged and exits 1. With --json, one object {ok, pages}, also when the damage stops the sign-in (then pages is 0 and message says what is damaged). Run it on a backup before you rely on it; it takes a while on a large install. ${SIGN_IN_NOTE}`,
    usage: 'check --data DIR [--json]',
    options: { data, json },
    run: async (values) => {
      try {
        return await signedIn(values, async (cli) => {
          const verdict = await cli.call('install.check', {});
          if (values.json) printJson(verdict);
          else if (verdict.ok) process.stdout.write(`ok ${verdict.pages} pages\n`);
          else process.stdout.write('damaged: part of the database cannot be read or does not hold together. Restore the data folder from a backup.\n');
          return verdict.ok ? EXIT.ok : EXIT.error;
        });
      } catch (error) {
        const damage = values.json ? installDamage(error) : undefined;
        if (damage === undefined) throw error;
        // A script asked for the verdict, and damage that stops the sign-in is one: no page was checked.
        printJson({ ok: false, pages: 0, message: damage });
        process.stderr.write(`kluis: ${damage}\n`);
        return EXIT.error;
      }
    },
  },
  backup: {
    summary: `make a backup in a new or empty folder, also while the app is in use: one consistent copy of the database (as encrypted as the install, without its free pages) and vault.json, opened and checked as check and audit verify do before it counts. Needs the install.backup right. ${SIGN_IN_NOTE}`,
    usage: 'backup --data DIR --to FOLDER [--json]',
    options: {
      data,
      to: { type: 'string', description: 'a new or empty folder for the backup, outside the data folder (on another disk if you can)', required: true },
      json,
    },
    run: (values) => {
      const to = pathOf(String(values.to));
      checkBeforeSignIn('install.backup', () => refuseBackupFolder(to, dataDirOf(values)));
      return signedIn(values, async (cli) => {
        const result = await cli.call('install.backup', { to });
        if (values.json) printJson(result);
        else {
          const megabytes = (result.bytes / 1_048_576).toFixed(1);
          process.stdout.write(`backed up to ${result.folder}: ${result.pages} pages (${megabytes} MB), every page read back and the audit log whole (${result.auditEntries} entries)\n`);
        }
        return EXIT.ok;
      });
    },
  },
  'audit verify': {
    summary: `check the audit log's hash chain: prints "ok <entries>" or the first broken entry. ${SIGN_IN_NOTE}`,
    usage: 'audit verify --data DIR [--json]',
    options: { data, json },
    run: (values) =>
      signedIn(values, async (cli) => {
        const verdict = await cli.call('audit.verify', {});
        // JSON keeps the typed reason for scripts and adds the sentence a person reads, as an error's `message` does.
        if (values.json) printJson(verdict.ok ? verdict : { ...verdict, message: auditBreakText(verdict.reason) });
        else if (verdict.ok) process.stdout.write(`ok ${verdict.entries}\n`);
        else process.stdout.write(`broken at entry ${verdict.brokenAt}: ${auditBreakText(verdict.reason)}\n`);
        return verdict.ok ? EXIT.ok : EXIT.error;
      }),
  },
  seed: {
    summary: `fill an install with realistic Dutch and Belgian demo data: organisations, contacts, deals, activities, invoices (the same --seed gives the same data). Needs the data.import right. ${SIGN_IN_NOTE}`,
    usage: 'seed --data DIR --contacts N [--seed S] [--json]',
    options: {
      data,
      contacts: { type: 'string', description: `how many contacts to add, 1 to ${MAX_SEED_CONTACTS} (about one organisation per 8)`, required: true },
      seed: { type: 'string', description: 'a whole number that decides the data (default 1)' },
      json,
    },
    run: (values) => {
      const whole = (option: string, text: string, min: number, max: number): number => {
        const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
        if (!Number.isSafeInteger(n) || n < min || n > max) throw new CliError(`--${option} must be a whole number from ${min} to ${max}.`);
        return n;
      };
      const contacts = whole('contacts', String(values.contacts), 1, MAX_SEED_CONTACTS);
      const seed = values.seed === undefined ? 1 : whole('seed', String(values.seed), 0, 0xffffffff);
      return signedIn(values, async (cli) => {
        const session = cli.core.requireActive();
        if (!cli.core.hasPermission(session.user, 'data.import')) {
          throw new CliError('Seeding demo data needs the data.import right, which this account does not have.');
        }
        let reported = 0;
        const result = seedRecords(session, {
          contacts,
          seed,
          onProgress: (done, total) => {
            if (done === total || Math.floor(done / 100_000) > Math.floor(reported / 100_000)) process.stderr.write(`seeded ${done} / ${total} contacts\n`);
            reported = done;
          },
        });
        cli.core.touch();
        const { counts } = result;
        if (values.json) {
          printJson({
            ...counts,
            searchRows: result.searchRows,
            seconds: Math.round(result.seconds * 1000) / 1000,
            contactsPerSecond: result.contactsPerSecond,
            rowsPerSecond: result.rowsPerSecond,
          });
        } else {
          process.stdout.write(
            `seeded ${counts.contacts} contacts, ${counts.organisations} organisations, ${counts.deals} deals, ${counts.activities} activities, ` +
              `${counts.invoices} invoices and ${counts.consents} consents in ${result.seconds.toFixed(1)} s ` +
              `(${result.contactsPerSecond} contacts/s, ${result.rowsPerSecond} rows/s)\n`,
          );
        }
      });
    },
  },
};
