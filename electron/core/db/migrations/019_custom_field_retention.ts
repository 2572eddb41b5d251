import type { Migration } from '../migrate';

/**
 * A custom field's retention ("Kept for") in Dutch beside English, as its label and purpose have.
 * A field added before keeps its one text, shown in both languages until an admin adds a field anew.
 */
export const customFieldRetention: Migration = {
  version: 19,
  name: 'custom field retention',
  up: (db) => {
    db.exec('ALTER TABLE custom_fields ADD COLUMN retention_nl TEXT');
  },
};
