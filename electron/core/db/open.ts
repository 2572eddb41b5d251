/**
 * Opens the encrypted database: SQLCipher-compatible (cipher 'sqlcipher', legacy 4) with a raw
 * 32-byte key, WAL, foreign keys and secure_delete. The key goes to SQLite as a Buffer holding the
 * `x'…'` raw-key literal, which is zeroed right after, so it never lives in a JS string.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { KluisError } from '../errors';
import { zero } from '../vault/crypto';

export type Db = Database.Database;

export const DB_FILE = 'kluis.db';

/**
 * The longest path, in bytes, SQLite opens a database file at: its Unix file layer takes paths of
 * up to 512 bytes, and the rollback journal beside the database adds "-journal" (504 measured as the
 * last length that opens). A longer one fails as "cannot open", which reads like a permissions
 * problem; it is checked first.
 */
const LONGEST_DATABASE_PATH = 512 - '-journal'.length;

/** How many bytes a folder's path may take for SQLite to open `fileName` in it (see above). */
export function longestFolderFor(fileName: string): number {
  return LONGEST_DATABASE_PATH - 1 - Buffer.byteLength(fileName);
}

export function folderFitsDatabase(folder: string, fileName: string): boolean {
  return Buffer.byteLength(folder) <= longestFolderFor(fileName);
}
export const CIPHER = { name: 'sqlcipher', legacy: 4 } as const;
/** SQLite's page cache per connection, in KiB. */
export const CACHE_KIB = 256 * 1024;

export interface OpenOptions {
  /** Path of the native addon built for Electron's ABI (see scripts/start.mjs); Node's by default. */
  nativeBinding?: string | undefined;
  /** For the benchmark's plain twin only: open without a key. */
  plain?: boolean;
}

const HEX = '0123456789abcdef';

/** Builds the ASCII bytes of `x'<hex>'` directly into a Buffer. */
function rawKeyLiteral(key: Buffer): Buffer {
  const literal = Buffer.alloc(key.length * 2 + 3);
  literal[0] = 0x78; // x
  literal[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    const byte = key[i] as number;
    literal[2 + i * 2] = HEX.charCodeAt(byte >> 4);
    literal[3 + i * 2] = HEX.charCodeAt(byte & 0x0f);
  }
  literal[literal.length - 1] = 0x27; // '
  return literal;
}

/**
 * True for SQLite's answers to a file that is not (or no longer) a database it can read: damaged
 * pages, a page whose HMAC fails, a file cut short or from elsewhere.
 */
export function isDatabaseDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

const FILE_ACCESS_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_AUTH', 'EACCES', 'EPERM', 'EROFS']);

/**
 * The data folder or a file in it may not be read or written (its permissions, a read-only disk):
 * nothing is damaged, and a restore from a backup would only lose work.
 */
export function isFileAccessProblem(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (FILE_ACCESS_CODES.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'));
}

/** Another connection (the app, the admin tool) holds the write lock longer than SQLite waits. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Why opening failed, in words that send the reader the right way: another process at work (a seed
 * or import writes without a write-ahead log while it is alone, so even reading waits for it),
 * permissions, or the file. Only the last says "restore from a backup", so it must be the last.
 */
function openFailure(error: unknown): KluisError {
  if (error instanceof KluisError) return error;
  if (isBusy(error)) return new KluisError('CONFLICT', 'common.busy');
  return new KluisError('INTERNAL', isFileAccessProblem(error) ? 'access.folderNotWritable' : 'access.databaseDamaged');
}

/**
 * Opens the install's database, or creates it (`create`, first run only). An existing install's
 * file must be there and not empty: SQLite would otherwise make a new, empty database in its place,
 * and the install would look as if nobody had an account.
 */
export function openDatabase(path: string, dek: Buffer | null, options: OpenOptions = {}, create = false): Db {
  if (!create) {
    const size = existsSync(path) ? statSync(path).size : null;
    if (size === null) throw new KluisError('INTERNAL', 'access.databaseMissing');
    if (size === 0) throw new KluisError('INTERNAL', 'access.databaseDamaged');
  }
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: !create, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw openFailure(error);
  }
  try {
    if (!options.plain) {
      if (!dek || dek.length !== 32) throw new KluisError('INTERNAL', 'access.databaseKeyLength');
      db.pragma(`cipher = '${CIPHER.name}'`);
      db.pragma(`legacy = ${CIPHER.legacy}`);
      const literal = rawKeyLiteral(dek);
      try {
        db.key(literal);
      } finally {
        zero(literal);
      }
    }
    // The first read proves the key: a wrong key fails here with SQLITE_NOTADB. The key comes out
    // of an authenticated key slot, so it is this install's: what fails here is the file.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // WAL needs its two files beside the database: a folder that may not be written fails here.
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    throw openFailure(error);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = NORMAL');
  // SQLite3MultipleCiphers does not encrypt temporary files: sorts and temp tables stay in memory.
  db.pragma('temp_store = MEMORY');
  // Every page read from the file is decrypted (and every page written encrypted), so pages kept in
  // SQLite's own cache cost nothing the second time. 256 MiB at most, filled only as pages are used:
  // enough for the indexes and search terms of a million contacts (see docs/performance.md).
  db.pragma(`cache_size = -${CACHE_KIB}`);
  return db;
}
