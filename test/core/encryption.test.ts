/**
 * The promise to someone who copies the disk: without the key, the data folder is noise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { KluisError } from '../../electron/core/errors';
import { setMeta } from '../../electron/core/install/meta';
import { dataPaths } from '../../electron/core/install/paths';
import { randomKey } from '../../electron/core/vault/crypto';
import { ADMIN, installedCore, signedInAdmin, noKeychain, tempDir as tempDirFor } from '../support/install';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function containsText(file: string, text: string): boolean {
  const bytes = readFileSync(file);
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')].some((needle) => bytes.includes(needle));
}

describe('the encrypted store', () => {
  it('never writes the organisation, the admin or record text in clear to the DB, its WAL or vault.json', async () => {
    const { core, dataDir } = await signedInAdmin();
    const recordText = 'Notitie over klant Pietersen, Kerkstraat 12';
    setMeta(core.requireActive().db, 'org_name', recordText);
    const paths = dataPaths(dataDir);
    const secrets = [ADMIN.orgName, ADMIN.adminUsername, recordText, 'Pietersen'];

    // While open, the fresh write sits in the WAL: check it there too.
    expect(existsSync(paths.wal)).toBe(true);
    for (const file of [paths.db, paths.wal, paths.vault]) {
      for (const text of secrets) expect(containsText(file, text), `${text} in ${file}`).toBe(false);
    }
    await core.close();
    for (const file of [paths.db, paths.vault].filter(existsSync)) {
      for (const text of secrets) expect(containsText(file, text), `${text} in ${file}`).toBe(false);
    }
  });

  it('has a byte scan that does find text in a plain database (so the checks above can fail)', async () => {
    const file = `${tempDirFor()}/plain.db`;
    const db = openDatabase(file, null, { plain: true });
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('Pietersen');");
    db.close();
    expect(containsText(file, 'Pietersen')).toBe(true);
    expect(readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
  });

  it('does not begin with the plain SQLite header', async () => {
    const { dataDir } = await installedCore({ keychain: noKeychain });
    const header = readFileSync(dataPaths(dataDir).db).subarray(0, 16);
    expect(header.equals(SQLITE_HEADER)).toBe(false);
  });

  it('refuses a wrong key cleanly, with a typed error and no partial open', async () => {
    const { dataDir } = await installedCore({ keychain: noKeychain });
    let caught: unknown;
    try {
      openDatabase(dataPaths(dataDir).db, randomKey());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KluisError);
    expect((caught as KluisError).code).toBe('UNAUTHENTICATED');
    expect((caught as KluisError).message).toBe('The database could not be opened with this key.');
  });

  it('cannot be read as a plain SQLite file', async () => {
    const { dataDir } = await installedCore({ keychain: noKeychain });
    expect(() => openDatabase(dataPaths(dataDir).db, null, { plain: true })).toThrow(KluisError);
  });
});
