/**
 * `vault.json` beside the database: install id, cipher settings, key slots and the audit head.
 * It holds no names, emails or record data; slot ids are keyed hashes of usernames.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KeyMode } from '../../../shared/api';
import { DB_FILE, isFileAccessProblem } from '../db/open';
import { KluisError } from '../errors';
import { writeJsonAtomic } from '../install/atomicFile';

export const VAULT_FILE = 'vault.json';
export const VAULT_FORMAT = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealed = z.strictObject({ iv: b64, ciphertext: b64, tag: b64 });

const slotSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    memoryCost: z.number().int().min(8_192),
    timeCost: z.number().int().min(1),
    parallelism: z.number().int().min(1).max(16),
    salt: b64,
  }),
  publicKey: b64,
  wrappedPrivateKey: sealed,
  sealedDek: sealed.extend({ ephemeralPublicKey: b64 }),
});

const vaultSchema = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  installId: z.uuid(),
  cipher: z.strictObject({ name: z.literal('sqlcipher'), legacy: z.literal(4) }),
  keyMode: z.enum(['keychain', 'passphrase-only']),
  slots: z.array(slotSchema),
  /** The last audit entry, mirrored so that a cut tail of the log is caught (DESIGN §8). */
  auditHead: z.strictObject({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
});

export type VaultSlot = z.infer<typeof slotSchema>;
export type VaultFile = z.infer<typeof vaultSchema> & { keyMode: KeyMode };

export function vaultPath(dataDir: string): string {
  return join(dataDir, VAULT_FILE);
}

export function readVaultFile(dataDir: string): VaultFile {
  let raw: string;
  try {
    raw = readFileSync(vaultPath(dataDir), 'utf8');
  } catch (error) {
    // A vault.json that may not be read (its owner, a read-only mount) is there: said as that, never
    // as a missing one with advice to remove the database beside it.
    if (isFileAccessProblem(error)) throw new KluisError('INTERNAL', 'access.folderNotWritable');
    const databaseOnly = existsSync(join(dataDir, DB_FILE));
    throw new KluisError('NOT_FOUND', { id: databaseOnly ? 'access.vaultMissingBesideDatabase' : 'access.noInstall', values: { dataDir } });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new KluisError('INTERNAL', 'access.vaultNotJson');
  }
  const parsed = vaultSchema.safeParse(json);
  if (!parsed.success) {
    const format = (json as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > VAULT_FORMAT) {
      throw new KluisError('CONFLICT', { id: 'access.vaultTooNew', values: { format } });
    }
    throw new KluisError('INTERNAL', 'access.vaultMalformed');
  }
  return parsed.data;
}

export function writeVaultFile(dataDir: string, vault: VaultFile): void {
  writeJsonAtomic(vaultPath(dataDir), vault);
}
