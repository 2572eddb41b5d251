import type { Migration } from '../migrate';

/**
 * Whether a custom field's values are found by search (chosen when the field is added; text-like
 * fields only). Fields added before are not searchable, as they were not: nothing to index again.
 */
export const customFieldSearch: Migration = {
  version: 21,
  name: 'custom field search',
  up: (db) => {
    // Once: SQLite has no ADD COLUMN IF NOT EXISTS.
    const columns = (db.prepare("SELECT name FROM pragma_table_info('custom_fields')").all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('searchable')) db.exec('ALTER TABLE custom_fields ADD COLUMN searchable INTEGER NOT NULL DEFAULT 0');
  },
};
