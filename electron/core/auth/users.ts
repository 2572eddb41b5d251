import type { SessionUser } from '../../../shared/api';
import type { Role } from '../../../shared/permissions';
import type { Db } from '../db/open';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  status: 'active' | 'disabled';
}

function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

export function insertUser(
  db: Db,
  user: { username: string; displayName: string; role: Role; slotId: string },
): number {
  const result = db
    .prepare('INSERT INTO users (username, display_name, role, slot_id, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(user.username, user.displayName, user.role, user.slotId, new Date().toISOString());
  return Number(result.lastInsertRowid);
}

/** The active user owning a key slot, or null (unknown or disabled: both just fail sign-in). */
export function findActiveUserBySlot(db: Db, slotId: string): SessionUser | null {
  const row = db
    .prepare("SELECT id, username, display_name, role, status FROM users WHERE slot_id = ? AND status = 'active'")
    .get(slotId) as UserRow | undefined;
  return row ? toSessionUser(row) : null;
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}
