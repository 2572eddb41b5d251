/**
 * Key slots: one per user. The DEK is sealed to the user's X25519 public key; the user's private
 * key is wrapped with their KEK (password + device secret). Adding a user needs the DEK and the new
 * user's password, never anyone else's; a future rekey needs only the public keys.
 */
import { createHmac } from 'node:crypto';
import {
  aeadOpen,
  aeadSeal,
  generateX25519,
  hkdf,
  openSealedBox,
  sealToPublicKey,
  zero,
  type Sealed,
  type SealedBox,
} from './crypto';
import { deriveKek, newKdfParams, type KdfCost } from './kdf';
import type { VaultFile, VaultSlot } from './vaultFile';
import { KluisError } from '../errors';

type Encoded<T> = { [K in keyof T]: string };

function encode<T extends Record<string, Buffer>>(value: T): Encoded<T> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v.toString('base64')])) as Encoded<T>;
}

function decode<T extends Record<string, string>>(value: T): { [K in keyof T]: Buffer } {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Buffer.from(v, 'base64')])) as {
    [K in keyof T]: Buffer;
  };
}

export function normalizeUsername(username: string): string {
  return username.trim().normalize('NFC').toLowerCase();
}

/**
 * The slot id is a keyed hash of the username, so vault.json names nobody. With a keychain the
 * key includes the device secret; in passphrase-only mode it is derived from the install id alone.
 */
export function slotIdFor(username: string, installId: string, deviceSecret: Buffer | null): string {
  const ikm = deviceSecret ? Buffer.concat([deviceSecret, Buffer.from(installId)]) : Buffer.from(installId);
  const key = hkdf(ikm, Buffer.from(installId), 'kluis/slot-id/v1');
  try {
    return createHmac('sha256', key).update(normalizeUsername(username), 'utf8').digest('hex');
  } finally {
    zero(ikm, key);
  }
}

const privateKeyAad = (installId: string, slotId: string) => `kluis/private-key/v1|${installId}|${slotId}`;
const dekAad = (installId: string) => `kluis/dek/v1|${installId}`;

export interface NewSlotInput {
  installId: string;
  username: string;
  password: string;
  deviceSecret: Buffer | null;
  dek: Buffer;
  kdfCost?: KdfCost;
}

export async function createSlot(input: NewSlotInput): Promise<VaultSlot> {
  const id = slotIdFor(input.username, input.installId, input.deviceSecret);
  const kdf = newKdfParams(input.kdfCost);
  const pair = generateX25519();
  const kek = await deriveKek(input.password, kdf, input.deviceSecret);
  try {
    const wrapped: Sealed = aeadSeal(kek, pair.privateKey, privateKeyAad(input.installId, id));
    const box: SealedBox = sealToPublicKey(pair.publicKey, input.dek, dekAad(input.installId));
    return {
      id,
      kdf,
      publicKey: pair.publicKey.toString('base64'),
      wrappedPrivateKey: encode({ iv: wrapped.iv, ciphertext: wrapped.ciphertext, tag: wrapped.tag }),
      sealedDek: encode({
        ephemeralPublicKey: box.ephemeralPublicKey,
        iv: box.iv,
        ciphertext: box.ciphertext,
        tag: box.tag,
      }),
    };
  } finally {
    zero(kek, pair.privateKey);
  }
}

export interface OpenedSlot {
  dek: Buffer;
  /** PKCS#8 DER; kept by the session so the user can change their password without re-deriving. */
  privateKey: Buffer;
}

/**
 * Opens a slot with a password. Returns the DEK and the private key, or null when the password (or
 * the device secret) is wrong — the caller turns that into the one generic sign-in message.
 */
export async function openSlot(
  vault: VaultFile,
  slot: VaultSlot,
  password: string,
  deviceSecret: Buffer | null,
): Promise<OpenedSlot | null> {
  const kek = await deriveKek(password, slot.kdf, deviceSecret);
  let privateKey: Buffer;
  try {
    privateKey = aeadOpen(kek, decode(slot.wrappedPrivateKey), privateKeyAad(vault.installId, slot.id));
  } catch {
    return null;
  } finally {
    zero(kek);
  }
  try {
    const dek = openSealedBox(privateKey, Buffer.from(slot.publicKey, 'base64'), decode(slot.sealedDek), dekAad(vault.installId));
    return { dek, privateKey };
  } catch {
    zero(privateKey);
    // The private key opened, so password and slot are right: what fails is the sealed database key
    // in vault.json. That is a damaged (or altered) file, not a fault of Kluis, and the admin can act on it.
    throw new KluisError('INTERNAL', 'access.vaultKeyDamaged');
  }
}

/** The same slot with its private key wrapped under a new password (fresh salt, current cost). */
export async function rewrapSlot(
  vault: VaultFile,
  slot: VaultSlot,
  privateKey: Buffer,
  newPassword: string,
  deviceSecret: Buffer | null,
  kdfCost?: KdfCost,
): Promise<VaultSlot> {
  const kdf = newKdfParams(kdfCost);
  const kek = await deriveKek(newPassword, kdf, deviceSecret);
  try {
    const wrapped = aeadSeal(kek, privateKey, privateKeyAad(vault.installId, slot.id));
    return { ...slot, kdf, wrappedPrivateKey: encode({ iv: wrapped.iv, ciphertext: wrapped.ciphertext, tag: wrapped.tag }) };
  } finally {
    zero(kek);
  }
}

/** Burns the same Argon2id work as a real attempt, so an unknown username is not faster to reject. */
export async function spendEqualEffort(password: string, vault: VaultFile): Promise<void> {
  const params = vault.slots[0]?.kdf ?? newKdfParams();
  zero(await deriveKek(password, params, null));
}
