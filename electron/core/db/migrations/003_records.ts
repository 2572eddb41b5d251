import type { Migration } from '../migrate';

/**
 * The CRM records, their search index and the switches of the field registry. Columns follow
 * shared/registry (a test keeps them in step); every record has an owner, a team, stamps and a
 * soft-delete column.
 */
const STAMPS = `
  owner_id    INTEGER REFERENCES users (id),
  team_id     INTEGER,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  custom      TEXT`;

export const records: Migration = {
  version: 3,
  name: 'records',
  up: (db) => {
    db.exec(`
      CREATE TABLE organisations (
        id                   INTEGER PRIMARY KEY,
        name                 TEXT NOT NULL,
        registration_number  TEXT,
        vat_number           TEXT,
        website              TEXT,
        phone                TEXT,
        email                TEXT,
        street               TEXT,
        postal_code          TEXT,
        city                 TEXT,
        country              TEXT,
        industry             TEXT,
        notes                TEXT,
        sort_key             TEXT NOT NULL,${STAMPS}
      ) STRICT;
      CREATE INDEX organisations_by_name ON organisations (sort_key, id) WHERE deleted_at IS NULL;

      CREATE TABLE contacts (
        id                  INTEGER PRIMARY KEY,
        first_name          TEXT,
        last_name           TEXT NOT NULL,
        organisation_id     INTEGER REFERENCES organisations (id),
        job_title           TEXT,
        email               TEXT,
        phone               TEXT,
        preferred_language  TEXT,
        birth_date          TEXT,
        notes               TEXT,
        sort_key            TEXT NOT NULL,${STAMPS}
      ) STRICT;
      CREATE INDEX contacts_by_name ON contacts (sort_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_organisation ON contacts (organisation_id);
      CREATE INDEX contacts_by_email ON contacts (email COLLATE NOCASE) WHERE email IS NOT NULL;
      CREATE INDEX contacts_by_owner ON contacts (owner_id, sort_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_team ON contacts (team_id, sort_key, id) WHERE deleted_at IS NULL;

      CREATE TABLE deals (
        id               INTEGER PRIMARY KEY,
        title            TEXT NOT NULL,
        organisation_id  INTEGER REFERENCES organisations (id),
        contact_id       INTEGER REFERENCES contacts (id),
        stage            TEXT NOT NULL,
        value_cents      INTEGER NOT NULL DEFAULT 0,
        expected_close   TEXT,
        notes            TEXT,
        sort_key         TEXT NOT NULL,${STAMPS}
      ) STRICT;
      CREATE INDEX deals_by_stage ON deals (stage, sort_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX deals_by_organisation ON deals (organisation_id);
      CREATE INDEX deals_by_contact ON deals (contact_id);

      CREATE TABLE activities (
        id               INTEGER PRIMARY KEY,
        kind             TEXT NOT NULL,
        subject          TEXT NOT NULL,
        body             TEXT,
        due_at           TEXT,
        done             INTEGER NOT NULL DEFAULT 0,
        contact_id       INTEGER REFERENCES contacts (id),
        organisation_id  INTEGER REFERENCES organisations (id),
        deal_id          INTEGER REFERENCES deals (id),
        sort_key         TEXT NOT NULL,${STAMPS}
      ) STRICT;
      CREATE INDEX activities_by_contact ON activities (contact_id, due_at);
      CREATE INDEX activities_by_organisation ON activities (organisation_id, due_at);
      CREATE INDEX activities_by_deal ON activities (deal_id, due_at);
      CREATE INDEX activities_open ON activities (owner_id, done, coalesce(due_at, '9999-12-31'), id) WHERE deleted_at IS NULL;
      CREATE INDEX activities_by_due ON activities (done, coalesce(due_at, '9999-12-31'), id) WHERE deleted_at IS NULL;

      CREATE TABLE invoices (
        id                INTEGER PRIMARY KEY,
        number            TEXT NOT NULL UNIQUE,
        organisation_id   INTEGER NOT NULL REFERENCES organisations (id),
        contact_id        INTEGER REFERENCES contacts (id),
        amount_cents      INTEGER NOT NULL,
        due_on            TEXT NOT NULL,
        status            TEXT NOT NULL,
        reminder_sent_at  TEXT,
        sort_key          TEXT NOT NULL,${STAMPS}
      ) STRICT;
      CREATE INDEX invoices_by_organisation ON invoices (organisation_id);
      CREATE INDEX invoices_by_due ON invoices (due_on, id) WHERE deleted_at IS NULL;

      CREATE TABLE consents (
        id            INTEGER PRIMARY KEY,
        contact_id    INTEGER NOT NULL REFERENCES contacts (id),
        purpose       TEXT NOT NULL,
        source        TEXT NOT NULL,
        given_at      TEXT NOT NULL,
        withdrawn_at  TEXT,
        sort_key      TEXT NOT NULL,${STAMPS}
      ) STRICT;
      CREATE INDEX consents_by_contact ON consents (contact_id);

      -- Which optional fields are switched off (absent = on).
      CREATE TABLE field_settings (
        entity   TEXT NOT NULL,
        field    TEXT NOT NULL,
        enabled  INTEGER NOT NULL,
        PRIMARY KEY (entity, field)
      ) STRICT;

      -- Fields an admin added; values live in each record's "custom" JSON.
      CREATE TABLE custom_fields (
        id           INTEGER PRIMARY KEY,
        entity       TEXT NOT NULL,
        key          TEXT NOT NULL,
        type         TEXT NOT NULL,
        label_en     TEXT NOT NULL,
        label_nl     TEXT NOT NULL,
        purpose_en   TEXT NOT NULL,
        purpose_nl   TEXT NOT NULL,
        legal_basis  TEXT NOT NULL,
        sensitivity  TEXT NOT NULL,
        retention    TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        UNIQUE (entity, key)
      ) STRICT;

      -- One search index for contacts, organisations, deals and notes: accents folded, prefixes
      -- indexed so that "jan" finds "Jansen" from the index alone. The rowid encodes the record
      -- (id * 8 + kind), so an entry is found and replaced without scanning.
      CREATE VIRTUAL TABLE search_index USING fts5 (
        title,
        body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
      );
      -- Deleted terms are removed from the index itself, not only marked (erasure, purges).
      INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
    `);
  },
};
