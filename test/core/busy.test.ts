/**
 * Two processes on one install (the app and the admin tool, two windows): while one holds the
 * write lock longer than SQLite waits, the other's change is refused as "busy, try again", not as
 * an internal fault, and nothing is lost: the same change goes through once the lock is let go.
 */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/core/log';
import { ADMIN, firstSignIn, signIn, signedInAdmin, testCore, totpAt } from '../support/install';
import { refusal, value } from '../support/results';

describe('a change while another process holds the write lock', () => {
  it('is refused as busy, with nothing changed, and goes through once the lock is free', { timeout: 30_000 }, async () => {
    const first = await signedInAdmin();
    const second = testCore({ dataDir: first.dataDir, clock: first.clock });
    first.clock.advance(30);
    await signIn(second, ADMIN.adminUsername, ADMIN.password, totpAt(first.totpSecret, first.clock));

    // The first holds a write transaction open, as a long seed or import batch would.
    const { db } = first.core.requireActive();
    db.prepare('BEGIN IMMEDIATE').run();
    try {
      const busy = refusal(await second.call('records.create', { entity: 'contact', values: { last_name: 'Wachter' } }));
      expect(busy).toMatchObject({ code: 'CONFLICT', messageId: 'common.busy' });
      expect(busy.message).toContain('try again in a moment');
    } finally {
      db.prepare('COMMIT').run();
    }
    value(await second.call('records.create', { entity: 'contact', values: { last_name: 'Wachter' } }));
    expect(second.core.requireActive().db.prepare("SELECT count(*) FROM contacts WHERE last_name = 'Wachter'").pluck().get()).toBe(1);
  });
});

/** The admin signed in twice on one install, as in two processes; the second notes what it logs. */
async function twoInstances() {
  const first = await signedInAdmin();
  const noted: Array<{ event: string; fields: unknown }> = [];
  const logger: Logger = { error: (event, fields) => noted.push({ event, fields }) };
  const second = testCore({ dataDir: first.dataDir, clock: first.clock, logger });
  first.clock.advance(30);
  await signIn(second, ADMIN.adminUsername, ADMIN.password, totpAt(first.totpSecret, first.clock));
  return { first, second, noted };
}

describe('leaving while another process holds the write lock', () => {
  it('still locks and signs out, closing the database and zeroing the keys; the gap in the log is noted', { timeout: 40_000 }, async () => {
    const { first, second, noted } = await twoInstances();
    const { db } = first.core.requireActive();
    const whileHeld = async (work: () => Promise<void>) => {
      db.prepare('BEGIN IMMEDIATE').run();
      try {
        await work();
      } finally {
        db.prepare('COMMIT').run();
      }
    };

    await whileHeld(async () => {
      const secondDb = second.core.requireActive().db;
      await second.core.lock('manual');
      expect(second.core.state()).toMatchObject({ phase: 'locked', reason: 'manual' });
      expect(secondDb.open).toBe(false);
      expect(second.secrets.buffers).toHaveLength(0);
    });
    await second.core.unlock(ADMIN.password, undefined);
    const entries = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    await whileHeld(async () => {
      await second.core.signOut();
      expect(second.core.state()).toMatchObject({ phase: 'signedOut' });
      expect(second.secrets.buffers).toHaveLength(0);
    });

    expect(noted).toEqual([
      { event: 'audit.leavingNotWritten', fields: { action: 'session.lock' } },
      { event: 'audit.leavingNotWritten', fields: { action: 'session.signOut' } },
    ]);
    // Nothing half-written: the log holds what it held, and still verifies.
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(entries);
    expect(value(await first.call('audit.verify'))).toMatchObject({ ok: true });
  });
});

describe('opening while another process writes without the write-ahead log (a seed, alone on the install)', () => {
  it('is refused as busy, not as a damaged file, and opens once the writer is done', { timeout: 40_000 }, async () => {
    const first = await signedInAdmin();
    const { db } = first.core.requireActive();
    // What the seed does when no one else has the install open: a rollback journal, and its lock.
    db.pragma('journal_mode = DELETE');
    db.prepare('BEGIN EXCLUSIVE').run();
    const second = testCore({ dataDir: first.dataDir, clock: first.clock });
    first.clock.advance(30);
    try {
      const attempt = await second.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
      const refused = attempt.ok ? refusal(await second.call('session.verifyCode', { code: totpAt(first.totpSecret, first.clock) })) : attempt.error;
      expect(refused).toMatchObject({ code: 'CONFLICT', messageId: 'common.busy' });
      expect(refused.message).not.toMatch(/damaged|backup/i);
    } finally {
      db.prepare('COMMIT').run();
      db.pragma('journal_mode = WAL');
    }
    first.clock.advance(30);
    await signIn(second, ADMIN.adminUsername, ADMIN.password, totpAt(first.totpSecret, first.clock));
    expect(second.core.requireActive().db.open).toBe(true);
  });
});

describe('a refused call while another process holds the write lock', () => {
  it('is answered as refused, as always; the audit entry it could not write is noted locally', { timeout: 40_000 }, async () => {
    const { first, second, noted } = await twoInstances();
    const { oneTimePassword } = value<{ oneTimePassword: string }>(await second.call('users.create', { username: 'rita', displayName: 'Rita', role: 'readonly' }));
    await second.call('session.signOut');
    await firstSignIn(second, 'rita', oneTimePassword, 'rita-leest-alles-maar-wijzigt-niets');

    const { db } = first.core.requireActive();
    db.prepare('BEGIN IMMEDIATE').run();
    try {
      const refused = refusal(await second.call('records.create', { entity: 'contact', values: { last_name: 'Wachter' } }));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', messageId: 'session.mayNotCreate' });
    } finally {
      db.prepare('COMMIT').run();
    }
    expect(noted).toEqual([{ event: 'audit.deniedNotWritten', fields: expect.objectContaining({ channel: 'records.create' }) }]);
    // With the lock free, a refusal is in the log again.
    refusal(await second.call('records.create', { entity: 'contact', values: { last_name: 'Wachter' } }));
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.denied'").pluck().get()).toBe(1);
  });
});

