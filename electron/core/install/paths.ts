import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../db/open';
import { VAULT_FILE } from '../vault/vaultFile';

export interface DataPaths {
  dir: string;
  vault: string;
  db: string;
  wal: string;
  shm: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const db = join(dataDir, DB_FILE);
  return { dir: dataDir, vault: join(dataDir, VAULT_FILE), db, wal: `${db}-wal`, shm: `${db}-shm` };
}

/** The path names a file where a data folder should be: worth saying so, not "nothing here". */
export function isFileNotFolder(dataDir: string): boolean {
  return existsSync(dataDir) && !statSync(dataDir).isDirectory();
}

/** An install exists once either of its two files does; a half-made one is refused, not overwritten. */
export function holdsInstall(dataDir: string): boolean {
  const paths = dataPaths(dataDir);
  return existsSync(paths.vault) || existsSync(paths.db);
}

/**
 * The database without its vault: what a setup stopped half-way leaves (Ctrl+C, a crash), and what a
 * lost vault.json leaves. Which of the two it is, Kluis cannot tell, so it deletes nothing itself.
 */
export function holdsDatabaseOnly(dataDir: string): boolean {
  const paths = dataPaths(dataDir);
  return existsSync(paths.db) && !existsSync(paths.vault);
}
