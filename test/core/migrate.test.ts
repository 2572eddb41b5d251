import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrate, schemaVersion, type Migration } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { KluisError } from '../../electron/core/errors';
import { randomKey } from '../../electron/core/vault/crypto';
import { ADMIN, signedInAdmin, tempDir } from '../support/install';

function freshDb() {
  return openDatabase(join(tempDir(), 'm.db'), randomKey(), {}, true);
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a new database to the latest version and are idempotent', () => {
    const db = freshDb();
    expect(migrate(db)).toBe(latestSchemaVersion());
    expect(migrate(db)).toBe(latestSchemaVersion());
    db.close();
  });

  it('apply only the ones not yet applied, in order', () => {
    const db = freshDb();
    const applied: number[] = [];
    const steps: Migration[] = [1, 2, 3].map((version) => ({
      version,
      name: `step ${version}`,
      up: (d) => {
        applied.push(version);
        d.exec(`CREATE TABLE t${version} (x INTEGER)`);
      },
    }));
    migrate(db, steps.slice(0, 2));
    migrate(db, steps);
    expect(applied).toEqual([1, 2, 3]);
    expect(schemaVersion(db)).toBe(3);
    db.close();
  });

  it('roll back a failing migration completely', () => {
    const db = freshDb();
    const broken: Migration = {
      version: 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a database from a newer Kluis with a clear message, and sign-in reports it', async () => {
    const { call, core } = await signedInAdmin();
    const future = latestSchemaVersion() + 5;
    core.requireActive().db.pragma(`user_version = ${future}`);
    await core.signOut();

    const result = await call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: `This database was written by a newer version of Kluis (schema ${future}; this app knows up to ${latestSchemaVersion()}). Update Kluis to open it.`,
        messageId: 'access.schemaTooNew',
        values: { found: future, known: latestSchemaVersion() },
      },
    });
    expect(core.isSignedIn).toBe(false);
  });

  it('throw a KluisError, not a crash, for a too-new schema', () => {
    const db = freshDb();
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(KluisError);
    db.close();
  });
});
