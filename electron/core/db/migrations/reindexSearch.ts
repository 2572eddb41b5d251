import { ENTITIES } from '../../../../shared/registry';
import { customFields, disabledFields } from '../../records/fields';
import { reindex, SEARCH_KINDS, type Row } from '../../records/rows';
import type { Db } from '../open';

/** Rows read at a time: better-sqlite3 cannot write while a query is still being iterated. */
const BATCH = 2_000;

/**
 * Writes again, through reindex() with the fields in force, the search entry of every live record of
 * a searched kind whose title or switched-on searchable fields hold what `holds` tests for in SQL
 * (it gets a column name): for a migration that changes how the index spells some text. Trashed
 * records have no entry and get none. One scan of each searched table; only the rows that hold it
 * come to JavaScript.
 */
export function reindexSearchWhere(db: Db, holds: (column: string) => string): void {
  for (const def of Object.values(ENTITIES)) {
    if (SEARCH_KINDS[def.name] === undefined) continue;
    const columns = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(def.table) as { name: string }[]).map((c) => c.name));
    const off = disabledFields(db, def.name);
    // What searchableKeys(activeFields(…)) gives, custom fields marked searchable (migration 021) included.
    const custom = customFields(db, def.name).filter((f) => f.searchable === true && !off.has(f.key));
    const searchable = new Set([...def.fields.filter((f) => f.searchable && !off.has(f.key)), ...custom].map((f) => f.key));
    const read = [...new Set([...def.titleFields, ...searchable])].filter((c) => columns.has(c));
    // Custom values are in one JSON column: a row whose JSON holds it is written again, searched field or not.
    if (custom.length > 0 && columns.has('custom')) read.push('custom');
    if (read.length === 0) continue;
    const select = db.prepare(`SELECT * FROM ${def.table} WHERE id > ? AND deleted_at IS NULL AND (${read.map(holds).join(' OR ')}) ORDER BY id LIMIT ${BATCH}`);
    let lastId = 0;
    for (;;) {
      const rows = select.all(lastId) as Row[];
      if (rows.length === 0) break;
      for (const row of rows) reindex(db, def.name, row.id as number, row, searchable);
      lastId = rows.at(-1)!.id as number;
    }
  }
}
