/**
 * Small wrappers around node:crypto for the vault. Secrets are Buffers so they can be zeroed;
 * nothing here turns key material into a string.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;

export interface Sealed {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function zero(...buffers: (Buffer | undefined | null)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}

export function hkdf(ikm: Buffer, salt: Buffer, info: string, length = KEY_BYTES): Buffer {
  // Buffer.from(ArrayBuffer) is a view, not a copy, so zeroing the result zeroes the only copy.
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

/** AES-256-GCM; `aad` binds the ciphertext to its place (install, slot, purpose). */
export function aeadSeal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Throws when the key is wrong or anything was altered. */
export function aeadOpen(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

export interface KeyPair {
  /** SPKI DER: public, may be stored in clear. */
  publicKey: Buffer;
  /** PKCS#8 DER: secret, zero after use. */
  privateKey: Buffer;
}

export function generateX25519(): KeyPair {
  const pair = generateKeyPairSync('x25519');
  return {
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function publicKeyObject(spki: Buffer): KeyObject {
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

function privateKeyObject(pkcs8: Buffer): KeyObject {
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

export interface SealedBox extends Sealed {
  /** SPKI DER of the one-time sender key. */
  ephemeralPublicKey: Buffer;
}

/**
 * Seals `secret` to an X25519 public key (an ECIES "sealed box"): anyone holding the public key
 * can seal, only the private key opens. This is how an admin gives a new user the DEK without
 * knowing that user's password.
 */
export function sealToPublicKey(recipientSpki: Buffer, secret: Buffer, aad: string): SealedBox {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublicKey = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipientSpki) });
  const key = hkdf(shared, Buffer.concat([ephemeralPublicKey, recipientSpki]), 'kluis/sealed-box/v1');
  try {
    return { ephemeralPublicKey, ...aeadSeal(key, secret, aad) };
  } finally {
    zero(shared, key);
  }
}

export function openSealedBox(recipientPkcs8: Buffer, recipientSpki: Buffer, box: SealedBox, aad: string): Buffer {
  const shared = diffieHellman({
    privateKey: privateKeyObject(recipientPkcs8),
    publicKey: publicKeyObject(box.ephemeralPublicKey),
  });
  const key = hkdf(shared, Buffer.concat([box.ephemeralPublicKey, recipientSpki]), 'kluis/sealed-box/v1');
  try {
    return aeadOpen(key, box, aad);
  } finally {
    zero(shared, key);
  }
}
