import type { Migration } from '../migrate';

/**
 * The highest id each kind of record has had (records/rows.ts issueRecordId). Without it SQLite
 * gives a new record max(id) + 1, so after the newest record is purged or erased the next one would
 * take its id, and `contact:5` in the audit log would name two people over time. Starts empty: the
 * highest id in each table counts too, so an existing install goes on from there.
 */
export const recordIds: Migration = {
  version: 9,
  name: 'record ids',
  up: (db) => {
    db.exec('CREATE TABLE record_ids (entity TEXT PRIMARY KEY, last_id INTEGER NOT NULL) WITHOUT ROWID');
  },
};
