/**
 * Password (+ device secret) → DEK. Every way a sign-in can fail because of the credentials ends in
 * the same generic error; a missing device key is reported plainly, because it is about this
 * device, not about the person typing.
 */
import { KluisError } from '../errors';
import { KeychainUnavailableError, type Keychain } from '../vault/keychain';
import { openSlot, slotIdFor, spendEqualEffort } from '../vault/slots';
import type { VaultFile } from '../vault/vaultFile';

export function wrongCredentials(): KluisError {
  return new KluisError('UNAUTHENTICATED', 'common.wrongCredentials');
}

export async function readDeviceSecret(vault: VaultFile, keychain: Keychain): Promise<Buffer | null> {
  if (vault.keyMode === 'passphrase-only') return null;
  let secret: Buffer | null;
  try {
    secret = await keychain.getSecret(vault.installId);
  } catch (error) {
    throw new KluisError(
      'LOCKED',
      // The keychain's own message names what failed (a timeout, a missing module); it is English only.
      error instanceof KeychainUnavailableError ? { id: 'access.keychainFailed', values: { reason: error.reason } } : 'access.keychainUnreachable',
    );
  }
  if (!secret) throw new KluisError('LOCKED', { id: 'access.deviceKeyMissing', values: { installId: vault.installId } });
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
