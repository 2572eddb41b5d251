import type { Migration } from '../migrate';
import { reindexSearchWhere } from './reindexSearch';

/** SQL: the column holds ä, ö, ü or å (GLOB reads UTF-8 characters). */
function holdsWrittenOutLetter(column: string): string {
  return `${column} GLOB '*[äöüåÄÖÜÅ]*'`;
}

/**
 * A word with ä, ö, ü or å is now also in the search index written out (withWrittenOut in
 * records/fold.ts), so "mueller" finds Müller and "odegaard" Ødegård. This writes again the search
 * entry of every live record whose searched text holds such a letter, as migrations 013, 017, 020
 * and 022 did; only those rows come to JavaScript.
 */
export const searchWrittenOut: Migration = {
  version: 23,
  name: 'search written out',
  up: (db) => reindexSearchWhere(db, holdsWrittenOutLetter),
};
