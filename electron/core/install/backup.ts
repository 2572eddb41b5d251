/**
 * A backup of the install that holds together while the app goes on working: a copy of the folder's
 * files made by hand can take kluis.db before a change and vault.json after it (or miss the change
 * waiting in kluis.db-wal), and then the copy's audit log looks cut, or the database will not open.
 *
 * The database is copied by SQLite (`VACUUM INTO`), which reads one snapshot of it, WAL included,
 * and writes it under the same cipher and key: the copy is as encrypted as the original and opens
 * with the same accounts. It also leaves out free pages, so what was erased before the backup is not
 * in it. vault.json is read before and after the copy; when its keys changed meanwhile (a new user,
 * a password, in another window), the copy is made again. The backup is then opened and checked as
 * `check` and `audit verify` would, and written to the disk, before it is called done.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { BackupResult } from '../../../shared/apiTypes';
import { verifyAuditChain } from '../audit/chain';
import { folderFitsDatabase, isFileAccessProblem, longestFolderFor, openDatabase, type OpenOptions } from '../db/open';
import { checkIntegrity } from '../db/integrity';
import { KluisError } from '../errors';
import type { OpenInstall } from '../session/openInstall';
import { readVaultFile, VAULT_FILE } from '../vault/vaultFile';
import { syncFolder, writeNewFileDurably } from './atomicFile';
import { DISPLAY_FILE } from './displayLanguage';
import { dataPaths } from './paths';

/** How many times the copy is made again when vault.json's keys changed during it, before giving up. */
const ATTEMPTS = 3;
const PARTIAL = 'kluis.db.partial';

/** A path as the file system resolves it (symbolic links followed), as far as it exists. */
function realPath(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(realPath(parent), basename(path));
}

function isInside(folder: string, parent: string): boolean {
  const path = relative(parent, folder);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * Refuses a folder no backup may go in: the data folder or a folder inside it (also by a link), a
 * path too long for SQLite, a file, a folder that is not empty, or one whose parent is not there.
 * Reads only names on the disk, so the CLI asks it before signing in too: a typo in `--to` then
 * does not spend the admin's code. Returns the folder, resolved.
 */
export function refuseBackupFolder(to: string, dataDir: string): string {
  const folder = resolve(to);
  if (isInside(realPath(folder), realPath(resolve(dataDir)))) throw new KluisError('VALIDATION', { id: 'access.backupInsideDataFolder', values: { folder } });
  if (!folderFitsDatabase(realPath(folder), PARTIAL)) {
    throw new KluisError('VALIDATION', { id: 'access.folderPathTooLong', values: { folder, limit: longestFolderFor(PARTIAL) } });
  }
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory()) throw new KluisError('VALIDATION', { id: 'access.backupFolderIsFile', values: { folder } });
    if (readdirSync(folder).length > 0) throw new KluisError('VALIDATION', { id: 'access.backupFolderNotEmpty', values: { folder } });
  } else if (!existsSync(dirname(folder))) {
    throw new KluisError('VALIDATION', { id: 'access.backupFolderNotCreated', values: { folder } });
  }
  return folder;
}

/**
 * The backup's folder: new, or empty; never the data folder or a folder inside it, also not by a link.
 * `created`: made here, so a backup that fails takes it away again.
 */
function prepareFolder(to: string, dataDir: string): { folder: string; created: boolean } {
  const folder = refuseBackupFolder(to, dataDir);
  if (existsSync(folder)) return { folder, created: false };
  try {
    // Not `recursive`: the folder it goes in must be there (a typo then fails here, not in a new
    // tree of folders), and Node's recursive mkdir can loop forever on some file systems (/proc).
    mkdirSync(folder, { mode: 0o700 });
  } catch {
    throw new KluisError('VALIDATION', { id: 'access.backupFolderNotCreated', values: { folder } });
  }
  return { folder, created: true };
}

/**
 * Whether two readings of vault.json hold the same keys. The audit head is left out: the app moves
 * it forward after every audited change, and a head from before the copy is at or behind the
 * snapshot's last entry, which `audit verify` accepts.
 */
export function sameKeys(before: Buffer, after: Buffer): boolean {
  if (before.equals(after)) return true;
  try {
    const { auditHead: _before, ...keysBefore } = JSON.parse(before.toString('utf8')) as Record<string, unknown>;
    const { auditHead: _after, ...keysAfter } = JSON.parse(after.toString('utf8')) as Record<string, unknown>;
    return JSON.stringify(keysBefore) === JSON.stringify(keysAfter);
  } catch {
    return false;
  }
}

/** One snapshot of the database, and the vault.json whose keys were in force all through it. */
function copyConsistently(open: OpenInstall, partial: string): Buffer {
  const vaultFile = dataPaths(open.dataDir).vault;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const before = readFileSync(vaultFile);
    rmSync(partial, { force: true });
    // Made first, owner only, as the install's own file: SQLite writes into an empty file as it is.
    closeSync(openSync(partial, 'wx', 0o600));
    open.db.prepare('VACUUM INTO ?').run(partial);
    chmodSync(partial, 0o600);
    if (sameKeys(before, readFileSync(vaultFile))) return before;
  }
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

/** A backup folder's own trouble (a full disk, no right to write), said of that folder, not of the data folder. */
function backupFailure(error: unknown, folder: string): unknown {
  if (error instanceof KluisError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new KluisError('INTERNAL', { id: 'access.backupDiskFull', values: { folder } });
  if (isFileAccessProblem(error)) return new KluisError('INTERNAL', { id: 'access.backupFolderNotWritable', values: { folder } });
  return error;
}

/**
 * Takes away what a backup that failed wrote, so nothing half-made is mistaken for a backup: the
 * folder's files (it was new or empty), and the folder itself when the backup made it.
 */
function removeBackup(folder: string, created: boolean): void {
  for (const name of readdirSync(folder)) rmSync(join(folder, name), { recursive: true, force: true });
  if (created) rmdirSync(folder);
}

/**
 * Makes the backup, then `record`s it (the audit entry); a backup that cannot be recorded is not kept.
 */
export function backupInstall(open: OpenInstall, to: string, options: OpenOptions, record: (result: BackupResult) => void): BackupResult {
  const { folder, created } = prepareFolder(to, open.dataDir);
  try {
    const partial = join(folder, PARTIAL);
    const vault = copyConsistently(open, partial);
    writeNewFileDurably(join(folder, VAULT_FILE), vault);
    const display = join(open.dataDir, DISPLAY_FILE);
    if (existsSync(display)) writeNewFileDurably(join(folder, DISPLAY_FILE), readFileSync(display));
    const { pages, auditEntries } = verifyCopy(open, folder, options);
    // Named kluis.db only once it checked out: a backup cut short never looks like a whole one.
    renameSync(partial, dataPaths(folder).db);
    syncFolder(folder);
    const result = { folder, pages, bytes: statSync(dataPaths(folder).db).size, auditEntries };
    record(result);
    return result;
  } catch (error) {
    removeBackup(folder, created);
    throw backupFailure(error, folder);
  }
}
