import type { Migration } from '../migrate';

/**
 * Search entries waiting to be taken out of the index (records/searchCleanup.ts). Taking an entry
 * out with FTS5's secure-delete costs about a millisecond, so a bulk removal whose values the
 * journal keeps anyway — moving to the trash, undoing an import — notes the entries here in its
 * own transaction and the cleanup removes them in short batches after it, with other calls let in
 * between. A deletion for good or an erasure still removes its entries at once.
 */
export const searchRemovals: Migration = {
  version: 16,
  name: 'search removals',
  up: (db) => {
    db.exec('CREATE TABLE IF NOT EXISTS search_removals (rowid INTEGER PRIMARY KEY) STRICT');
  },
};
