import type { Migration } from '../migrate';
import { reindexSearchWhere } from './reindexSearch';

/** SQL: the column holds a digit next to a dash or slash: a number or code written in parts. */
function holdsNumberInParts(column: string): string {
  return `(${['*[0-9]-*', '*-[0-9]*', '*[0-9]/*', '*/[0-9]*'].map((pattern) => `${column} GLOB '${pattern}'`).join(' OR ')})`;
}

/**
 * A number or code written in parts ("2026-004137", "INV-2026-77") is now also in the search index
 * joined (withJoinedNumbers in records/fold.ts), so "2026004137" and "INV202677" find the invoice.
 * This writes again the search entry of every live record whose searched text holds a digit next to
 * a dash or slash, as migrations 013, 017 and 020 did; only those rows come to JavaScript.
 */
export const searchJoinedNumbers: Migration = {
  version: 22,
  name: 'search joined numbers',
  up: (db) => reindexSearchWhere(db, holdsNumberInParts),
};
