import type { Migration } from '../migrate';

/**
 * Roles beyond the built-in ones, teams, per-user overrides, and the marketing campaigns that make
 * the `marketing.publish` task real. Built-in roles live in code (shared/access); the table holds the
 * roles admins made by copying them.
 */
export const access: Migration = {
  version: 4,
  name: 'access',
  up: (db) => {
    db.exec(`
      CREATE TABLE roles (
        id          TEXT PRIMARY KEY,
        name_en     TEXT NOT NULL,
        name_nl     TEXT NOT NULL,
        rights      TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE teams (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE COLLATE NOCASE
      ) STRICT;

      CREATE TABLE user_teams (
        user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        team_id  INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, team_id)
      ) STRICT;

      CREATE TABLE user_overrides (
        user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        "right"  TEXT NOT NULL,
        effect   TEXT NOT NULL CHECK (effect IN ('grant', 'deny')),
        scope    TEXT,
        access   TEXT,
        PRIMARY KEY (user_id, "right", effect)
      ) STRICT;

      CREATE TABLE campaigns (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        channel       TEXT NOT NULL,
        audience      TEXT,
        message       TEXT,
        status        TEXT NOT NULL,
        published_at  TEXT,
        sort_key      TEXT NOT NULL,
        owner_id      INTEGER REFERENCES users (id),
        team_id       INTEGER,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT,
        custom        TEXT
      ) STRICT;
      CREATE INDEX campaigns_by_name ON campaigns (sort_key, id) WHERE deleted_at IS NULL;

      -- The two roles before this migration: 'admin' stays, 'user' becomes Office staff.
      UPDATE users SET role = 'office' WHERE role = 'user';
    `);
  },
};
