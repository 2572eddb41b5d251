/**
 * Forward-only migrations tracked in `PRAGMA user_version`. A database from a newer Kluis is
 * refused rather than guessed at (Signal Desktop does the same).
 */
import { KluisError } from '../errors';
import { MIGRATIONS } from './migrations';
import type { Db } from './open';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export class SchemaTooNewError extends KluisError {
  constructor(found: number, known: number) {
    super('CONFLICT', { id: 'access.schemaTooNew', values: { found, known } });
  }
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} should be number ${i + 1}, is ${m.version}`);
  });
  const known = latestSchemaVersion(migrations);
  const current = schemaVersion(db);
  if (current > known) throw new SchemaTooNewError(current, known);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
