import type { Migration } from '../migrate';

/**
 * A custom field's retention ("Kept for") in Dutch beside English, as its label and purpose have.
 * A field added before keeps its one text, shown in both languages until an admin adds a field anew.
 */
export const customFieldRetention: Migration = {
  version: 19,
  name: 'custom field retention',
  up: (db) => {
    // Once: SQLite has no ADD COLUMN IF NOT EXISTS.
    const columns = (db.prepare("SELECT name FROM pragma_table_info('custom_fields')").all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('retention_nl')) db.exec('ALTER TABLE custom_fields ADD COLUMN retention_nl TEXT');
  },
};
