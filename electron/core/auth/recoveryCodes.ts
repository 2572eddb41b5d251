/**
 * Ten single-use recovery codes per user, shown once and stored only as hashes. 12 characters from
 * a 31-letter alphabet without look-alikes (no 0/o, 1/l/i): about 59 bits each.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

function newCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

function normalize(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function hashCode(userId: number, code: string): string {
  return createHash('sha256').update(`kluis-recovery:${userId}:${normalize(code)}`).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normalize(code).length === 12;
}

/** Replaces the user's codes with ten new ones and returns them (the only time they exist in clear). */
export function issueRecoveryCodes(db: Db, userId: number): string[] {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)');
  for (const code of codes) insert.run(userId, hashCode(userId, code));
  return codes;
}

/** How many of the user's recovery codes are still unused. */
export function unusedRecoveryCodes(db: Db, userId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').get(userId) as { n: number }).n;
}

/** Uses up a code: true once, false ever after. Returns the number left, or null when not valid. */
export function redeemRecoveryCode(db: Db, userId: number, code: string): number | null {
  if (!looksLikeRecoveryCode(code)) return null;
  const wanted = Buffer.from(hashCode(userId, code), 'hex');
  const unused = db.prepare('SELECT id, code_hash FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').all(userId) as {
    id: number;
    code_hash: string;
  }[];
  const match = unused.find((row) => timingSafeEqual(Buffer.from(row.code_hash, 'hex'), wanted));
  if (!match) return null;
  db.prepare('UPDATE recovery_codes SET used_at = ? WHERE id = ?').run(new Date().toISOString(), match.id);
  return unused.length - 1;
}
