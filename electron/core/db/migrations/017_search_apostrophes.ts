import { ENTITIES } from '../../../../shared/registry';
import { disabledFields } from '../../records/fields';
import { reindex, SEARCH_KINDS, type Row } from '../../records/rows';
import type { Migration } from '../migrate';

/** Rows read at a time: better-sqlite3 cannot write while a query is still being iterated. */
const BATCH = 2_000;

/** SQL: the column holds an apostrophe, typewriter, typographic or the modifier letter (records/fold.ts). */
function holdsApostrophe(column: string): string {
  return `(instr(${column}, '''') > 0 OR instr(${column}, '\u2019') > 0 OR instr(${column}, '\u02bc') > 0)`;
}

/**
 * A word with an apostrophe is now also in the search index without it (withJoinedElisions in
 * records/fold.ts): "dhondt" finds D'Hondt. This writes again the search entry of every record of a
 * searched kind whose title or switched-on searchable fields hold an apostrophe, through reindex()
 * with the fields in force, as migration 013 did for ø and ß. Trashed records have no entry and
 * get none (reindex takes a deleted row out). One scan of each searched table; only rows with an
 * apostrophe come to JavaScript.
 */
export const searchApostrophes: Migration = {
  version: 17,
  name: 'search apostrophes',
  up: (db) => {
    for (const def of Object.values(ENTITIES)) {
      if (SEARCH_KINDS[def.name] === undefined) continue;
      const columns = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(def.table) as { name: string }[]).map((c) => c.name));
      const off = disabledFields(db, def.name);
      // What searchableKeys(activeFields(…)) gives: custom fields are never searchable.
      const searchable = new Set(def.fields.filter((f) => f.searchable && !off.has(f.key)).map((f) => f.key));
      const read = [...new Set([...def.titleFields, ...searchable])].filter((c) => columns.has(c));
      if (read.length === 0) continue;
      const select = db.prepare(`SELECT * FROM ${def.table} WHERE id > ? AND deleted_at IS NULL AND (${read.map(holdsApostrophe).join(' OR ')}) ORDER BY id LIMIT ${BATCH}`);
      let lastId = 0;
      for (;;) {
        const rows = select.all(lastId) as Row[];
        if (rows.length === 0) break;
        for (const row of rows) reindex(db, def.name, row.id as number, row, searchable);
        lastId = rows.at(-1)!.id as number;
      }
    }
  },
};
