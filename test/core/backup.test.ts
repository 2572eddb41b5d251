/**
 * A backup (`install.backup`, the admin tool's `backup`): one consistent copy of the install that
 * opens with the same accounts and key, holds what the install held when it was made, passes the
 * checks, and is logged. It is refused to a window, to an account without the right, and into a
 * folder that is not empty or lies inside the data folder, and then writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerdict, BackupResult, ListPage, RecordView } from '../../shared/api';
import { sameKeys } from '../../electron/core/install/backup';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser, tempDir, testCore, totpAt } from '../support/install';
import { refusal, value } from '../support/results';
import { decryptedPages } from '../support/sqlcipherPages';

const contact = (last_name: string) => ({ entity: 'contact', values: { first_name: 'Femke', last_name } });

describe('install.backup', () => {
  it('makes an encrypted copy that opens with the same accounts, holds the records of its moment and checks out; the install logs it', async () => {
    const t = await signedInAdmin();
    value<RecordView>(await t.call('records.create', contact('Dijkstra')));
    const to = join(tempDir(), 'monday');

    const made = value<BackupResult>(await t.call('install.backup', { to }));
    expect(made).toEqual({ folder: to, pages: expect.any(Number), bytes: made.pages * 4096, auditEntries: expect.any(Number) });
    expect(made.auditEntries).toBeGreaterThan(2);
    expect(readdirSync(to).sort()).toEqual(['kluis.db', 'vault.json']);
    // Owner only, as the install's own files.
    expect(['kluis.db', 'vault.json'].map((name) => statSync(join(to, name)).mode & 0o777)).toEqual([0o600, 0o600]);
    // The vault of the copy's moment: the same keys, its audit head at the copy's last entry (the
    // install's own head has moved on by the entry that logs the backup).
    const vaultOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'vault.json'), 'utf8')) as { auditHead: { seq: number } };
    const { auditHead: copyHead, ...copyVault } = vaultOf(to);
    const { auditHead: installHead, ...installVault } = vaultOf(t.dataDir);
    expect(copyVault).toEqual(installVault);
    expect([copyHead.seq, installHead.seq]).toEqual([made.auditEntries, made.auditEntries + 1]);

    // As encrypted as the install, under the same key: no plain header or name in the file, the name in its decrypted pages.
    const file = readFileSync(join(to, 'kluis.db'));
    expect(file.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(file.includes('Dijkstra')).toBe(false);
    const key = Buffer.from(t.core.requireActive().open.dek);
    expect(decryptedPages(join(to, 'kluis.db'), key).some((page) => page.includes('Dijkstra'))).toBe(true);

    // The install goes on; the backup keeps its moment.
    value<RecordView>(await t.call('records.create', contact('Later')));
    const log = value<AuditEntry[]>(await t.call('audit.list', { limit: 5 }));
    expect(log.find((entry) => entry.action === 'install.backup')).toMatchObject({ actor: t.core.requireActive().user.id, details: { pages: made.pages } });

    // Opened where it lies, by the same admin with a code of their authenticator.
    const copy = testCore({ dataDir: to });
    copy.clock.advance(600);
    await signIn(copy, ADMIN.adminUsername, ADMIN.password, totpAt(t.totpSecret, copy.clock));
    const names = value<ListPage>(await copy.call('records.list', { entity: 'contact', limit: 10 })).rows.map((row) => row.title);
    expect(names).toEqual(['Femke Dijkstra']);
    expect(value<AuditVerdict>(await copy.call('audit.verify', {}))).toEqual({ ok: true, entries: made.auditEntries + 1 });
    expect(value<{ ok: boolean }>(await copy.call('install.check', {})).ok).toBe(true);
  });

  it('is refused to a window, to an account without the right, and into a folder that is not empty or inside the data folder, writing nothing', async () => {
    const t = await signedInAdmin();
    const root = tempDir();

    const fromWindow = join(root, 'from-window');
    const window = await t.dispatcher.dispatch('install.backup', { to: fromWindow }, { kind: 'bridge', origin: 'app://kluis' });
    expect(refusal(window)).toMatchObject({ code: 'FORBIDDEN', message: 'Only the admin tool (npm run admin) may do this.' });
    expect(existsSync(fromWindow)).toBe(false);

    const full = join(root, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'notes.txt'), 'mine');
    expect(refusal(await t.call('install.backup', { to: full }))).toMatchObject({ code: 'VALIDATION', message: `${full} is not empty. Give a new or empty folder for the backup; nothing was written.` });
    expect(readdirSync(full)).toEqual(['notes.txt']);

    const deeper = join(root, 'no-such-folder', 'backup');
    expect(refusal(await t.call('install.backup', { to: deeper })).message).toBe(
      `The folder ${deeper} cannot be created: check that the folder it goes in exists and that you may write there. Nothing was written.`,
    );
    expect(existsSync(join(root, 'no-such-folder'))).toBe(false);

    const inside = join(t.dataDir, 'backups');
    expect(refusal(await t.call('install.backup', { to: inside })).message).toMatch(/is the data folder or inside it/);
    expect(existsSync(inside)).toBe(false);
    expect(refusal(await t.call('install.backup', { to: t.dataDir })).code).toBe('VALIDATION');
    // Also when the way there goes through a link to the data folder.
    const link = join(root, 'link-to-data');
    symlinkSync(t.dataDir, link);
    expect(refusal(await t.call('install.backup', { to: join(link, 'backups') })).message).toMatch(/is the data folder or inside it/);
    expect(existsSync(join(t.dataDir, 'backups'))).toBe(false);

    // A path longer than SQLite opens files at is said to be too long, not a permissions problem.
    const long = join(root, 'a'.repeat(200), 'b'.repeat(200), 'c'.repeat(120));
    mkdirSync(join(root, 'a'.repeat(200), 'b'.repeat(200)), { recursive: true });
    expect(refusal(await t.call('install.backup', { to: long }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^The path .* is too long for Kluis to keep its database there: choose a folder whose path is at most 487 characters\. Nothing was written\.$/) as unknown,
    });
    expect(existsSync(long)).toBe(false);

    await signInAsNewUser(t, 'jan.office', 'office');
    const noRight = join(root, 'office');
    expect(refusal(await t.call('install.backup', { to: noRight })).code).toBe('FORBIDDEN');
    expect(existsSync(noRight)).toBe(false);
  });

  it('is not kept when it cannot be logged (another process holds the write lock): its files go, and the folder it made', { timeout: 30_000 }, async () => {
    const t = await signedInAdmin();
    const other = testCore({ dataDir: t.dataDir, clock: t.clock });
    t.clock.advance(30);
    await signIn(other, ADMIN.adminUsername, ADMIN.password, totpAt(t.totpSecret, t.clock));
    const root = tempDir();
    const made = join(root, 'new');
    const given = join(root, 'empty');
    mkdirSync(given);

    const { db } = other.core.requireActive();
    db.prepare('BEGIN IMMEDIATE').run();
    try {
      expect(refusal(await t.call('install.backup', { to: made }))).toMatchObject({ code: 'CONFLICT', messageId: 'common.busy' });
      expect(refusal(await t.call('install.backup', { to: given }))).toMatchObject({ code: 'CONFLICT', messageId: 'common.busy' });
    } finally {
      db.prepare('COMMIT').run();
    }
    expect(existsSync(made)).toBe(false);
    expect(readdirSync(given)).toEqual([]);
    // Once the lock is free, the same backup goes through.
    expect(value<BackupResult>(await t.call('install.backup', { to: made })).folder).toBe(made);
  });

  it('makes the copy again only when the keys in vault.json changed during it, not when the app only logged more', () => {
    const vault = (auditSeq: number, slots: string[]) => Buffer.from(JSON.stringify({ format: 1, installId: 'x', slots, auditHead: { seq: auditSeq, hash: 'a'.repeat(64) } }));
    expect(sameKeys(vault(7, ['anna']), vault(7, ['anna']))).toBe(true);
    expect(sameKeys(vault(7, ['anna']), vault(9, ['anna']))).toBe(true);
    expect(sameKeys(vault(7, ['anna']), vault(7, ['anna', 'jan']))).toBe(false);
    expect(sameKeys(vault(7, ['anna']), Buffer.from('{ half a file'))).toBe(false);
  });
});
