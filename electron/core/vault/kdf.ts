/**
 * Password → key-encryption key. Argon2id parameters are stored per slot so they can be raised
 * later without locking anyone out; the device secret from the OS keychain is mixed in with HKDF,
 * so a copied data folder plus a guessed password is still not enough.
 */
import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { hkdf, zero } from './crypto';

export interface KdfParams {
  algorithm: 'argon2id';
  /** KiB of memory. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  /** base64 */
  salt: string;
}

/**
 * 256 MiB, 3 passes: about 0.4 s on a two-core machine — slow and memory-hungry for a guesser,
 * quick enough for a person (the benchmark reports it as `unlock_ms`, aimed at 250–1,500 ms; two
 * passes came too close to the lower end on a quiet machine). Existing slots keep their own.
 */
export const DEFAULT_KDF_COST = { memoryCost: 262_144, timeCost: 3, parallelism: 1 } as const;

export type KdfCost = Pick<KdfParams, 'memoryCost' | 'timeCost' | 'parallelism'>;

export function newKdfParams(cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  return { algorithm: 'argon2id', ...cost, salt: randomBytes(16).toString('base64') };
}

// `Algorithm` is a const enum in the typings, which isolated modules cannot inline: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

export async function deriveKek(password: string, params: KdfParams, deviceSecret: Buffer | null): Promise<Buffer> {
  const salt = Buffer.from(params.salt, 'base64');
  const passwordBytes = Buffer.from(password.normalize('NFC'), 'utf8');
  let stretched: Buffer | undefined;
  let ikm: Buffer | undefined;
  try {
    stretched = await hashRaw(passwordBytes, {
      algorithm: ARGON2ID,
      memoryCost: params.memoryCost,
      timeCost: params.timeCost,
      parallelism: params.parallelism,
      outputLen: 32,
      salt,
    });
    ikm = deviceSecret ? Buffer.concat([stretched, deviceSecret]) : Buffer.from(stretched);
    return hkdf(ikm, salt, 'kluis/kek/v1');
  } finally {
    zero(passwordBytes, stretched, ikm);
  }
}
