/**
 * First run: make the DEK, the encrypted database, the first admin and vault.json. vault.json is
 * written last, so a failure at any step leaves the folder without an install, and the partial
 * files and keychain item are removed.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CreatedInstall, KeyMode } from '../../../shared/apiTypes';
import { appendAudit, deriveAuditKey, readAuditHead, type AuditHead } from '../audit/chain';
import { issueRecoveryCodes } from '../auth/recoveryCodes';
import { newTotpSecret, totpUri } from '../auth/totp';
import { insertUser, updateUser } from '../auth/users';
import { migrate } from '../db/migrate';
import { CIPHER, DB_FILE, folderFitsDatabase, longestFolderFor, openDatabase, type Db, type OpenOptions } from '../db/open';
import { KluisError } from '../errors';
import { randomKey, zero } from '../vault/crypto';
import type { KdfCost } from '../vault/kdf';
import type { Keychain } from '../vault/keychain';
import { createSlot } from '../vault/slots';
import { writeVaultFile } from '../vault/vaultFile';
import { setMeta } from './meta';
import { dataPaths, holdsDatabaseOnly, holdsInstall, isFileNotFolder } from './paths';

export interface CreateInstallInput {
  dataDir: string;
  orgName: string;
  adminUsername: string;
  password: string;
  keychain: Keychain;
  /** Policy: refuse to run without an OS keychain instead of falling back to passphrase-only. */
  requireKeychain?: boolean;
  /** Enrol the admin's authenticator now (the CLI) instead of at the first sign-in (the app). */
  enrolTotp?: boolean;
  kdfCost?: KdfCost;
  openOptions?: OpenOptions;
}

/**
 * Makes the folder and any missing parents, one by one. Node's recursive mkdir retries forever
 * where a parent exists but refuses new entries with ENOENT (a folder under /proc): one at a time, the
 * first refusal is an error.
 */
function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) mkdirSync(folder, { mode: 0o700 });
}

/**
 * Refuses, from the names on the disk alone, a folder no install can be made in: one that holds an
 * install already, a file, a path too long for SQLite. Asked before the password's strength is
 * judged, which takes a moment: a setup call on a set-up install is refused at once.
 */
export function refuseInstallFolder(dataDir: string): void {
  if (holdsInstall(dataDir)) {
    const id = holdsDatabaseOnly(dataDir) ? 'access.vaultMissingBesideDatabase' : 'access.installExists';
    throw new KluisError('CONFLICT', { id, values: { dataDir } });
  }
  if (isFileNotFolder(dataDir)) {
    throw new KluisError('VALIDATION', { id: 'access.dataDirNotFolder', values: { dataDir } });
  }
  const folder = resolve(dataDir);
  if (!folderFitsDatabase(folder, DB_FILE)) {
    throw new KluisError('VALIDATION', { id: 'access.folderPathTooLong', values: { folder, limit: longestFolderFor(DB_FILE) } });
  }
}

export async function createInstall(input: CreateInstallInput): Promise<CreatedInstall> {
  const paths = dataPaths(input.dataDir);
  refuseInstallFolder(input.dataDir);
  const keyMode: KeyMode = (await input.keychain.isAvailable()) ? 'keychain' : 'passphrase-only';
  if (keyMode === 'passphrase-only' && input.requireKeychain) {
    throw new KluisError('CONFLICT', 'access.keychainRequired');
  }
  try {
    makeFolder(input.dataDir);
  } catch {
    // A file on the path, no right to write, a read-only disk: the admin's to fix, not an internal fault.
    throw new KluisError('VALIDATION', { id: 'access.dataDirNotCreated', values: { dataDir: input.dataDir } });
  }

  // The folder is claimed by creating the database file exclusively: of two setups at once (two
  // windows, a CLI beside the app) one goes on, the other is refused as for an existing install —
  // and, having created nothing, removes nothing of the other's when it fails.
  try {
    closeSync(openSync(paths.db, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new KluisError('CONFLICT', { id: 'access.installExists', values: { dataDir: input.dataDir } });
    throw new KluisError('VALIDATION', { id: 'access.dataDirNotCreated', values: { dataDir: input.dataDir } });
  }

  const installId = randomUUID();
  const deviceSecret = keyMode === 'keychain' ? randomKey() : null;
  const dek = randomKey();
  const auditKey = deriveAuditKey(dek);
  let db: Db | undefined;
  let storedSecret = false;
  let enrolment: { otpauthUri: string; recoveryCodes: string[] } | undefined;
  let auditHead: AuditHead | null = null;
  try {
    const slot = await createSlot({
      installId,
      username: input.adminUsername,
      password: input.password,
      deviceSecret,
      dek,
      ...(input.kdfCost ? { kdfCost: input.kdfCost } : {}),
    });
    db = openDatabase(paths.db, dek, input.openOptions, true);
    // Owner only; SQLite gives the WAL and shared-memory files the same mode as the database.
    chmodSync(paths.db, 0o600);
    migrate(db);
    const created = db;
    db.transaction(() => {
      setMeta(created, 'org_name', input.orgName);
      const adminId = insertUser(created, { username: input.adminUsername, displayName: input.adminUsername, role: 'admin', slotId: slot.id });
      appendAudit(created, auditKey, { actor: adminId, action: 'install.created', target: `user:${adminId}`, details: { keyMode } });
      if (input.enrolTotp) {
        const secret = newTotpSecret();
        updateUser(created, adminId, { totp_secret: secret });
        appendAudit(created, auditKey, { actor: adminId, action: 'mfa.enrolled', target: `user:${adminId}` });
        enrolment = {
          otpauthUri: totpUri(secret, `Kluis (${input.orgName})`, input.adminUsername),
          recoveryCodes: issueRecoveryCodes(created, adminId),
        };
      }
      auditHead = readAuditHead(created);
    }).immediate();
    db.close();
    db = undefined;
    if (deviceSecret) {
      await input.keychain.setSecret(installId, deviceSecret);
      storedSecret = true;
    }
    writeVaultFile(input.dataDir, {
      format: 1,
      installId,
      cipher: { ...CIPHER },
      keyMode,
      slots: [slot],
      auditHead,
    });
    return { keyMode, installId, ...(enrolment ?? {}) };
  } catch (error) {
    db?.close();
    for (const file of [paths.db, paths.wal, paths.shm, paths.vault]) rmSync(file, { force: true });
    if (storedSecret) await input.keychain.deleteSecret(installId).catch(() => false);
    throw error;
  } finally {
    zero(dek, deviceSecret, auditKey);
  }
}
