/**
 * `seed` through the admin CLI (issue 4 item 7), end to end on a real `init`: it signs in like every
 * command, needs the data.import right, prints progress on stderr and one line (or one JSON object)
 * on stdout, gives the same data for the same --seed, and refuses bad numbers before signing in.
 */
import { describe, expect, it } from 'vitest';
import { KluisCore } from '../../electron/core/kluis';
import { BUILT_IN_ROLES } from '../../shared/access';
import { expectNoSecrets, installTemplate, NO_SECRET_SERVICE, runCli, signInEnv, type CliInstall, type CliResult } from '../support/cli';
import { noKeychain } from '../support/install';
import { Authenticator } from '../support/totp';

const PASSWORD = 'lange-wandeling-door-de-duinen';
/** Several CLI processes per test, each with Argon2id at the real cost: slow on a busy machine. */
const SLOW = { timeout: 180_000 };
const SUMMARY =
  /^seeded (\d+) contacts, (\d+) organisations, (\d+) deals, (\d+) activities, (\d+) invoices and (\d+) consents in \d+\.\d s \((\d+) contacts\/s, (\d+) rows\/s\)\n$/;

async function cli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const result = await runCli(args, { ...NO_SECRET_SERVICE, ...env });
  expectNoSecrets(args, result, [PASSWORD, env.KLUIS_PASSWORD]);
  return result;
}

const newInstall = installTemplate({ org: 'Groothandel De Zwaan', admin: 'beheer', password: PASSWORD, env: NO_SECRET_SERVICE });

interface Seeded {
  contacts: number;
  organisations: number;
  deals: number;
  activities: number;
  invoices: number;
  consents: number;
  searchRows: number;
  seconds: number;
  contactsPerSecond: number;
  rowsPerSecond: number;
}

async function seedJson(install: CliInstall, contacts: number, seed?: number): Promise<Seeded> {
  const args = ['seed', '--data', install.dataDir, '--contacts', String(contacts), '--json', ...(seed === undefined ? [] : ['--seed', String(seed)])];
  const result = await cli(args, await install.withCode());
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout.endsWith('\n')).toBe(true);
  expect(result.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(result.stdout) as Seeded;
}

/** Opens the install in-process as the admin (with a recovery code) and reads from the database. */
async function peek<T>(install: CliInstall, read: (core: KluisCore) => T): Promise<T> {
  const core = new KluisCore({ dataDir: install.dataDir, keychain: noKeychain });
  try {
    expect(await core.signIn(install.username, install.password)).toEqual({ next: 'code' });
    expect((await core.verifyCode(install.nextRecoveryCode())).next).toBe('done');
    return read(core);
  } finally {
    await core.close();
  }
}

function names(core: KluisCore): string[] {
  const rows = core.requireActive().db.prepare('SELECT first_name, last_name FROM contacts ORDER BY id').all() as { first_name: string; last_name: string }[];
  return rows.map((r) => `${r.first_name} ${r.last_name}`);
}

describe('seed', SLOW, () => {
  it('fills the install, reports progress on stderr and one summary line on stdout, and audits the run once', async () => {
    const install = newInstall();
    const result = await cli(['seed', '--data', install.dataDir, '--contacts', '400'], await install.withCode());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('seeded 400 / 400 contacts\n');
    const match = SUMMARY.exec(result.stdout);
    expect(match, result.stdout).not.toBeNull();
    const [contacts, organisations, deals, activities, invoices, consents] = match!.slice(1, 7).map(Number);
    expect(contacts).toBe(400);
    expect(organisations).toBeGreaterThan(25);
    expect(activities).toBeGreaterThan(600);

    const seen = await peek(install, (core) => {
      const { db } = core.requireActive();
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const entries = db.prepare("SELECT actor, details FROM audit_log WHERE action = 'records.seeded'").all() as { actor: number; details: string }[];
      return { counts: [count('contacts'), count('organisations'), count('deals'), count('activities'), count('invoices'), count('consents')], entries };
    });
    expect(seen.counts).toEqual([contacts, organisations, deals, activities, invoices, consents]);
    expect(seen.entries).toHaveLength(1);
    expect(JSON.parse(seen.entries[0]!.details)).toEqual({ contacts, organisations, deals, activities, invoices, consents });

    const verified = await cli(['audit', 'verify', '--data', install.dataDir], await install.withCode());
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^ok \d+\n$/);
  });

  it('prints one JSON object, gives the same data for the same --seed and other data for another', async () => {
    const first = newInstall();
    const same = newInstall();
    const other = newInstall();
    const a = await seedJson(first, 300, 42);
    const b = await seedJson(same, 300, 42);
    await seedJson(other, 300, 43);
    expect(Object.keys(a).sort()).toEqual(
      ['activities', 'consents', 'contacts', 'contactsPerSecond', 'deals', 'invoices', 'organisations', 'rowsPerSecond', 'searchRows', 'seconds'].sort(),
    );
    expect(a.contacts).toBe(300);
    expect(a.searchRows).toBe(a.contacts + a.organisations + a.deals + a.activities + a.invoices);
    expect(a.rowsPerSecond).toBeGreaterThan(0);
    const { seconds: _s, contactsPerSecond: _c, rowsPerSecond: _r, ...countsA } = a;
    const { seconds: _s2, contactsPerSecond: _c2, rowsPerSecond: _r2, ...countsB } = b;
    expect(countsB).toEqual(countsA);

    const [namesA, namesB, namesC] = [await peek(first, names), await peek(same, names), await peek(other, names)];
    expect(namesB).toEqual(namesA);
    expect(namesC).not.toEqual(namesA);

    // Without --seed it is seed 1, and a second run appends.
    const again = await seedJson(first, 100);
    expect(again.contacts).toBe(100);
    expect((await peek(first, names)).length).toBe(400);
  });

  it('refuses a bad --contacts or --seed before signing in, with one line on stderr', async () => {
    const install = newInstall();
    const cases: [string[], string][] = [
      [['--contacts', 'veel'], 'kluis: --contacts must be a whole number from 1 to 10000000.\n'],
      [['--contacts', '0'], 'kluis: --contacts must be a whole number from 1 to 10000000.\n'],
      [['--contacts', '2.5'], 'kluis: --contacts must be a whole number from 1 to 10000000.\n'],
      [['--contacts', '20000000'], 'kluis: --contacts must be a whole number from 1 to 10000000.\n'],
      [['--contacts', '10', '--seed=-3'], 'kluis: --seed must be a whole number from 0 to 4294967295.\n'],
      [['--contacts', '10', '--seed', 'zeven'], 'kluis: --seed must be a whole number from 0 to 4294967295.\n'],
      [[], 'kluis: --contacts is required. Run "seed --help" for its options.\n'],
    ];
    for (const [extra, message] of cases) {
      // No KLUIS_USER: had it tried to sign in, it would have said so.
      const result = await cli(['seed', '--data', install.dataDir, ...extra], {});
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(message);
      expect(result.code).toBe(1);
    }
  });

  it('refuses an account without the data.import right, and writes nothing', async () => {
    const install = newInstall();
    const role = BUILT_IN_ROLES.find((r) => !r.rights.tasks.includes('data.import'))?.id;
    expect(role).toBeDefined();
    const added = await cli(['user', 'add', '--data', install.dataDir, '--username', 'piet', '--role', role!], await install.withCode());
    expect(added.code, added.stderr).toBe(0);
    const oneTimePassword = /^one-time password: (\S+)$/m.exec(added.stdout)?.[1] ?? '';

    // The first sign-in happens in the app: new password, authenticator.
    const newPassword = 'piet-fietst-langs-de-gracht';
    const core = new KluisCore({ dataDir: install.dataDir, keychain: noKeychain });
    let authenticator: Authenticator;
    try {
      expect(await core.signIn('piet', oneTimePassword)).toEqual({ next: 'changePassword' });
      expect(await core.changeInitialPassword(newPassword)).toEqual({ next: 'enrol' });
      authenticator = new Authenticator((await core.beginEnrolment()).secret);
      expect((await core.confirmEnrolment(await authenticator.nextCode())).progress.next).toBe('done');
    } finally {
      await core.close();
    }

    const refused = await cli(['seed', '--data', install.dataDir, '--contacts', '50'], signInEnv('piet', newPassword, await authenticator.nextCode()));
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('kluis: Seeding demo data needs the data.import right, which this account does not have.\n');
    expect(refused.code).toBe(1);
    expect((await peek(install, names)).length).toBe(0);
  });
});
