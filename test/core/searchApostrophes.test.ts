/**
 * A name with an apostrophe — D'Hondt, O’Brien, Dell'Acqua — is found as people type it: with the
 * apostrophe, with a space, or without it ("dhondt"). The index holds each such word also joined
 * (withJoinedElisions), and migration 17 writes an older install's entries so.
 */
import { describe, expect, it } from 'vitest';
import type { RecordView, SearchGroup } from '../../shared/recordTypes';
import { latestSchemaVersion, schemaVersion } from '../../electron/core/db/migrate';
import { withJoinedElisions } from '../../electron/core/records/fold';
import { searchRowid, titleOf, type Row } from '../../electron/core/records/rows';
import { ADMIN, signedInAdmin, signIn, signInAsNewUser, type Installed } from '../support/install';
import { value } from '../support/results';

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function titles(t: Installed, text: string): Promise<string[]> {
  return value<SearchGroup[]>(await t.call('search.query', { text })).flatMap((g) => g.hits.map((h) => h.title));
}

describe('words with an apostrophe', () => {
  it('are also written joined after the text, with each kind of apostrophe; other text stays as it is', () => {
    expect(withJoinedElisions("Renée D'Hondt")).toBe("Renée D'Hondt DHondt");
    expect(withJoinedElisions('Siobhán O’Brien-Dell’Acqua')).toBe('Siobhán O’Brien-Dell’Acqua OBrien DellAcqua');
    expect(withJoinedElisions('Jan Jansen')).toBe('Jan Jansen');
    // An apostrophe that joins no two words leaves nothing to join.
    expect(withJoinedElisions("'s-Hertogenbosch, rock 'n' roll")).toBe("'s-Hertogenbosch, rock 'n' roll");
  });

  it('find the record typed with, without or spaced, also for a caller who may not read every searched field', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { first_name: 'Renée', last_name: "D'Hondt", notes: 'Vaste klant' });
    await create(t, 'organisation', { name: 'O’Brien Installaties' });
    for (const typed of ['dhondt', "d'hondt", 'd hondt', 'renee dhon']) expect(await titles(t, typed), typed).toEqual(["Renée D'Hondt"]);
    expect(await titles(t, 'obrien')).toEqual(['O’Brien Installaties']);

    // Without the notes, a hit is kept only when what the caller reads matches: the name does.
    await signInAsNewUser(t, 'otto', 'office', { overrides: [{ right: 'field:contact.notes', effect: 'deny' }] });
    expect(await titles(t, 'dhondt')).toEqual(["Renée D'Hondt"]);
  });
});

describe('migration 17', () => {
  it('writes the entries an older install wrote with the joined words, and leaves the rest alone', async () => {
    const t = await signedInAdmin();
    const renee = await create(t, 'contact', { first_name: 'Renée', last_name: "D'Hondt" });
    await create(t, 'organisation', { name: 'Bakkerij Jansen', notes: 'Levert aan Dell’Acqua' });
    await create(t, 'contact', { first_name: 'Jan', last_name: 'Jansen' });
    const { db } = t.core.requireActive();
    // The entries as Kluis wrote them before: the words only split at the apostrophe.
    const row = db.prepare('SELECT * FROM contacts WHERE id = ?').get(renee.id) as Row;
    db.prepare('UPDATE search_index SET title = ? WHERE rowid = ?').run(titleOf('contact', row), searchRowid('contact', renee.id));
    db.prepare("UPDATE search_index SET body = 'Levert aan Dell’Acqua' WHERE body LIKE 'Levert%'").run();
    const before = db.prepare('SELECT rowid, title, body FROM search_index ORDER BY rowid').all();
    expect(await titles(t, 'dhondt')).toEqual([]);
    expect(await titles(t, 'dellacqua')).toEqual([]);
    db.pragma('user_version = 16');

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const reopened = t.core.requireActive().db;
    expect(schemaVersion(reopened)).toBe(latestSchemaVersion());
    expect(await titles(t, 'dhondt')).toEqual(["Renée D'Hondt"]);
    expect(await titles(t, 'dellacqua')).toEqual(['Bakkerij Jansen']);
    const after = reopened.prepare('SELECT rowid, title, body FROM search_index ORDER BY rowid').all() as { rowid: number }[];
    // Jan Jansen's entry, with no apostrophe, is as it was.
    const jan = (rows: unknown[]) => (rows as { rowid: number; title: string }[]).find((r) => r.title === 'Jan Jansen');
    expect(jan(after)).toEqual(jan(before));
    expect(after).toHaveLength(before.length);
  });
});
