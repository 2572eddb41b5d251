import type { Migration } from '../migrate';

/**
 * What a link shows of the record it points to — its title, and the owner and team that decide
 * whether the reader may see it — gets a small index of its own for every kind a link can point to
 * (records/rows.ts readLinkedRow). A list of 50 contacts names 50 organisations: read from their
 * rows that is 50 pages, each decrypted; from this index, about a hundred names share a page that stays
 * in the cache. It holds deleted_at too, so a link to a record in the trash shows nothing without
 * reading the row.
 */
export const linkTitleIndexes: Migration = {
  version: 8,
  name: 'link title indexes',
  up: (db) => {
    db.exec(`
      CREATE INDEX contacts_titles ON contacts (id, first_name, last_name, owner_id, team_id, deleted_at);
      CREATE INDEX organisations_titles ON organisations (id, name, owner_id, team_id, deleted_at);
      CREATE INDEX deals_titles ON deals (id, title, owner_id, team_id, deleted_at);
    `);
  },
};
