/**
 * Letters without a separate accent — ø, ł, đ, ð, æ, œ, ß, þ, ı, ħ, ŧ — are spelled in base Latin
 * letters for search and sorting: "soren" finds "Søren", "Ødegaard" sorts with the O. The seed
 * writes its search rows that way too, and migration 13 rewrites what an older install wrote.
 */
import { describe, expect, it } from 'vitest';
import type { ListPage, RecordView, SearchGroup } from '../../shared/recordTypes';
import { ENTITIES, type EntityName } from '../../shared/registry';
import { latestSchemaVersion, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { Db } from '../../electron/core/db/open';
import { activeFields } from '../../electron/core/records/fields';
import { fold, FOLDED_LETTERS, foldLetters, withWrittenOut } from '../../electron/core/records/fold';
import { searchExpression } from '../../electron/core/records/queries';
import { readRow, reindex, SEARCH_KINDS, searchRowid, sortKeyOf, titleOf, type Row } from '../../electron/core/records/rows';
import { seedRecords } from '../../electron/core/records/seed';
import { slug } from '../../electron/core/records/seed/generate';
import { searchableKeys } from '../../electron/core/records/service';
import { ADMIN, signedInAdmin, signIn, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function search(t: Installed, text: string): Promise<SearchGroup[]> {
  return value(await t.call('search.query', { text }));
}

const titles = (groups: SearchGroup[]) => groups.flatMap((g) => g.hits.map((h) => h.title));

const HOLDS_LETTER = `*[${FOLDED_LETTERS}]*`;

/** Every search row, by rowid. */
function searchRows(db: Db): { rowid: number; title: string; body: string }[] {
  return db.prepare('SELECT rowid, title, body FROM search_index ORDER BY rowid').all() as { rowid: number; title: string; body: string }[];
}

/** The search rows reindex writes now for every live record of the searched kinds. */
function reindexedRows(db: Db): { rowid: number; title: string; body: string }[] {
  db.exec('SAVEPOINT reindexed');
  try {
    for (const entity of Object.keys(SEARCH_KINDS) as EntityName[]) {
      const searchable = searchableKeys(activeFields(db, entity));
      for (const row of db.prepare(`SELECT * FROM ${ENTITIES[entity].table}`).all() as Row[]) reindex(db, entity, row.id as number, row, searchable);
    }
    return searchRows(db);
  } finally {
    db.exec('ROLLBACK TO reindexed; RELEASE reindexed');
  }
}

describe('folding letters without a separate accent', () => {
  it('spells ø, ł, đ, ð, æ, œ, ß, þ, ı, ħ, ŧ and their capitals in base Latin letters', () => {
    expect(foldLetters('Søren Ångström')).toBe('Soren Ångström');
    expect(foldLetters('Łukasz Nowak, Đorđe, Ðóra, Æsa, Œuvre, Straße, GROẞ, Þór, Işık, Ħamrun, Ŧ ŧ, Ǿ ǽ ǣ')).toBe(
      'Lukasz Nowak, Dorde, Dóra, AEsa, OEuvre, Strasse, GROSS, THór, Işik, Hamrun, T t, O ae ae',
    );
    for (const letter of FOLDED_LETTERS) expect(letter.length, letter).toBe(1);
    const plain = 'Jan de Vries, Müller';
    expect(foldLetters(plain)).toBe(plain);

    expect(fold('Søren Ångström')).toBe('soren angstrom');
    expect(fold('ŁUKASZ')).toBe('lukasz');
    expect(fold('Ærø')).toBe('aero');
    expect(fold('Straße')).toBe(fold('STRASSE'));
    expect(fold('Ǿdegaard')).toBe('odegaard');
    expect(fold('Müller')).toBe('muller');
  });

  it('gives the same search words for "søren" and "soren", "straße" and "strasse"', () => {
    expect(searchExpression('søren')).toBe(searchExpression('soren'));
    expect(searchExpression('Straße')).toBe('"strasse"*');
    expect(searchExpression('Łukasz Nowak')).toBe('"lukasz"* AND "nowak"*');
    expect(searchExpression('ærø')).toBe('"aero"*');
  });

  it('leaves the seed its e-mail domains: slug() relies on fold', () => {
    expect(slug('Østergaard & Søn Bæ ß Łódź')).toBe('ostergaardsonbaesslodz');
  });
});

describe('search', () => {
  it('finds Søren by "soren" and "søren", Łukasz by "lukasz", Straße by "strasse", and shows the names as written', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { first_name: 'Søren', last_name: 'Ångström' });
    await create(t, 'contact', { first_name: 'Łukasz', last_name: 'Nowak', notes: 'Woont in Gdańsk' });
    const org = await create(t, 'organisation', { name: 'Café an der Straße' });
    await create(t, 'organisation', { name: 'Ærø Bryghus' });
    await create(t, 'deal', { title: 'Þórsmörk reis', organisation_id: org.id, stage: 'lead', value_cents: 100 });
    await create(t, 'contact', { first_name: 'Piet', last_name: 'Jansen', notes: 'Belt over Øresund' });

    for (const query of ['soren', 'søren', 'SØREN', 'Soren Angstrom', 'ångström']) expect(titles(await search(t, query)), query).toEqual(['Søren Ångström']);
    for (const query of ['lukasz', 'łukasz', 'Łuk']) expect(titles(await search(t, query)), query).toEqual(['Łukasz Nowak']);
    for (const query of ['strasse', 'straße', 'STRASSE']) expect(titles(await search(t, query)), query).toEqual(['Café an der Straße']);
    for (const query of ['aero', 'ærø', 'AERØ']) expect(titles(await search(t, query)), query).toEqual(['Ærø Bryghus']);
    expect(titles(await search(t, 'thorsmork'))).toEqual(['Þórsmörk reis']);
    // In the body (notes) as in the title.
    expect(titles(await search(t, 'oresund'))).toEqual(['Piet Jansen']);
    expect(titles(await search(t, 'gdansk'))).toEqual(['Łukasz Nowak']);
  });

  it('keeps the index as reindex writes it through edits, also one that only changes ø to o', async () => {
    const t = await signedInAdmin();
    const { db } = t.core.requireActive();
    const contact = await create(t, 'contact', { first_name: 'Soren', last_name: 'Berg' });
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { first_name: 'Søren' } }));
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { notes: 'Spreekt Dansk, woont op Ærø' } }));
    expect(titles(await search(t, 'soren'))).toEqual(['Søren Berg']);
    expect(titles(await search(t, 'aero'))).toEqual(['Søren Berg']);
    expect(searchRows(db)).toEqual(reindexedRows(db));
    expect(searchRows(db)).toEqual([{ rowid: searchRowid('contact', contact.id), title: 'Soren Berg', body: 'Spreekt Dansk, woont op AEro' }]);
  });
});

describe('sorting', () => {
  it('sorts Ødegaard with the O, and Łukasz with the L', async () => {
    const t = await signedInAdmin();
    for (const last_name of ['Pedersen', 'Ødegaard', 'Nielsen', 'Olsen', 'Łoś', 'Lange', 'Madsen']) await create(t, 'contact', { last_name });
    const page = value<ListPage>(await t.call('records.list', { entity: 'contact' }));
    expect(page.rows.map((r) => r.title)).toEqual(['Lange', 'Łoś', 'Madsen', 'Nielsen', 'Ødegaard', 'Olsen', 'Pedersen']);
    const { db } = t.core.requireActive();
    expect(db.prepare("SELECT sort_key FROM contacts WHERE last_name = 'Ødegaard'").pluck().get()).toBe('odegaard');
  });
});

describe('the seed', () => {
  it('writes the search rows of names with ø exactly as reindex does', async () => {
    const t = await signedInAdmin();
    seedRecords(t.core.requireActive(), { contacts: 2_000, seed: 1, now: new Date('2026-03-16T09:30:00Z') });
    const { db } = t.core.requireActive();
    const searchRow = db.prepare('SELECT title, body FROM search_index WHERE rowid = ?');
    let checked = 0;
    for (const entity of Object.keys(SEARCH_KINDS) as EntityName[]) {
      const searchable = searchableKeys(activeFields(db, entity));
      const columns = ENTITIES[entity].fields.filter((f) => f.searchable).map((f) => `${f.key} GLOB ?`);
      const holding = db.prepare(`SELECT * FROM ${ENTITIES[entity].table} WHERE ${columns.join(' OR ')} ORDER BY id`).all(...columns.map(() => HOLDS_LETTER)) as Row[];
      for (const row of holding) {
        const id = row.id as number;
        const seeded = searchRow.get(searchRowid(entity, id)) as { title: string; body: string };
        expect(`${seeded.title} ${seeded.body}`).not.toMatch(new RegExp(`[${FOLDED_LETTERS}]`));
        expect(row.sort_key).toBe(sortKeyOf(entity, row));
        reindex(db, entity, id, readRow(db, entity, id), searchable);
        expect(seeded, `${entity} ${id} ${titleOf(entity, row)}`).toEqual(searchRow.get(searchRowid(entity, id)));
        checked++;
      }
    }
    const sorensen = db.prepare("SELECT first_name FROM contacts WHERE last_name = 'Sørensen' LIMIT 1").pluck().get() as string | undefined;
    expect(sorensen).toBeDefined();
    expect(checked).toBeGreaterThan(0);
    const hits = (await search(t, `${fold(sorensen!)} sorensen`)).flatMap((g) => g.hits);
    expect(hits.some((h) => h.title === `${sorensen} Sørensen`)).toBe(true);
  });
});

describe('migration 13', () => {
  it('rewrites the search entries and sort keys an older install wrote, in the fields in force, and undo still works', async () => {
    const t = await signedInAdmin();
    const soren = await create(t, 'contact', { first_name: 'Søren', last_name: 'Ångström', email: 'sa@aero.dk', notes: 'Kent Łukasz' });
    const org = await create(t, 'organisation', { name: 'Ørsted Straße GmbH', notes: 'Partner van Søren' });
    await create(t, 'deal', { title: 'Windpark Ærø', organisation_id: org.id, stage: 'lead', value_cents: 100 });
    await create(t, 'activity', { kind: 'call', subject: 'Bellen met Łukasz', body: 'Over Þórshöfn', contact_id: soren.id });
    await create(t, 'contact', { first_name: 'Jan', last_name: 'Jansen' });
    const trashed = await create(t, 'contact', { first_name: 'Bjørn', last_name: 'Ødegaard' });
    value(await t.call('records.delete', { entity: 'contact', ids: [trashed.id] }));
    // A switched-off field is not searchable: activities' body goes off (and is purged)…
    const asked = await t.call('fields.setEnabled', { entity: 'activity', field: 'body', enabled: false });
    const count = (asked as unknown as { error: { details: { valueCount: number } } }).error.details.valueCount;
    value(await t.call('fields.setEnabled', { entity: 'activity', field: 'body', enabled: false, confirmValueCount: count }));
    // The last command, to undo after the migration: an edit of Søren.
    value(await t.call('records.update', { entity: 'contact', id: soren.id, values: { job_title: 'Inkoper' } }));
    const { db } = t.core.requireActive();
    // … and were a value left in it, the migration must not index it.
    db.prepare("UPDATE activities SET body = 'Over Þórshöfn'").run();

    // The install as Kluis wrote it before migration 13: search rows and sort keys as typed.
    const oldFold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();
    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      const { table, fields, titleFields } = ENTITIES[entity];
      const searchable = searchableKeys(activeFields(db, entity));
      for (const row of db.prepare(`SELECT * FROM ${table}`).all() as Row[]) {
        const id = row.id as number;
        const oldKey = entity === 'contact' ? oldFold(`${row.last_name ?? ''} ${row.first_name ?? ''}`) : oldFold(titleOf(entity, row));
        db.prepare(`UPDATE ${table} SET sort_key = ? WHERE id = ?`).run(oldKey, id);
        db.prepare("UPDATE command_changes SET before = json_set(before, '$.sort_key', ?) WHERE entity = ? AND record_id = ? AND before IS NOT NULL").run(oldKey, entity, id);
        db.prepare("UPDATE command_changes SET after = json_set(after, '$.sort_key', ?) WHERE entity = ? AND record_id = ? AND after IS NOT NULL").run(oldKey, entity, id);
        if (SEARCH_KINDS[entity] === undefined || row.deleted_at) continue;
        const body = fields
          .filter((f) => f.searchable && searchable.has(f.key) && !titleFields.includes(f.key))
          .map((f) => row[f.key])
          .filter((v) => typeof v === 'string' && v !== '')
          .join(' ');
        db.prepare('DELETE FROM search_index WHERE rowid = ?').run(searchRowid(entity, id));
        db.prepare('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)').run(searchRowid(entity, id), titleOf(entity, row), body);
      }
    }
    db.pragma('user_version = 12');
    expect(titles(await search(t, 'soren'))).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM search_index WHERE title GLOB ? OR body GLOB ?').pluck().get(HOLDS_LETTER, HOLDS_LETTER)).toBeGreaterThan(0);

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const reopened = t.core.requireActive().db;
    expect(schemaVersion(reopened)).toBe(latestSchemaVersion());
    expect(MIGRATIONS[12]).toMatchObject({ version: 13, name: 'search letters' });

    expect(reopened.prepare('SELECT count(*) FROM search_index WHERE title GLOB ? OR body GLOB ?').pluck().get(HOLDS_LETTER, HOLDS_LETTER)).toBe(0);
    expect(searchRows(reopened)).toEqual(reindexedRows(reopened));
    expect(titles(await search(t, 'soren'))).toEqual(['Søren Ångström', 'Ørsted Straße GmbH']);
    expect(titles(await search(t, 'lukasz'))).toEqual(['Bellen met Łukasz', 'Søren Ångström']);
    expect(titles(await search(t, 'strasse'))).toEqual(['Ørsted Straße GmbH']);
    expect(titles(await search(t, 'aero'))).toEqual(['Windpark Ærø', 'Søren Ångström']);
    expect(titles(await search(t, 'thorshofn'))).toEqual([]);
    expect(titles(await search(t, 'bjorn'))).toEqual([]);

    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      for (const row of reopened.prepare(`SELECT * FROM ${ENTITIES[entity].table}`).all() as Row[]) expect(row.sort_key, `${entity} ${row.id}`).toBe(sortKeyOf(entity, row));
    }
    expect(readRow(reopened, 'contact', trashed.id)?.sort_key).toBe('odegaard bjorn');
    // The journal's copies carry the new sort keys: undo finds Søren as the edit left him.
    value(await t.call('history.undo', {}));
    expect(readRow(reopened, 'contact', soren.id)).toMatchObject({ job_title: null, sort_key: 'angstrom soren' });
    value(await t.call('history.redo', {}));
    expect(readRow(reopened, 'contact', soren.id)).toMatchObject({ job_title: 'Inkoper', sort_key: 'angstrom soren' });
  });
});

describe('umlauts and å written out', () => {
  it('are also held as ae, oe, ue, aa, so "mueller" finds Müller and "odegaard" Ødegård', async () => {
    expect(withWrittenOut('Jürgen Müller, Ødegård')).toBe('Jürgen Müller, Ødegård Juergen Mueller Ødegaard');
    expect(withWrittenOut('Jan de Vries')).toBe('Jan de Vries');
    const t = await signedInAdmin();
    await create(t, 'contact', { first_name: 'Jürgen', last_name: 'Müller' });
    await create(t, 'contact', { first_name: 'Bjørn', last_name: 'Ødegård' });
    await create(t, 'organisation', { name: 'Bäckerei Schön' });
    for (const [query, found] of [
      ['mueller', 'Jürgen Müller'],
      ['muller', 'Jürgen Müller'],
      ['juergen muel', 'Jürgen Müller'],
      ['odegaard', 'Bjørn Ødegård'],
      ['odegard', 'Bjørn Ødegård'],
      ['baeckerei schoen', 'Bäckerei Schön'],
    ] as const) {
      expect(titles(await search(t, query)), query).toEqual([found]);
    }
    expect(searchRows(t.core.requireActive().db)).toEqual(reindexedRows(t.core.requireActive().db));
  });
});

describe('migration 23', () => {
  it('writes again the entries that hold ä, ö, ü or å, and leaves the others', async () => {
    const t = await signedInAdmin();
    const muller = await create(t, 'contact', { first_name: 'Jürgen', last_name: 'Müller' });
    await create(t, 'contact', { first_name: 'Jan', last_name: 'Jansen' });
    const { db } = t.core.requireActive();
    // The entry as Kluis wrote it before migration 23: the name only as written.
    db.prepare('UPDATE search_index SET title = ? WHERE rowid = ?').run('Jürgen Müller', searchRowid('contact', muller.id));
    db.pragma('user_version = 22');
    expect(titles(await search(t, 'mueller'))).toEqual([]);

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const reopened = t.core.requireActive().db;
    expect(schemaVersion(reopened)).toBe(latestSchemaVersion());
    expect(MIGRATIONS[22]).toMatchObject({ version: 23, name: 'search written out' });
    expect(titles(await search(t, 'mueller'))).toEqual(['Jürgen Müller']);
    expect(searchRows(reopened)).toEqual(reindexedRows(reopened));
  });
});
