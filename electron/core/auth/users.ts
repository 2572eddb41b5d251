/** The users table: the only place that reads or writes it. */
import type { SessionUser, UserSummary } from '../../../shared/apiTypes';
import type { Role } from '../../../shared/permissions';
import type { Db } from '../db/open';
import { normalizeUsername } from '../vault/slots';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  status: 'active' | 'disabled';
  slotId: string | null;
  mustChangePassword: boolean;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number | null;
  createdAt: string;
}

const COLUMNS = `id, username, display_name AS displayName, email, role, status, slot_id AS slotId,
  must_change_password AS mustChangePassword, totp_secret AS totpSecret,
  totp_pending_secret AS totpPendingSecret, totp_last_step AS totpLastStep, created_at AS createdAt`;

function fromRow(row: (Omit<UserRecord, 'mustChangePassword'> & { mustChangePassword: number }) | undefined): UserRecord | null {
  return row ? { ...row, mustChangePassword: row.mustChangePassword === 1 } : null;
}

export function sessionUser(user: UserRecord): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

export function userSummary(user: UserRecord): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    status: user.status,
    mfaEnrolled: user.totpSecret !== null,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
  };
}

export function insertUser(
  db: Db,
  user: { username: string; displayName: string; email?: string | null; role: Role; slotId: string; mustChangePassword?: boolean },
): number {
  const result = db
    .prepare(
      'INSERT INTO users (username, display_name, email, role, slot_id, must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(user.username, user.displayName, user.email ?? null, user.role, user.slotId, user.mustChangePassword ? 1 : 0, new Date().toISOString());
  return Number(result.lastInsertRowid);
}

export function findUserById(db: Db, id: number): UserRecord | null {
  return fromRow(db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as never);
}

/**
 * The user of this name, compared as sign-in compares names (normalizeUsername: NFC, lower case in
 * every alphabet), so "ÉLISE" is taken once "élise" is: they would share one key slot. The column's
 * own NOCASE folds ASCII only. Users are few, so they are compared here.
 */
export function findUserByUsername(db: Db, username: string): UserRecord | null {
  const wanted = normalizeUsername(username);
  return listUsers(db).find((user) => normalizeUsername(user.username) === wanted) ?? null;
}

/** The active user owning a key slot, or null (unknown or disabled: both just fail sign-in). */
export function findActiveUserBySlot(db: Db, slotId: string): UserRecord | null {
  return fromRow(db.prepare(`SELECT ${COLUMNS} FROM users WHERE slot_id = ? AND status = 'active'`).get(slotId) as never);
}

export function listUsers(db: Db): UserRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY username`).all() as never[]).map((row) => fromRow(row) as UserRecord);
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

type Change = Partial<{
  status: 'active' | 'disabled';
  slot_id: string | null;
  must_change_password: 0 | 1;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}>;

export function updateUser(db: Db, id: number, change: Change): void {
  const keys = Object.keys(change);
  if (keys.length === 0) return;
  db.prepare(`UPDATE users SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...change, id });
}
