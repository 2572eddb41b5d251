import type { Migration } from '../migrate';

/**
 * The day an invoice went out (`issued_on`), set by the core when an invoice is created as sent or a
 * draft is sent: the fiscal hold of 7 years counts from it too (history/legalHold.ts), so a draft
 * sent years after its due day is held from the day it was sent. Invoices an install already holds
 * keep it empty: the day they went out was not recorded, and their hold counts from their due day
 * or the day they were made, as before.
 */
export const invoiceIssueDay: Migration = {
  version: 15,
  name: 'invoice issue day',
  up: (db) => {
    // Only where it is missing: a test that winds an install's version back runs this once more.
    const columns = db.prepare("SELECT name FROM pragma_table_info('invoices')").pluck().all() as string[];
    if (!columns.includes('issued_on')) db.exec('ALTER TABLE invoices ADD COLUMN issued_on TEXT');
  },
};
