import { ENTITIES } from '../../../../shared/registry';
import { disabledFields } from '../../records/fields';
import { reindex, SEARCH_KINDS, type Row } from '../../records/rows';
import type { Migration } from '../migrate';

/** Rows read at a time: better-sqlite3 cannot write while a query is still being iterated. */
const BATCH = 2_000;

/** SQL: the column holds eight digits or more, anywhere (a phone number as withPhoneDigits reads one needs nine). */
function holdsDigits(column: string): string {
  return `${column} GLOB '*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*'`;
}

/**
 * Phone numbers are searchable now: a contact's and an organisation's Phone field is in the search
 * index, and every phone number in a searched text is also held as its digits (withPhoneDigits in
 * records/fold.ts), so "0612345678" finds "+31 6 1234 5678". This writes again the search entry of
 * every record of a searched kind whose title or switched-on searchable fields (Phone among them now)
 * hold eight digits or more, through reindex() with the fields in force, as migrations 013 and 017
 * did. Trashed records have no entry and get none. One scan of each searched table; only rows with
 * such digits come to JavaScript.
 */
export const searchPhones: Migration = {
  version: 20,
  name: 'search phones',
  up: (db) => {
    for (const def of Object.values(ENTITIES)) {
      if (SEARCH_KINDS[def.name] === undefined) continue;
      const columns = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(def.table) as { name: string }[]).map((c) => c.name));
      const off = disabledFields(db, def.name);
      // What searchableKeys(activeFields(…)) gives: custom fields are never searchable.
      const searchable = new Set(def.fields.filter((f) => f.searchable && !off.has(f.key)).map((f) => f.key));
      const read = [...new Set([...def.titleFields, ...searchable])].filter((c) => columns.has(c));
      if (read.length === 0) continue;
      const select = db.prepare(`SELECT * FROM ${def.table} WHERE id > ? AND deleted_at IS NULL AND (${read.map(holdsDigits).join(' OR ')}) ORDER BY id LIMIT ${BATCH}`);
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
