/**
 * Checking the audit chain through the wall (`audit.verify`, DESIGN §8): where it breaks, and why
 * as a code with the entry numbers it needs (AuditBreak), so the app and the CLI each word it.
 * Each break is made by writing straight into `audit_log`, then put back, on one real install.
 */
import { describe, expect, it } from 'vitest';
import type { AuditVerdict } from '../../shared/apiTypes';
import { audit } from '../../electron/core/session/openInstall';
import { signedInAdmin } from '../support/install';

type Row = Record<string, unknown>;

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

describe('audit.verify', () => {
  it('names the first entry that does not hold and why, as a code with its numbers', async () => {
    const t = await signedInAdmin();
    const { db, open } = t.core.requireActive();
    const verify = async () => value<AuditVerdict>(await t.call('audit.verify'));
    const rowAt = (seq: number) => db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Row;
    const putBack = (rows: Row[]) => {
      for (const row of rows) {
        db.prepare('DELETE FROM audit_log WHERE seq = ?').run(row.seq);
        db.prepare('INSERT INTO audit_log (seq, at, actor, action, target, details, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @target, @details, @prev_hash, @hash)').run(row);
      }
    };

    const intact = await verify();
    expect(intact.ok).toBe(true);
    const head = intact.entries;
    expect(head).toBeGreaterThanOrEqual(3);
    const second = rowAt(2);

    db.prepare("UPDATE audit_log SET action = 'records.deleted' WHERE seq = 2").run();
    expect(await verify()).toEqual({ ok: false, entries: 1, brokenAt: 2, reason: { code: 'altered', entry: 2 } });
    putBack([second]);

    db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = 2').run('0'.repeat(64));
    expect(await verify()).toEqual({ ok: false, entries: 1, brokenAt: 2, reason: { code: 'notFollowing', entry: 2, previous: 1 } });
    putBack([second]);

    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(await verify()).toEqual({ ok: false, entries: 1, brokenAt: 2, reason: { code: 'missing', entry: 2 } });
    putBack([second]);
    expect(await verify()).toEqual({ ok: true, entries: head });

    // vault.json recorded the head: a cut tail is caught, and so is an entry written in its place.
    const tail = [rowAt(head - 1), rowAt(head)];
    db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(head - 1);
    expect(await verify()).toEqual({ ok: false, entries: head - 2, brokenAt: head - 1, reason: { code: 'tailCut', last: head - 2, recorded: head } });
    putBack(tail);
    expect(await verify()).toEqual({ ok: true, entries: head });

    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(head);
    db.transaction(() => audit(open, { actor: null, action: 'trash.emptied', details: { removed: 0, kept: 0, commandsPruned: 0 } }))();
    expect(await verify()).toEqual({ ok: false, entries: head, brokenAt: head, reason: { code: 'headDiffers', entry: head } });
  });
});
