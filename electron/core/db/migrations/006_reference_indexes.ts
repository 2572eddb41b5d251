import type { Migration } from '../migrate';

/**
 * Every link between records gets an index led by it: a record's detail page counts and lists what
 * points at it, and the trash and erasure look those up too. Invoices by contact was the one missing
 * (a full scan of the invoices on every contact's page; a test now checks every link).
 */
export const referenceIndexes: Migration = {
  version: 6,
  name: 'reference indexes',
  up: (db) => {
    db.exec('CREATE INDEX invoices_by_contact ON invoices (contact_id)');
  },
};
