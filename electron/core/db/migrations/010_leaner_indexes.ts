import type { Migration } from '../migrate';

/**
 * Indexes that serve their queries and no more; every record written pays for each index, and a
 * million-contact seed spent seconds sorting these two (docs/performance.md).
 *
 * - Contacts by team (team_id, sort_key, id) served no query: a team scope is "owner or team",
 *   which a list answers from contacts_by_name (it carries owner and team, migration 007) and a count
 *   from the covering contacts_titles.
 * - Open activities by owner hold only the open ones (done = 0), the tasks a person still has to
 *   do: most activities are done (history), so the index is a fraction of its size. The list of
 *   one's done activities walks activities_by_due, which carries the owner.
 */
export const leanerIndexes: Migration = {
  version: 10,
  name: 'leaner indexes',
  up: (db) => {
    db.exec(`
      DROP INDEX IF EXISTS contacts_by_team;
      DROP INDEX activities_open;
      CREATE INDEX activities_open ON activities (owner_id, coalesce(due_at, '9999-12-31'), id) WHERE deleted_at IS NULL AND done = 0;
    `);
  },
};
