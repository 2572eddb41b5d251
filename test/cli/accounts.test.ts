/**
 * Accounts through the admin CLI (issue 3): the admin's authenticator from `init`, the code in
 * KLUIS_TOTP at every sign-in (wrong, replayed and missing codes), single-use recovery codes,
 * step-up for sensitive commands, and the user commands. Every run is also checked for the
 * password: it must show neither in the arguments nor in the output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/audit/chain';
import { SignInThrottle, THROTTLE_FILE } from '../../electron/core/auth/throttle';
import { createDispatcher } from '../../electron/core/dispatch';
import { KluisCore } from '../../electron/core/kluis';
import { BUILT_IN_ROLES } from '../../shared/access';
import { ROLES } from '../../shared/permissions';
import { expectNoSecrets, installTemplate, NO_SECRET_SERVICE, runCli, signInEnv, type CliInstall, type CliResult } from '../support/cli';
import { noKeychain, tempDir } from '../support/install';
import { Authenticator, stepAt } from '../support/totp';

const PASSWORD = 'lange-wandeling-door-de-duinen';
/** Several CLI processes per test, each with Argon2id at the real cost: slow on a busy machine. */
const SLOW = { timeout: 120_000 };
const WRONG_CREDENTIALS = 'kluis: Wrong username, password or code\n';
const NOT_FINISHED =
  'kluis: This account has not finished its first sign-in: sign in once in the app to set a password and an authenticator.\n';
const ONE_TIME_PASSWORD = /^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$/;

/** Runs the CLI without a Secret Service and checks that no password leaks into argv or output. */
async function cli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const result = await runCli(args, { ...NO_SECRET_SERVICE, ...env });
  expectNoSecrets(args, result, [PASSWORD, env.KLUIS_PASSWORD]);
  return result;
}

/** A fresh copy of one untouched install (admin "beheer", authenticator enrolled by init). */
const newInstall = installTemplate({ org: 'Kapsalon Knip', admin: 'beheer', password: PASSWORD, env: NO_SECRET_SERVICE });

/** `user add` as the admin with a fresh code; returns the one-time password it printed. */
async function addUser(install: CliInstall, username: string, extra: string[] = []): Promise<string> {
  const added = await cli(['user', 'add', '--data', install.dataDir, '--username', username, '--role', 'office', ...extra], await install.withCode());
  expect(added.stderr).toBe('');
  expect(added.code).toBe(0);
  const oneTimePassword = /^one-time password: (\S+)$/m.exec(added.stdout)?.[1];
  expect(oneTimePassword).toMatch(ONE_TIME_PASSWORD);
  return oneTimePassword!;
}

/**
 * What `user list` prints for one account: the role by its English name, as the app shows it, in a
 * column as wide as the longest name listed (`width`; "Administrator" in every list here).
 */
function listLine(username: string, role: string, status: string, mfa: 'mfa' | 'no-mfa', name: string, width = 'Administrator'.length): string {
  return `${username.padEnd(24)} ${role.padEnd(width)} ${status.padEnd(9)} ${mfa.padEnd(7)} ${name}\n`;
}

/** Does in-process what the app does at a new user's first sign-in: new password, authenticator. */
async function finishFirstSignIn(dataDir: string, username: string, oneTimePassword: string, newPassword: string): Promise<Authenticator> {
  const core = new KluisCore({ dataDir, keychain: noKeychain });
  try {
    expect(await core.signIn(username, oneTimePassword)).toEqual({ next: 'changePassword' });
    expect(await core.changeInitialPassword(newPassword)).toEqual({ next: 'enrol' });
    const authenticator = new Authenticator((await core.beginEnrolment()).secret);
    const { recoveryCodes, progress } = await core.confirmEnrolment(await authenticator.nextCode());
    expect(recoveryCodes).toHaveLength(10);
    expect(progress.next).toBe('done');
    return authenticator;
  } finally {
    await core.close();
  }
}

describe('init and the admin authenticator', () => {
  it('init --json returns an otpauth URI with issuer and secret, and ten distinct recovery codes', async () => {
    const dataDir = join(tempDir(), 'data');
    const args = ['init', '--data', dataDir, '--org', 'Garage De Vries', '--admin', 'anouk', '--json'];
    const result = await cli(args, { KLUIS_PASSWORD: PASSWORD });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const created = JSON.parse(result.stdout) as { otpauthUri: string; recoveryCodes: string[] };

    const uri = new URL(created.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Kluis (Garage De Vries):anouk');
    expect(uri.searchParams.get('issuer')).toBe('Kluis (Garage De Vries)');
    // 20 random bytes in base32; what authenticator apps assume unless told otherwise.
    expect(uri.searchParams.get('secret')).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('period') ?? '30').toBe('30');

    expect(created.recoveryCodes).toHaveLength(10);
    expect(new Set(created.recoveryCodes).size).toBe(10);
    for (const code of created.recoveryCodes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });
});

// Concurrent: each test has its own copy of the install, and most of a test's time is waiting for
// the authenticator's next 30-second step, which the other tests can use meanwhile.
describe.concurrent('signing in with KLUIS_TOTP', SLOW, () => {
  it('accepts a current code, and refuses a replayed or wrong code with the generic message (exit 2)', async () => {
    const install = newInstall();
    const status = ['status', '--data', install.dataDir];

    const { authenticator } = install;
    const first = await cli(status, signInEnv('beheer', PASSWORD, authenticator.newestCode()));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^install id\\s+${install.installId}$`, 'm'));

    // The very same code again: refused as a replay, though it is still inside its time window.
    const replayed = await cli(status, signInEnv('beheer', PASSWORD, authenticator.lastCode()));
    expect(stepAt(), 'the replayed code was still current, so only the replay rule refused it').toBeLessThanOrEqual(
      authenticator.lastUsedStep + 1,
    );
    const wrong = await cli(status, signInEnv('beheer', PASSWORD, authenticator.wrongCode()));
    for (const refused of [replayed, wrong]) {
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(WRONG_CREDENTIALS);
      expect(refused.stdout).toBe('');
    }

    // The refusals locked nobody out.
    const next = await cli(status, install.withRecoveryCode());
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
  });

  it('takes a KLUIS_TOTP of the wrong length for a wrong code: exit 2, counted and audited, the code never echoed', async () => {
    const install = newInstall();
    const status = ['status', '--data', install.dataDir];
    /** The failures the throttle counts for the one username tried here: each on both its counts (docs/security.md). */
    const failures = () => {
      const file = JSON.parse(readFileSync(join(install.dataDir, THROTTLE_FILE), 'utf8')) as { subjects: Record<string, { failures: number }> };
      return Object.values(file.subjects).map((subject) => subject.failures);
    };
    const wrong = await cli(status, signInEnv('beheer', PASSWORD, install.authenticator.wrongCode()));
    expect(wrong.code).toBe(2);
    expect(failures()).toEqual([1, 1]);

    // After the third failure the throttle makes the next try wait a second; the admin waits it out.
    const throttle = new SignInThrottle(install.dataDir, install.installId);
    const waitOutThrottle = () => new Promise((done) => setTimeout(done, throttle.retryAfterSeconds(throttle.subjectsFor('beheer').code) * 1000));

    // Too short, too long, and a recovery code spaced out past the wall's 32 characters (not used up).
    const spacedRecoveryCode = install.recoveryCodes[0]!.split('').join('   ');
    for (const [n, code] of ['12345', '1'.repeat(33), spacedRecoveryCode].entries()) {
      await waitOutThrottle();
      const malformed = await cli(status, signInEnv('beheer', PASSWORD, code));
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toBe('kluis: KLUIS_TOTP is not a code: use the 6 digits your authenticator app shows, or a recovery code.\n');
      expect(malformed.stdout).toBe('');
      expect(malformed.stderr).not.toContain(code);
      expect(failures()).toEqual([n + 2, n + 2]);
    }

    // Four failures: the next sign-in, even with the right password, waits (2 s) as after four wrong codes.
    const core = new KluisCore({ dataDir: install.dataDir, keychain: noKeychain });
    try {
      await expect(core.signIn('beheer', PASSWORD)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', details: { retryAfterSeconds: expect.any(Number) } });
      await new Promise((done) => setTimeout(done, 2_100));
      // Each failed second step is in the audit log, as a wrong code is; the spaced recovery code was not used up.
      expect(await core.signIn('beheer', PASSWORD)).toEqual({ next: 'code' });
      expect(await core.verifyCode(install.recoveryCodes[0]!)).toMatchObject({ next: 'done' });
      const failed = listAudit(core.requireActive().db, 50).filter((entry) => entry.action === 'session.signIn.failed');
      expect(failed).toHaveLength(4);
    } finally {
      await core.close();
    }
  });

  it('asks for KLUIS_TOTP when it is missing (exit 1), without telling whether the password was right', async () => {
    const install = newInstall();
    const status = ['status', '--data', install.dataDir];
    const rightPassword = await cli(status, signInEnv('beheer', PASSWORD, undefined));
    const wrongPassword = await cli(status, signInEnv('beheer', 'fietsen-langs-de-maas', undefined));
    for (const result of [rightPassword, wrongPassword]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('kluis: Set KLUIS_TOTP to a current code from your authenticator app.\n');
      expect(result.stdout).toBe('');
    }
  });

  it('accepts a recovery code once only', async () => {
    const install = newInstall();
    const status = ['status', '--data', install.dataDir];
    const [code, otherCode] = install.recoveryCodes;

    const first = await cli(status, signInEnv('beheer', PASSWORD, code));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const again = await cli(status, signInEnv('beheer', PASSWORD, code));
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(WRONG_CREDENTIALS);
    expect(again.stdout).toBe('');

    // Only that one was used up.
    expect((await cli(status, signInEnv('beheer', PASSWORD, otherCode))).code).toBe(0);
  });
});

// Concurrent, as above.
describe.concurrent('user commands', SLOW, () => {
  it('user add prints a one-time password, user list shows the account, and the account cannot use the CLI yet', async () => {
    const install = newInstall();
    const { dataDir } = install;

    const added = await cli(
      ['user', 'add', '--data', dataDir, '--username', 'piet', '--role', 'office', '--name', 'Piet de Vries', '--email', 'piet@example.nl'],
      await install.withCode(),
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const oneTimePassword = /^one-time password: (\S+)$/m.exec(added.stdout)?.[1] ?? '';
    expect(oneTimePassword).toMatch(ONE_TIME_PASSWORD);
    expect(added.stdout).toBe(
      [
        'username       piet',
        'name           Piet de Vries',
        'role           Office staff',
        'status         active',
        'authenticator  not set up',
        `one-time password: ${oneTimePassword}`,
        '(the user must change it at the first sign-in)',
        '',
      ].join('\n'),
    );

    const list = await cli(['user', 'list', '--data', dataDir], install.withRecoveryCode());
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(listLine('beheer', 'Administrator', 'active', 'mfa', 'beheer') + listLine('piet', 'Office staff', 'active', 'no-mfa', 'Piet de Vries'));

    const listJson = await cli(['user', 'list', '--data', dataDir, '--json'], install.withRecoveryCode());
    expect(listJson.code).toBe(0);
    expect(JSON.parse(listJson.stdout)).toEqual([
      {
        id: expect.any(Number),
        username: 'beheer',
        displayName: 'beheer',
        email: null,
        role: 'admin',
        roleName: 'Administrator',
        status: 'active',
        mfaEnrolled: true,
        mustChangePassword: false,
        createdAt: expect.any(String),
      },
      {
        id: expect.any(Number),
        username: 'piet',
        displayName: 'Piet de Vries',
        email: 'piet@example.nl',
        role: 'office',
        roleName: 'Office staff',
        status: 'active',
        mfaEnrolled: false,
        mustChangePassword: true,
        createdAt: expect.any(String),
      },
    ]);

    const addedJson = await cli(['user', 'add', '--data', dataDir, '--username', 'an.jansen', '--role', 'admin', '--json'], await install.withCode());
    expect(addedJson.stderr).toBe('');
    expect(addedJson.code).toBe(0);
    const created = JSON.parse(addedJson.stdout) as { oneTimePassword: string };
    expect(created).toEqual({
      user: expect.objectContaining({ username: 'an.jansen', displayName: 'an.jansen', role: 'admin', status: 'active', mfaEnrolled: false, mustChangePassword: true }),
      oneTimePassword: expect.stringMatching(ONE_TIME_PASSWORD),
    });
    expect(created.oneTimePassword).not.toBe(oneTimePassword);

    // The right one-time password, but the first sign-in (new password, authenticator) is the app's.
    for (const [username, password] of [
      ['piet', oneTimePassword],
      ['an.jansen', created.oneTimePassword],
    ] as const) {
      const early = await cli(['status', '--data', dataDir], signInEnv(username, password, undefined));
      expect(early.code).toBe(1);
      expect(early.stderr).toBe(NOT_FINISHED);
      expect(early.stdout).toBe('');
    }
  });

  it('user add refuses a taken username (in any case), an unknown role and a missing role, with clear messages', async () => {
    const install = newInstall();
    const { dataDir } = install;

    const taken = await cli(['user', 'add', '--data', dataDir, '--username', 'BEHEER', '--role', 'office'], await install.withCode());
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe('kluis: That username is taken.\n');
    expect(taken.stdout).toBe('');

    const unknownRole = await cli(['user', 'add', '--data', dataDir, '--username', 'piet', '--role', 'superuser'], await install.withCode());
    expect(unknownRole.code).toBe(1);
    expect(unknownRole.stderr).toBe(`kluis: Unknown role "superuser": use one of ${ROLES.join(', ')}.\n`);
    expect(unknownRole.stdout).toBe('');

    const noRole = await cli(['user', 'add', '--data', dataDir, '--username', 'piet'], signInEnv('beheer', PASSWORD, undefined));
    expect(noRole.code).toBe(1);
    expect(noRole.stderr).toBe('kluis: --role is required. Run "user add --help" for its options.\n');

    const list = await cli(['user', 'list', '--data', dataDir], install.withRecoveryCode());
    expect(list.stdout).toBe(listLine('beheer', 'Administrator', 'active', 'mfa', 'beheer'));
  });

  it('user add takes a custom role of the install, and an unknown role is told the roles that exist there', async () => {
    const install = newInstall();
    const { dataDir } = install;
    // Custom roles are made in the app (the Roles page); in-process here, through the same dispatcher.
    const core = new KluisCore({ dataDir, keychain: noKeychain });
    try {
      expect(await core.signIn('beheer', PASSWORD)).toEqual({ next: 'code' });
      await core.verifyCode(await install.authenticator.nextCode());
      const rights = BUILT_IN_ROLES.find((r) => r.id === 'office')!.rights;
      const saved = await createDispatcher(core, { trustedOrigins: [] }).dispatch('roles.save', { name: { en: 'Front desk', nl: 'Balie' }, rights }, { kind: 'cli' });
      expect(saved).toMatchObject({ ok: true, value: { id: 'custom-front-desk' } });
    } finally {
      await core.close();
    }

    const added = await cli(['user', 'add', '--data', dataDir, '--username', 'piet', '--role', 'custom-front-desk'], await install.withCode());
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^role\s+Front desk$/m);

    // Renamed in the app, the role keeps its id: the list shows the name the app shows now, and
    // --json keeps the id for scripts (what --role takes) beside the name.
    const renaming = new KluisCore({ dataDir, keychain: noKeychain });
    try {
      expect(await renaming.signIn('beheer', PASSWORD)).toEqual({ next: 'code' });
      await renaming.verifyCode(await install.authenticator.nextCode());
      const rights = BUILT_IN_ROLES.find((r) => r.id === 'office')!.rights;
      const renamed = await createDispatcher(renaming, { trustedOrigins: [] }).dispatch('roles.save', { id: 'custom-front-desk', name: { en: 'Reception desk and post room', nl: 'Receptie' }, rights }, { kind: 'cli' });
      expect(renamed).toMatchObject({ ok: true, value: { id: 'custom-front-desk' } });
    } finally {
      await renaming.close();
    }
    const width = 'Reception desk and post room'.length;
    const list = await cli(['user', 'list', '--data', dataDir], install.withRecoveryCode());
    expect(list.stderr).toBe('');
    expect(list.stdout).toBe(
      listLine('beheer', 'Administrator', 'active', 'mfa', 'beheer', width) + listLine('piet', 'Reception desk and post room', 'active', 'no-mfa', 'piet', width),
    );
    expect(list.stdout).not.toContain('custom-front-desk');
    const listJson = await cli(['user', 'list', '--data', dataDir, '--json'], install.withRecoveryCode());
    expect((JSON.parse(listJson.stdout) as { username: string; role: string; roleName: string }[]).map(({ username, role, roleName }) => ({ username, role, roleName }))).toEqual([
      { username: 'beheer', role: 'admin', roleName: 'Administrator' },
      { username: 'piet', role: 'custom-front-desk', roleName: 'Reception desk and post room' },
    ]);

    const unknownRole = await cli(['user', 'add', '--data', dataDir, '--username', 'els', '--role', 'front-desk'], await install.withCode());
    expect(unknownRole.code).toBe(1);
    expect(unknownRole.stderr).toBe(`kluis: Unknown role "front-desk": use one of ${[...ROLES, 'custom-front-desk'].join(', ')}.\n`);
    expect(unknownRole.stdout).toBe('');
  });

  it('user disable marks the account disabled and its password stops working at once', async () => {
    const install = newInstall();
    const { dataDir } = install;
    const oneTimePassword = await addUser(install, 'piet');

    const disabled = await cli(['user', 'disable', 'piet', '--data', dataDir], await install.withCode());
    expect(disabled.stderr).toBe('');
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toBe(
      ['username       piet', 'name           piet', 'role           Office staff', 'status         disabled', 'authenticator  not set up', ''].join('\n'),
    );

    const list = await cli(['user', 'list', '--data', dataDir], install.withRecoveryCode());
    expect(list.stdout).toBe(listLine('beheer', 'Administrator', 'active', 'mfa', 'beheer') + listLine('piet', 'Office staff', 'disabled', 'no-mfa', 'piet'));

    // Before, this password reached "not finished its first sign-in"; now it opens nothing.
    const piet = await cli(['status', '--data', dataDir], signInEnv('piet', oneTimePassword, '123456'));
    expect(piet.code).toBe(2);
    expect(piet.stderr).toBe(WRONG_CREDENTIALS);

    const unknown = await cli(['user', 'disable', '--data', dataDir, '--username', 'nobody'], await install.withCode());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('kluis: No user named "nobody".\n');

    const self = await cli(['user', 'disable', '--data', dataDir, '--username', 'beheer'], await install.withCode());
    expect(self.code).toBe(1);
    expect(self.stderr).toBe('kluis: You cannot disable or reset your own account: another administrator can do that for you. Your own password and recovery codes are changed on the Account page in the app.\n');
  });

  it('user enable lets a disabled user in again with a new one-time password; an active one is refused', async () => {
    const install = newInstall();
    const { dataDir } = install;
    const first = await addUser(install, 'piet');
    expect((await cli(['user', 'disable', 'piet', '--data', dataDir], await install.withCode())).code).toBe(0);

    const enabled = await cli(['user', 'enable', '--data', dataDir, '--username', 'piet'], await install.withCode());
    expect(enabled.stderr).toBe('');
    expect(enabled.code).toBe(0);
    const second = /^one-time password: (\S+)$/m.exec(enabled.stdout)?.[1] ?? '';
    expect(second).toMatch(ONE_TIME_PASSWORD);
    expect(second).not.toBe(first);
    expect(enabled.stdout).toContain('status         active\n');

    // The password from before the disabling stays dead; the new one reaches the first sign-in.
    const old = await cli(['status', '--data', dataDir], signInEnv('piet', first, '123456'));
    expect(old.code).toBe(2);
    const current = await cli(['status', '--data', dataDir], signInEnv('piet', second, undefined));
    expect(current.code).toBe(1);
    expect(current.stderr).toBe(NOT_FINISHED);

    const again = await cli(['user', 'enable', '--data', dataDir, '--username', 'piet'], await install.withCode());
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('kluis: This account is not disabled.\n');
  });

  it('user reset-password prints a new one-time password and the old one stops working', async () => {
    const install = newInstall();
    const { dataDir } = install;
    const first = await addUser(install, 'piet');

    const reset = await cli(['user', 'reset-password', '--data', dataDir, '--username', 'piet'], await install.withCode());
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    const second = /^one-time password: (\S+)$/m.exec(reset.stdout)?.[1] ?? '';
    expect(second).toMatch(ONE_TIME_PASSWORD);
    expect(second).not.toBe(first);
    expect(reset.stdout).toBe(
      [
        'username       piet',
        'name           piet',
        'role           Office staff',
        'status         active',
        'authenticator  not set up',
        `one-time password: ${second}`,
        '(the user must change it at the first sign-in)',
        '',
      ].join('\n'),
    );

    const old = await cli(['status', '--data', dataDir], signInEnv('piet', first, '123456'));
    expect(old.code).toBe(2);
    expect(old.stderr).toBe(WRONG_CREDENTIALS);
    const current = await cli(['status', '--data', dataDir], signInEnv('piet', second, undefined));
    expect(current.code).toBe(1);
    expect(current.stderr).toBe(NOT_FINISHED);

    const resetJson = await cli(['user', 'reset-password', '--data', dataDir, '--username', 'piet', '--json'], await install.withCode());
    expect(resetJson.code).toBe(0);
    const third = JSON.parse(resetJson.stdout) as { oneTimePassword: string };
    expect(third).toEqual({
      user: expect.objectContaining({ username: 'piet', status: 'active', mustChangePassword: true }),
      oneTimePassword: expect.stringMatching(ONE_TIME_PASSWORD),
    });
    expect([first, second]).not.toContain(third.oneTimePassword);
  });

  it('user reset-mfa forgets the authenticator: the user has to set one up again in the app', async () => {
    const install = newInstall();
    const { dataDir } = install;
    const oneTimePassword = await addUser(install, 'piet');
    const pietPassword = 'rustig-fietsen-langs-de-vecht';
    const pietPhone = await finishFirstSignIn(dataDir, 'piet', oneTimePassword, pietPassword);

    // Piet now gets past sign-in with his own code (and is then refused for lack of the right).
    const before = await cli(['user', 'list', '--data', dataDir], signInEnv('piet', pietPassword, await pietPhone.nextCode()));
    expect(before.code).toBe(1);
    expect(before.stderr).toBe('kluis: You do not have the right "Manage users and their access".\n');
    expect((await cli(['user', 'list', '--data', dataDir], install.withRecoveryCode())).stdout).toContain(
      listLine('piet', 'Office staff', 'active', 'mfa', 'piet'),
    );

    const reset = await cli(['user', 'reset-mfa', '--data', dataDir, '--username', 'piet'], await install.withCode());
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toBe(
      ['username       piet', 'name           piet', 'role           Office staff', 'status         active', 'authenticator  not set up', ''].join('\n'),
    );

    expect((await cli(['user', 'list', '--data', dataDir], install.withRecoveryCode())).stdout).toContain(
      listLine('piet', 'Office staff', 'active', 'no-mfa', 'piet'),
    );
    const after = await cli(['status', '--data', dataDir], signInEnv('piet', pietPassword, await pietPhone.nextCode()));
    expect(after.code).toBe(1);
    expect(after.stderr).toBe(NOT_FINISHED);
  });

  it('refuses every sensitive command with a recovery code before signing in: they need a code from the authenticator', async () => {
    const install = newInstall();
    const { dataDir } = install;
    await addUser(install, 'piet');

    const recovery = install.withRecoveryCode();
    for (const args of [
      ['user', 'add', '--username', 'jan', '--role', 'office'],
      ['user', 'disable', '--username', 'piet'],
      ['user', 'reset-password', '--username', 'piet'],
      ['user', 'reset-mfa', '--username', 'piet'],
    ]) {
      const refused = await cli([...args, '--data', dataDir], recovery);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr).toBe(
        'kluis: This command needs a fresh code from your authenticator app, and a recovery code is not one: set KLUIS_TOTP to the 6 digits the app shows. Your recovery code was not used.\n',
      );
      expect(refused.stdout).toBe('');
    }

    // Nothing changed, and the recovery code is still good: it signs in (once).
    const list = await cli(['user', 'list', '--data', dataDir], recovery);
    expect(list.stdout).toBe(listLine('beheer', 'Administrator', 'active', 'mfa', 'beheer') + listLine('piet', 'Office staff', 'active', 'no-mfa', 'piet'));
  });
});
