import type { Migration } from '../migrate';
import { ENTITY_NAMES, ENTITIES } from '../../../../shared/registry';

/**
 * The command journal behind undo and redo, and the trash (DESIGN §7). A command is one user action
 * with its row changes, before and after, so undo survives a restart. Records in the trash remember
 * who deleted them and, when they went along with another record, which one (`entity:id`), so they
 * come back together.
 */
export const history: Migration = {
  version: 5,
  name: 'history',
  up: (db) => {
    for (const name of ENTITY_NAMES) {
      const table = ENTITIES[name].table;
      db.exec(`
        ALTER TABLE ${table} ADD COLUMN deleted_by INTEGER REFERENCES users (id);
        ALTER TABLE ${table} ADD COLUMN trashed_with TEXT;
        CREATE INDEX ${table}_in_trash ON ${table} (deleted_at, id) WHERE deleted_at IS NOT NULL AND trashed_with IS NULL;
        CREATE INDEX ${table}_trashed_with ON ${table} (trashed_with) WHERE trashed_with IS NOT NULL;
      `);
    }
    db.exec(`
      -- user_id is NULL for the install's own jobs (emptying the trash after its retention).
      CREATE TABLE commands (
        id        INTEGER PRIMARY KEY,
        user_id   INTEGER REFERENCES users (id),
        verb      TEXT NOT NULL,
        entity    TEXT,
        count     INTEGER NOT NULL,
        title     TEXT,
        at        TEXT NOT NULL,
        state     TEXT NOT NULL CHECK (state IN ('done', 'undone')),
        undoable  INTEGER NOT NULL,
        -- The task right the command needed; undo and redo need it still.
        task      TEXT
      ) STRICT;
      CREATE INDEX commands_by_user ON commands (user_id, state, id);
      CREATE INDEX commands_by_time ON commands (at);

      CREATE TABLE command_changes (
        command_id  INTEGER NOT NULL REFERENCES commands (id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        entity      TEXT NOT NULL,
        record_id   INTEGER NOT NULL,
        before      TEXT,
        after       TEXT,
        -- 0 when the row changed as a consequence (an activity moving to the trash with its contact):
        -- undo checks the user's rights on what they acted on, not on every part that went along.
        direct      INTEGER NOT NULL,
        PRIMARY KEY (command_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX command_changes_by_record ON command_changes (entity, record_id, command_id);
    `);
  },
};
