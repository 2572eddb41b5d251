/**
 * The promise to someone who copies the disk: without the key, the data folder is noise.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, openSync, readFileSync, readSync, rmSync, truncateSync, writeSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { KluisError } from '../../electron/core/errors';
import { setMeta } from '../../electron/core/install/meta';
import { dataPaths } from '../../electron/core/install/paths';
import { randomKey } from '../../electron/core/vault/crypto';
import { ADMIN, installedCore, signedInAdmin, signIn, noKeychain, tempDir as tempDirFor } from '../support/install';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Inverts one byte of a file in place. */
function flipByte(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, offset);
    byte[0] = (byte[0] as number) ^ 0xff;
    writeSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

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
    const db = openDatabase(file, null, { plain: true }, true);
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
    // The key comes from an authenticated slot, so a key that does not fit means the file is not right.
    expect((caught as KluisError).code).toBe('INTERNAL');
    expect((caught as KluisError).message).toMatch(/^The database file is damaged, or it is not this install’s\./);
  });

  describe('an install whose database file is damaged or gone', () => {
    async function signInTo(change: (db: string) => void) {
      const t = await installedCore({ keychain: noKeychain });
      const db = dataPaths(t.dataDir).db;
      change(db);
      const before = existsSync(db) ? readFileSync(db) : null;
      const first = await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
      const after = existsSync(db) ? readFileSync(db) : null;
      return { first, unchanged: before === null ? after === null : after !== null && before.equals(after) };
    }

    it('says the file is missing, and does not make a new empty one in its place', async () => {
      const { first, unchanged } = await signInTo((db) => rmSync(db));
      expect(first).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageId: 'access.databaseMissing' } });
      expect(unchanged).toBe(true);
    });

    it('says an emptied file is damaged, and leaves it as it is', async () => {
      const { first, unchanged } = await signInTo((db) => truncateSync(db, 0));
      expect(first).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageId: 'access.databaseDamaged' } });
      expect(unchanged).toBe(true);
    });

    it('says a folder it may not write is a matter of permissions, not damage (a restore would lose work)', async () => {
      const t = await installedCore({ keychain: noKeychain });
      // A folder that may not be written, as one on a read-only disk or of someone else: by its mode,
      // and for root (whom no mode stops; CI runs as root) by the immutable flag.
      const asRoot = process.getuid?.() === 0;
      const lock = (locked: boolean) => (asRoot ? execFileSync('chattr', [locked ? '+i' : '-i', t.dataDir]) : chmodSync(t.dataDir, locked ? 0o500 : 0o700));
      lock(true);
      try {
        const first = await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
        expect(first).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageId: 'access.folderNotWritable' } });
      } finally {
        lock(false);
      }
      await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    });

    it('says a file with a changed byte in its first page is damaged, not that the password is wrong', async () => {
      const { first, unchanged } = await signInTo((db) => flipByte(db, 20));
      expect(first).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageId: 'access.databaseDamaged' } });
      expect(unchanged).toBe(true);
    });
  });

  it('answers a page found damaged after signing in with the same typed error, not an internal fault', async () => {
    const t = await signedInAdmin();
    for (let i = 0; i < 40; i++) {
      const created = await t.call('records.create', { entity: 'contact', values: { last_name: `Pietersen ${i}`, notes: 'x'.repeat(2_000) } });
      expect(created.ok).toBe(true);
    }
    const { db } = t.core.requireActive();
    const contactPages = db.prepare("SELECT pageno FROM dbstat WHERE name IN ('contacts', 'contacts_by_name')").pluck().all() as number[];
    expect(contactPages.length).toBeGreaterThan(5);
    expect((await t.call('session.signOut', {})).ok).toBe(true);
    // Signing in reads no contact, so it succeeds; the contact list then meets the damage.
    for (const page of contactPages) flipByte(dataPaths(t.dataDir).db, (page - 1) * 4096 + 200);
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const listed = await t.call('records.list', { entity: 'contact', limit: 200 });
    expect(listed).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageId: 'access.databaseDamaged' } });
  });

  it('cannot be read as a plain SQLite file', async () => {
    const { dataDir } = await installedCore({ keychain: noKeychain });
    expect(() => openDatabase(dataPaths(dataDir).db, null, { plain: true })).toThrow(KluisError);
  });
});
