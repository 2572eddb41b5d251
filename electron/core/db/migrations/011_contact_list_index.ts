import type { Migration } from '../migrate';

/**
 * The contact list answered from its index. A list row carries only the list's columns (ListPage),
 * so the index a list page walks can hold them all: title fields, the listed fields (organisation,
 * job title, e-mail), custom fields, owner and team for the scope. A page of 50 contacts then reads
 * a few index pages instead of fifty rows from fifty places — each a page decrypted and its HMAC
 * checked when it is not in the cache (docs/performance.md). Unlike the index it replaces (migration
 * 007) it is not partial: a list tests `deleted_at IS NULL` on the entry (contacts in the trash are
 * few), and SQLite, which takes a partial index for a smaller one, keeps counting contacts from the
 * narrower contacts_titles. Contacts only: theirs is the list with rows in the millions.
 */
export const contactListIndex: Migration = {
  version: 11,
  name: 'contact list index',
  up: (db) => {
    db.exec(`
      DROP INDEX contacts_by_name;
      CREATE INDEX contacts_by_name ON contacts (
        sort_key, id, owner_id, team_id, first_name, last_name, organisation_id, job_title, email, custom, deleted_at
      );
    `);
  },
};
