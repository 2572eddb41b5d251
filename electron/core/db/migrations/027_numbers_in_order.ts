import { ENTITIES } from '../../../../shared/registry';
import { sortKeyOf, type Row } from '../../records/rows';
import type { Migration } from '../migrate';
import { rewriteJournalSortKeys } from './journalSortKeys';

/** Rows read at a time: better-sqlite3 cannot write while a query is still being iterated. */
const BATCH = 2_000;
/** A sort key with a digit: only those change (numbersInOrder leaves the rest as they are). */
const HOLDS_DIGIT = '*[0-9]*';

/**
 * Lists sort numbers as numbers ("Bakkerij 2" before "Bakkerij 10", F-9 before F-10): a sort key
 * writes every number with its length in front (records/rows.ts, numbersInOrder). This rewrites the
 * sort keys an install wrote before, of every record whose key holds a digit, live or in the trash
 * (the import finds a record by its key), and those keys in the journal's copies of rows, so undo and
 * redo, which compare a record with the journal's copy, still find it unchanged.
 */
export const numbersInOrder: Migration = {
  version: 27,
  name: 'numbers in order',
  up: (db) => {
    for (const def of Object.values(ENTITIES)) {
      const columns = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(def.table) as string[]);
      if (!columns.has('sort_key')) continue;
      const select = db.prepare(`SELECT * FROM ${def.table} WHERE id > ? AND sort_key GLOB ? ORDER BY id LIMIT ${BATCH}`);
      const setSortKey = db.prepare(`UPDATE ${def.table} SET sort_key = ? WHERE id = ?`);
      for (let lastId = 0; ; ) {
        const rows = select.all(lastId, HOLDS_DIGIT) as Row[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const sortKey = sortKeyOf(def.name, row);
          if (sortKey !== row.sort_key) setSortKey.run(sortKey, row.id);
        }
        lastId = rows.at(-1)!.id as number;
      }
    }

    rewriteJournalSortKeys(db, "json_extract(before, '$.sort_key') GLOB ? OR json_extract(after, '$.sort_key') GLOB ?", [HOLDS_DIGIT, HOLDS_DIGIT]);
  },
};
