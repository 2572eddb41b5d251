/**
 * `audit verify` (issue 3, DESIGN §8): passes on an untouched install, and names the first broken
 * entry when someone with the key edits the log behind Kluis's back — one flipped byte, a deleted
 * middle row, a cut tail.
 *
 * The tampering is done the way an insider would: open the install in-process with a password and a
 * code, then write SQL straight into `audit_log`. That sign-in appends entries and mirrors the head
 * into vault.json first; the tampering comes after, and closing appends a sign-out entry.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open';
import { KluisCore } from '../../electron/core/kluis';
import { expectNoSecrets, installTemplate, NO_SECRET_SERVICE, runCli, type CliInstall, type CliResult } from '../support/cli';
import { noKeychain } from '../support/install';

const PASSWORD = 'lange-wandeling-door-de-duinen';
/** Several CLI processes per test, each with Argon2id at the real cost: slow on a busy machine. */
const SLOW = { timeout: 120_000 };

async function cli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const result = await runCli(args, { ...NO_SECRET_SERVICE, ...env });
  expectNoSecrets(args, result, [PASSWORD]);
  return result;
}

/** A fresh copy of one untouched install, made by `init`. */
const newInstall = installTemplate({ org: 'Bloemenhandel Bos', admin: 'beheer', password: PASSWORD, env: NO_SECRET_SERVICE });

async function auditVerify(install: CliInstall, json = false): Promise<CliResult> {
  return cli(['audit', 'verify', '--data', install.dataDir, ...(json ? ['--json'] : [])], await install.withCode());
}

/** Signs in in-process as the admin (with a recovery code), lets `tamper` edit the database, closes. */
async function tamperAsInsider<T>(install: CliInstall, tamper: (db: Db) => T): Promise<T> {
  const core = new KluisCore({ dataDir: install.dataDir, keychain: noKeychain });
  try {
    expect(await core.signIn(install.username, install.password)).toEqual({ next: 'code' });
    expect((await core.verifyCode(install.nextRecoveryCode())).next).toBe('done');
    const { db } = core.requireActive();
    return db.transaction(() => tamper(db))();
  } finally {
    await core.close();
  }
}

function lastSeq(db: Db): number {
  return (db.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
}

/** Flips one bit of one byte (ASCII letter case, or a hex digit into a non-hex one). */
function flipByte(text: string, index: number): string {
  return text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ 0x20) + text.slice(index + 1);
}

describe('audit verify', SLOW, () => {
  it('passes on an untouched install after several sign-ins, and counts every entry', async () => {
    const install = newInstall();
    expect((await cli(['status', '--data', install.dataDir], await install.withCode())).code).toBe(0);
    expect((await cli(['status', '--data', install.dataDir], install.withRecoveryCode())).code).toBe(0);

    const verified = await auditVerify(install);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^ok \d+\n$/);
    const entries = Number(/^ok (\d+)/.exec(verified.stdout)![1]);
    // init: install.created, mfa.enrolled; per sign-in: session.signIn (+ mfa.recoveryCode.used) and
    // session.signOut at exit. The verify run sees its own sign-in but not yet its sign-out.
    expect(entries).toBeGreaterThanOrEqual(3);
    expect(entries).toBe(2 + 2 + 3 + 1);

    const again = await auditVerify(install, true);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ ok: true, entries: entries + 2 });
  });

  it.each([
    ['action', 'entry 2 was altered', { code: 'altered', entry: 2 }],
    ['details', 'entry 2 was altered', { code: 'altered', entry: 2 }],
    ['prev_hash', 'entry 2 does not follow entry 1', { code: 'notFollowing', entry: 2, previous: 1 }],
  ])('fails naming entry 2 when one byte of its %s is flipped', async (column, message, reason) => {
    const install = newInstall();
    await tamperAsInsider(install, (db) => {
      const before = (db.prepare(`SELECT ${column} AS value FROM audit_log WHERE seq = 2`).get() as { value: string }).value;
      const after = flipByte(before, 1);
      expect(Buffer.from(after).length).toBe(Buffer.from(before).length);
      expect(after).not.toBe(before);
      expect(db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = 2`).run(after).changes).toBe(1);
    });

    const verified = await auditVerify(install);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toBe(`broken at entry 2: ${message}\n`);
    const json = await auditVerify(install, true);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, brokenAt: 2, reason, message });
  });

  it('fails naming the missing entry when a middle row is deleted, and keeps failing', async () => {
    const install = newInstall();
    expect((await cli(['status', '--data', install.dataDir], await install.withCode())).code).toBe(0);
    await tamperAsInsider(install, (db) => {
      expect(lastSeq(db)).toBeGreaterThan(4);
      expect(db.prepare('DELETE FROM audit_log WHERE seq = 3').run().changes).toBe(1);
    });

    const verified = await auditVerify(install);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toBe('broken at entry 3: entry 3 is missing\n');

    // New entries after the gap do not hide it.
    const json = await auditVerify(install, true);
    expect(json.code).toBe(1);
    // For scripts the typed reason, for people the sentence.
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, brokenAt: 3, reason: { code: 'missing', entry: 3 }, message: 'entry 3 is missing', entries: 2 });
  });

  it('fails when the tail is cut, naming the head that vault.json recorded, and keeps failing', async () => {
    const install = newInstall();
    expect((await cli(['status', '--data', install.dataDir], await install.withCode())).code).toBe(0);
    const head = await tamperAsInsider(install, (db) => {
      const seq = lastSeq(db);
      expect(db.prepare('DELETE FROM audit_log WHERE seq > ?').run(seq - 3).changes).toBe(3);
      return seq;
    });
    // Left: entries 1 … head−3, then the insider's sign-out and the verify run's sign-in.
    const remaining = head - 3 + 2;

    const verified = await auditVerify(install);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toBe(
      `broken at entry ${remaining + 1}: the log ends at entry ${remaining}, but vault.json recorded ${head} entries: the tail was cut\n`,
    );
    expect(remaining + 1).toBe(head);

    // Once the log has grown past the cut, the recorded head no longer matches the entry at its place.
    const json = await auditVerify(install, true);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      brokenAt: head,
      reason: { code: 'headDiffers', entry: head },
      message: `entry ${head} differs from the head recorded in vault.json`,
      entries: remaining + 2,
    });
  });

  it('fails when only the last entry is cut: the entry written in its place differs from the recorded head', async () => {
    const install = newInstall();
    const head = await tamperAsInsider(install, (db) => {
      const seq = lastSeq(db);
      expect(db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq).changes).toBe(1);
      return seq;
    });

    const verified = await auditVerify(install, true);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(1);
    // Left: entries 1 … head−1, the insider's sign-out (now at head) and the verify run's sign-in.
    expect(JSON.parse(verified.stdout)).toEqual({
      ok: false,
      brokenAt: head,
      reason: { code: 'headDiffers', entry: head },
      message: `entry ${head} differs from the head recorded in vault.json`,
      entries: head + 1,
    });
  });
});
