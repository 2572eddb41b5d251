/**
 * Whether every page of the database can be read and its structure holds: SQLite's integrity check,
 * which reads the whole file. Each page read is decrypted and its HMAC checked, so a changed byte
 * anywhere is found — also in pages no sign-in touches, which a damaged backup can hide until
 * someone opens the one record that lives there. It takes a while on a large install (it reads it
 * all), which is why it is a command an admin runs, not a step of every sign-in.
 */
import type { IntegrityVerdict } from '../../../shared/apiTypes';
import type { Db } from './open';

export function checkIntegrity(db: Db): IntegrityVerdict {
  const pages = db.pragma('page_count', { simple: true }) as number;
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return { ok: rows.length === 1 && rows[0]?.integrity_check === 'ok', pages };
  } catch {
    // A page that fails its HMAC, or a structure too broken to walk: SQLITE_CORRUPT, SQLITE_NOTADB.
    return { ok: false, pages };
  }
}
