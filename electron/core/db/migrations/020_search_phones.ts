import type { Migration } from '../migrate';
import { reindexSearchWhere } from './reindexSearch';

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
  up: (db) => reindexSearchWhere(db, holdsDigits),
};
