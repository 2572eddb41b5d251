/**
 * The device secret in the OS keychain, against a real Secret Service (gnome-keyring under
 * dbus-run-session, started by `npm test`): an install unlocks only where its keychain item is.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { osKeychain } from '../../electron/core/vault/keychain';
import { ANOTHER_MACHINE, ANOTHER_MACHINE_ENV, initCli, NO_SECRET_SERVICE, runCli, signInEnv } from '../support/cli';
import { tempDir } from '../support/install';
import { Authenticator, otpauthUriIn, secretFromUri } from '../support/totp';

const PASSWORD = 'lange-wandeling-door-de-duinen';

function init(dataDir: string) {
  return initCli({ dataDir, org: 'Kapsalon Knip', admin: 'beheer', password: PASSWORD });
}

describe('the device key in the OS keychain', () => {
  beforeAll(async () => {
    expect(
      await osKeychain().isAvailable(),
      'These tests need a Secret Service: run them through `npm test`, which starts a private gnome-keyring.',
    ).toBe(true);
  });

  it('is used when a keychain answers, and the install unlocks with it', async () => {
    const dataDir = join(tempDir(), 'data');
    const created = await init(dataDir);
    expect(created.keyMode).toBe('keychain');
    expect(await osKeychain().getSecret(created.installId)).toHaveLength(32);

    const status = await runCli(['status', '--data', dataDir, '--json'], await created.withCode());
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ installId: created.installId, keyMode: 'keychain', userCount: 1 });
  });

  it('when deleted, makes sign-in refuse with a message that names the missing device key', async () => {
    const dataDir = join(tempDir(), 'data');
    const install = await init(dataDir);
    const { installId } = install;
    expect(await osKeychain().deleteSecret(installId)).toBe(true);

    const status = await runCli(['status', '--data', dataDir], await install.withCode());
    expect(status.code).toBe(1);
    expect(status.stderr.trim()).toBe(
      `kluis: The device key of this install (keychain item "kluis" / ${installId}) is missing from the OS keychain, so the data cannot be unlocked on this device.`,
    );
  });

  it('keeps a copied data folder locked on a machine without the item, even with the right password', async () => {
    const dataDir = join(tempDir(), 'data');
    const install = await init(dataDir);
    const { installId } = install;
    const copy = join(tempDir(), 'copied-data');
    cpSync(dataDir, copy, { recursive: true });

    const elsewhere = await runCli(['status', '--data', copy], { ...(await install.withCode()), ...ANOTHER_MACHINE_ENV }, ANOTHER_MACHINE);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain(`device key of this install (keychain item "kluis" / ${installId}) is missing`);

    // The same copy opens here, where the item is: it is the keychain item, not the folder, that unlocks.
    const here = await runCli(['status', '--data', copy], await install.withCode());
    expect(here.stderr).toBe('');
    expect(here.code).toBe(0);
  });

  it('is not needed without a Secret Service: the install runs passphrase-only and status says so', async () => {
    const dataDir = join(tempDir(), 'data');
    const created = await runCli(['init', '--data', dataDir, '--org', 'Kapsalon Knip', '--admin', 'beheer'], {
      KLUIS_PASSWORD: PASSWORD,
      ...NO_SECRET_SERVICE,
    });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/key mode\s+passphrase-only/);
    expect(created.stdout).toContain('No OS keychain answered: the data is protected by passwords alone.');
    // The text output also shows the authenticator URI and ten recovery codes, once.
    expect(created.stdout).toContain('Add this to your authenticator app');
    // The key to type in by hand, as the app's enrolment screen shows it; no pointer to a QR code
    // on the account page, which has none.
    const secret = secretFromUri(otpauthUriIn(created.stdout));
    expect(created.stdout).toContain(`\n  ${secret.match(/.{1,4}/g)!.join(' ')}\n`);
    expect(created.stdout).not.toContain('account page');
    expect(created.stdout.match(/^ {2}[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/gm)).toHaveLength(10);
    const authenticator = new Authenticator(secretFromUri(otpauthUriIn(created.stdout)));

    const status = await runCli(['status', '--data', dataDir], {
      ...signInEnv('beheer', PASSWORD, await authenticator.nextCode()),
      ...NO_SECRET_SERVICE,
    });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/key mode\s+passphrase-only/);
  });

  it('can be required by policy: init refuses passphrase-only mode and leaves the folder empty', async () => {
    const dataDir = join(tempDir(), 'data');
    const result = await runCli(['init', '--data', dataDir, '--org', 'X', '--admin', 'beheer', '--require-keychain'], {
      KLUIS_PASSWORD: PASSWORD,
      ...NO_SECRET_SERVICE,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('kluis: No OS keychain answered, and the policy requires one; nothing was changed.');
    const retry = await init(dataDir);
    expect(retry.keyMode).toBe('keychain');
  });
});
