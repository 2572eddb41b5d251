import type { Migration } from '../migrate';

/**
 * The day a person objected to direct marketing (GDPR art. 21(2)-(3)), a contact field like any
 * other (shared/registry). Empty for everyone an install already holds: Kluis had no place for it.
 */
export const marketingObjection: Migration = {
  version: 25,
  name: 'marketing objection',
  up: (db) => {
    // Only where it is missing: a test that winds an install's version back runs this once more.
    const columns = db.prepare("SELECT name FROM pragma_table_info('contacts')").pluck().all() as string[];
    if (!columns.includes('marketing_objection_on')) db.exec('ALTER TABLE contacts ADD COLUMN marketing_objection_on TEXT');
  },
};
