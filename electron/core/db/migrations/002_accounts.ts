import type { Migration } from '../migrate';

/** Accounts with a second factor, recovery codes, and the hash-chained audit log. */
export const accounts: Migration = {
  version: 2,
  name: 'accounts',
  up: (db) => {
    db.exec(`
      ALTER TABLE users ADD COLUMN email TEXT;
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN totp_secret TEXT;
      ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
      ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

      CREATE TABLE recovery_codes (
        id         INTEGER PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash  TEXT NOT NULL,
        used_at    TEXT
      ) STRICT;
      CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

      -- Append-only: each row's hash covers the previous row's hash (DESIGN §8).
      CREATE TABLE audit_log (
        seq        INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      INTEGER,
        action     TEXT NOT NULL,
        target     TEXT,
        details    TEXT NOT NULL,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_target ON audit_log (target, action);
    `);
  },
};
