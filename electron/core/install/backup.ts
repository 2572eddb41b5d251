/**
 * A backup of the install that holds together while the app goes on working: a copy of the folder's
 * files made by hand can take kluis.db before a change and vault.json after it (or miss the change
 * waiting in kluis.db-wal), and then the copy's audit log looks cut, or the database will not open.
 *
 * The database is copied by SQLite (`VACUUM INTO`), which reads one snapshot of it, WAL included,
 * and writes it under the same cipher and key: the copy is as encrypted as the original and opens
 * with the same accounts. It also leaves out free pages, so what was erased before the backup is not
 * in it. vault.json is read before and after the copy; when another window changed it meanwhile (a
 * new user, a password, the audit head), the copy is made again. The backup is then opened and
 * checked as `check` and `audit verify` would, before it is called done.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import type { BackupResult } from '../../../shared/apiTypes';
import { verifyAuditChain } from '../audit/chain';
import { openDatabase, type OpenOptions } from '../db/open';
import { checkIntegrity } from '../db/integrity';
import { KluisError } from '../errors';
import type { OpenInstall } from '../session/openInstall';
import { readVaultFile, VAULT_FILE } from '../vault/vaultFile';
import { DISPLAY_FILE } from './displayLanguage';
import { dataPaths } from './paths';

/** How many times the copy is made again when vault.json changed during it, before giving up. */
const ATTEMPTS = 3;
const PARTIAL = 'kluis.db.partial';

function isInside(folder: string, parent: string): boolean {
  const path = relative(parent, folder);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The backup's folder: new, or empty; never the data folder or a folder inside it. */
function prepareFolder(to: string, dataDir: string): string {
  const folder = resolve(to);
  if (isInside(folder, resolve(dataDir))) throw new KluisError('VALIDATION', { id: 'access.backupInsideDataFolder', values: { folder } });
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory()) throw new KluisError('VALIDATION', { id: 'access.backupFolderIsFile', values: { folder } });
    if (readdirSync(folder).length > 0) throw new KluisError('VALIDATION', { id: 'access.backupFolderNotEmpty', values: { folder } });
  } else {
    try {
      // Not `recursive`: the folder it goes in must be there (a typo then fails here, not in a new
      // tree of folders), and Node's recursive mkdir can loop forever on some file systems (/proc).
      mkdirSync(folder, { mode: 0o700 });
    } catch {
      throw new KluisError('VALIDATION', { id: 'access.backupFolderNotCreated', values: { folder } });
    }
  }
  return folder;
}

/** One snapshot of the database, and the vault.json that was in force all through it. */
function copyConsistently(open: OpenInstall, partial: string): Buffer {
  const vaultFile = dataPaths(open.dataDir).vault;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const before = readFileSync(vaultFile);
    rmSync(partial, { force: true });
    open.db.prepare('VACUUM INTO ?').run(partial);
    const after = readFileSync(vaultFile);
    if (before.equals(after)) return after;
  }
  rmSync(partial, { force: true });
  throw new KluisError('CONFLICT', 'access.backupKeptChanging');
}

/** Opens the copy with the install's key and checks every page and the audit chain against its vault. */
function verifyCopy(open: OpenInstall, folder: string, options: OpenOptions): { pages: number; auditEntries: number } {
  const db = openDatabase(join(folder, PARTIAL), open.dek, options);
  try {
    const integrity = checkIntegrity(db);
    const chain = verifyAuditChain(db, open.auditKey, readVaultFile(folder).auditHead);
    if (!integrity.ok || !chain.ok) throw new KluisError('INTERNAL', 'access.backupDidNotCheckOut');
    return { pages: integrity.pages, auditEntries: chain.entries };
  } finally {
    db.close();
  }
}

export function backupInstall(open: OpenInstall, to: string, options: OpenOptions = {}): BackupResult {
  const folder = prepareFolder(to, open.dataDir);
  try {
    const partial = join(folder, PARTIAL);
    const vault = copyConsistently(open, partial);
    writeFileSync(join(folder, VAULT_FILE), vault, { mode: 0o600 });
    const display = join(open.dataDir, DISPLAY_FILE);
    if (existsSync(display)) copyFileSync(display, join(folder, DISPLAY_FILE));
    const { pages, auditEntries } = verifyCopy(open, folder, options);
    // Named kluis.db only once it checked out: a backup cut short never looks like a whole one.
    renameSync(partial, dataPaths(folder).db);
    return { folder, pages, bytes: statSync(dataPaths(folder).db).size, auditEntries };
  } catch (error) {
    // Nothing half-made stays behind to be mistaken for a backup; the folder was empty or new.
    for (const name of readdirSync(folder)) rmSync(join(folder, name), { recursive: true, force: true });
    throw error;
  }
}
