import type { Db } from '../db/open';

/** Settings of the install kept inside the encrypted DB (never in vault.json). */
export type MetaKey =
  | 'org_name'
  | 'policy.idle_lock_seconds'
  | 'policy.unlock_requires_code'
  | 'policy.trash_retention_days'
  | 'policy.bulk_confirm_threshold'
  | 'trash.last_emptied';

export function setMeta(db: Db, key: MetaKey, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function getMeta(db: Db, key: MetaKey): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}
