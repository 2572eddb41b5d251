import type { Migration } from '../migrate';

/**
 * Invoice numbers are unique whatever their capitals (records/rows.ts): a write looks the number up
 * case-blind before it goes in. Not a UNIQUE index, which an install holding "f1011" beside "F1011"
 * already could not get: those two stay, and no third joins them.
 */
export const invoiceNumberAnyCase: Migration = {
  version: 28,
  name: 'invoice number any case',
  up: (db) => {
    db.exec('CREATE INDEX IF NOT EXISTS invoices_by_number_any_case ON invoices (number COLLATE NOCASE)');
  },
};
