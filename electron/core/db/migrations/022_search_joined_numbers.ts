import type { Migration } from '../migrate';
import { reindexSearchWhere } from './reindexSearch';

/** SQL: the column holds a digit, a dash or slash, and a digit: a number written in parts. */
function holdsNumberInParts(column: string): string {
  return `(${column} GLOB '*[0-9]-[0-9]*' OR ${column} GLOB '*[0-9]/[0-9]*')`;
}

/**
 * A number written in parts ("2026-004137") is now also in the search index as its digits
 * (withJoinedNumbers in records/fold.ts), so "2026004137" finds the invoice. This writes again the
 * search entry of every live record whose searched text holds such a number, as migrations 013, 017
 * and 020 did; only those rows come to JavaScript.
 */
export const searchJoinedNumbers: Migration = {
  version: 22,
  name: 'search joined numbers',
  up: (db) => reindexSearchWhere(db, holdsNumberInParts),
};
