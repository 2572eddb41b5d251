/**
 * The device secret in the OS keychain, against a real Secret Service (gnome-keyring under
 * dbus-run-session, started by `npm test`): an install unlocks only where its keychain item is.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { osKeychain } from '../../electron/core/vault/keychain';
import { ANOTHER_MACHINE, ANOTHER_MACHINE_ENV, NO_SECRET_SERVICE, runCli } from '../support/cli';
import { tempDir } from '../support/install';

const PASSWORD = 'lange-wandeling-door-de-duinen';
const signIn = { KLUIS_USER: 'beheer', KLUIS_PASSWORD: PASSWORD };

async function init(dataDir: string, env: Record<string, string> = {}) {
  const result = await runCli(['init', '--data', dataDir, '--org', 'Kapsalon Knip', '--admin', 'beheer', '--json'], {
    KLUIS_PASSWORD: PASSWORD,
    ...env,
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { installId: string; keyMode: string };
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

    const status = await runCli(['status', '--data', dataDir, '--json'], signIn);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ installId: created.installId, keyMode: 'keychain', userCount: 1 });
  });

  it('when deleted, makes sign-in refuse with a message that names the missing device key', async () => {
    const dataDir = join(tempDir(), 'data');
    const { installId } = await init(dataDir);
    expect(await osKeychain().deleteSecret(installId)).toBe(true);

    const status = await runCli(['status', '--data', dataDir], signIn);
    expect(status.code).toBe(1);
    expect(status.stderr.trim()).toBe(
      `kluis: The device key of this install (keychain item "kluis" / ${installId}) is missing from the OS keychain, so the data cannot be unlocked on this device.`,
    );
  });

  it('keeps a copied data folder locked on a machine without the item, even with the right password', async () => {
    const dataDir = join(tempDir(), 'data');
    const { installId } = await init(dataDir);
    const copy = join(tempDir(), 'copied-data');
    cpSync(dataDir, copy, { recursive: true });

    const elsewhere = await runCli(['status', '--data', copy], { ...signIn, ...ANOTHER_MACHINE_ENV }, ANOTHER_MACHINE);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain(`device key of this install (keychain item "kluis" / ${installId}) is missing`);

    // The same copy opens here, where the item is: it is the keychain item, not the folder, that unlocks.
    expect((await runCli(['status', '--data', copy], signIn)).code).toBe(0);
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

    const status = await runCli(['status', '--data', dataDir], { ...signIn, ...NO_SECRET_SERVICE });
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
