import { ENTITIES } from '../../../../shared/registry';
import { disabledFields } from '../../records/fields';
import { reindex, type Row } from '../../records/rows';
import type { Migration } from '../migrate';

/** Rows read at a time: better-sqlite3 cannot write while a query is still being iterated. */
const BATCH = 2_000;

/**
 * Invoices join the search index (records/rows.ts, SEARCH_KINDS): Finance types "2026-000124" into
 * the search box and finds the invoice. The number was always marked searchable in the registry,
 * but no invoice was indexed. This indexes every live invoice an install already holds, through
 * reindex() with the fields in force, as every later write of an invoice does.
 */
export const invoiceSearch: Migration = {
  version: 14,
  name: 'invoice search',
  up: (db) => {
    const off = disabledFields(db, 'invoice');
    const searchable = new Set(ENTITIES.invoice.fields.filter((f) => f.searchable && !off.has(f.key)).map((f) => f.key));
    const select = db.prepare(`SELECT * FROM invoices WHERE id > ? AND deleted_at IS NULL ORDER BY id LIMIT ${BATCH}`);
    let lastId = 0;
    for (;;) {
      const rows = select.all(lastId) as Row[];
      if (rows.length === 0) break;
      for (const row of rows) reindex(db, 'invoice', row.id as number, row, searchable);
      lastId = rows.at(-1)!.id as number;
    }
  },
};
