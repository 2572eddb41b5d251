import type { Migration } from '../migrate';

/**
 * Restriction of processing (GDPR art. 18): the day a person's processing was restricted and on
 * which of the four grounds, set and lifted by the privacy officer's action only
 * (records/restriction.ts). Empty for everyone an install already holds: nobody was restricted.
 */
export const processingRestriction: Migration = {
  version: 24,
  name: 'processing restriction',
  up: (db) => {
    // Only where it is missing: a test that winds an install's version back runs this once more.
    const columns = db.prepare("SELECT name FROM pragma_table_info('contacts')").pluck().all() as string[];
    if (!columns.includes('restricted_since')) db.exec('ALTER TABLE contacts ADD COLUMN restricted_since TEXT');
    if (!columns.includes('restriction_ground')) db.exec('ALTER TABLE contacts ADD COLUMN restriction_ground TEXT');
  },
};
