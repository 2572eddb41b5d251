import { ENTITIES } from '../../../../shared/registry';
import { disabledFields } from '../../records/fields';
import { FOLDED_LETTERS } from '../../records/fold';
import { reindex, SEARCH_KINDS, sortKeyOf, type Row } from '../../records/rows';
import type { Migration } from '../migrate';
import { rewriteJournalSortKeys } from './journalSortKeys';

/** A GLOB pattern for text that holds one of the letters foldLetters spells otherwise. */
const HOLDS_LETTER = `*[${FOLDED_LETTERS}]*`;

/**
 * SQL: the column holds one of those letters. They are all outside ASCII, so the GLOB — slow, a
 * character class tried at every position — runs only for text that has more bytes than characters,
 * a few names in a hundred; the whole test then costs about what reading the column does.
 */
function holdsLetter(column: string): string {
  return `(octet_length(${column}) > length(${column}) AND ${column} GLOB ?)`;
}

/** Rows read at a time: better-sqlite3 cannot write while a query is still being iterated. */
const BATCH = 2_000;

/**
 * Letters without a separate accent — ø, ł, đ, ð, æ, œ, ß, þ, ı, ħ, ŧ and their capitals — are now
 * spelled in base Latin letters in the search index and in sort keys (records/fold.ts): "soren"
 * finds "Søren", and "Ødegaard" sorts with the O. This rewrites what an install wrote before:
 *
 * - the search entry of every record of a searched kind whose title or switched-on searchable
 *   fields hold such a letter, through reindex() with the fields in force (a switched-off field
 *   stays out of the index);
 * - the sort key of every record whose title holds one, live or in the trash — the import finds an
 *   organisation by its sort key, and a list would put "Ødegaard" after "Z";
 * - that sort key in the journal's copies of those rows, so undo and redo, which compare a record
 *   with the journal's copy, still find it unchanged.
 *
 * One scan of each record table and of the journal, tested in SQLite (holdsLetter); only the rows
 * that hold a letter come to JavaScript, and only they are written.
 */
export const searchLetters: Migration = {
  version: 13,
  name: 'search letters',
  up: (db) => {
    for (const def of Object.values(ENTITIES)) {
      const columns = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(def.table) as { name: string }[]).map((c) => c.name));
      if (!columns.has('sort_key')) continue;
      const indexed = SEARCH_KINDS[def.name] !== undefined;
      const off = disabledFields(db, def.name);
      // What searchableKeys(activeFields(…)) gives: custom fields are never searchable.
      const searchable = new Set(def.fields.filter((f) => f.searchable && !off.has(f.key)).map((f) => f.key));
      const read = [...new Set([...def.titleFields, ...(indexed ? searchable : [])])].filter((c) => columns.has(c));
      if (read.length === 0) continue;
      const select = db.prepare(`SELECT * FROM ${def.table} WHERE id > ? AND (${read.map(holdsLetter).join(' OR ')}) ORDER BY id LIMIT ${BATCH}`);
      const setSortKey = db.prepare(`UPDATE ${def.table} SET sort_key = ? WHERE id = ?`);
      let lastId = 0;
      for (;;) {
        const rows = select.all(lastId, ...read.map(() => HOLDS_LETTER)) as Row[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const id = row.id as number;
          const sortKey = sortKeyOf(def.name, row);
          if (sortKey !== row.sort_key) setSortKey.run(sortKey, id);
          if (indexed) reindex(db, def.name, id, row, searchable);
        }
        lastId = rows.at(-1)!.id as number;
      }
    }

    rewriteJournalSortKeys(db, `${holdsLetter('before')} OR ${holdsLetter('after')}`, [HOLDS_LETTER, HOLDS_LETTER]);
  },
};
