import type { Migration } from '../migrate';

/**
 * Which consent a campaign relies on (shared/registry, campaign.consent_purpose): its recipients are
 * the people whose consent has that purpose, found by its index. Empty for the campaigns an install
 * already holds.
 */
export const campaignConsentPurpose: Migration = {
  version: 26,
  name: 'campaign consent purpose',
  up: (db) => {
    // Only where it is missing: a test that winds an install's version back runs this once more.
    const columns = db.prepare("SELECT name FROM pragma_table_info('campaigns')").pluck().all() as string[];
    if (!columns.includes('consent_purpose')) db.exec('ALTER TABLE campaigns ADD COLUMN consent_purpose TEXT');
    // A campaign's recipients start from the consents of one purpose (campaignRecipients.ts).
    db.exec('CREATE INDEX IF NOT EXISTS consents_by_purpose ON consents (purpose, contact_id) WHERE deleted_at IS NULL');
  },
};
