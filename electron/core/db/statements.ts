import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, prepared once per connection and reused: preparing costs more than running
 * for the small statements of the hot paths (record writes, the audit chain, field lookups).
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
