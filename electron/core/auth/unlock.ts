/**
 * Password (+ device secret) → DEK. Every way a sign-in can fail because of the credentials ends in
 * the same generic error; a missing device key is reported plainly, because it is about this
 * device, not about the person typing.
 */
import { WRONG_CREDENTIALS_MESSAGE } from '../../../shared/errors';
import { KluisError } from '../errors';
import { KeychainUnavailableError, type Keychain } from '../vault/keychain';
import { openSlot, slotIdFor, spendEqualEffort } from '../vault/slots';
import type { VaultFile } from '../vault/vaultFile';

export function wrongCredentials(): KluisError {
  return new KluisError('UNAUTHENTICATED', WRONG_CREDENTIALS_MESSAGE);
}

export async function readDeviceSecret(vault: VaultFile, keychain: Keychain): Promise<Buffer | null> {
  if (vault.keyMode === 'passphrase-only') return null;
  let secret: Buffer | null;
  try {
    secret = await keychain.getSecret(vault.installId);
  } catch (error) {
    const reason = error instanceof KeychainUnavailableError ? error.message : 'The OS keychain is not reachable.';
    throw new KluisError(
      'LOCKED',
      `${reason} This install keeps its device key there, so it cannot be unlocked until the keychain answers.`,
    );
  }
  if (!secret) {
    throw new KluisError(
      'LOCKED',
      `The device key of this install (keychain item "kluis" / ${vault.installId}) is missing from the OS keychain, so the data cannot be unlocked on this device.`,
    );
  }
  return secret;
}

export interface Unlocked {
  dek: Buffer;
  privateKey: Buffer;
  slotId: string;
}

export async function unlockWithPassword(
  vault: VaultFile,
  deviceSecret: Buffer | null,
  username: string,
  password: string,
): Promise<Unlocked> {
  const slotId = slotIdFor(username, vault.installId, deviceSecret);
  const slot = vault.slots.find((s) => s.id === slotId);
  if (!slot) {
    await spendEqualEffort(password, vault);
    throw wrongCredentials();
  }
  const opened = await openSlot(vault, slot, password, deviceSecret);
  if (!opened) throw wrongCredentials();
  return { ...opened, slotId };
}
