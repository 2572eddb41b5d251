import type { Migration } from '../migrate';
import { reindexSearchWhere } from './reindexSearch';

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
  up: (db) => reindexSearchWhere(db, holdsApostrophe),
};
