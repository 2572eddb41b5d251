/**
 * Page cursors the window can hand back but neither read nor make. A keyset cursor holds the last
 * row's sort values, and those are data: for a list by name, a contact's folded name, which a caller
 * may be allowed to see only masked. A readable cursor would give that name away one page at a
 * time, and a made-up one ("everything after 'bakker b'") would tell, by what comes back, where a
 * masked name lies in the alphabet. So a cursor is sealed (AES-256-GCM) under a key that lives only
 * in this process, and bound to the list it came from: its kind, its order and the caller. Any other
 * cursor, changed or not, is refused as not valid. After a restart old cursors are refused too, and
 * the window starts the list again.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KluisError } from '../errors';

const KEY = randomBytes(32);
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Which list a cursor belongs to: a cursor of one list (or user) opens no other. */
export type CursorContext = readonly (string | number)[];

export type CursorValue = string | number;

function additionalData(context: CursorContext): Buffer {
  return Buffer.from(JSON.stringify(context), 'utf8');
}

export function sealCursor(context: CursorContext, values: readonly CursorValue[]): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  cipher.setAAD(additionalData(context));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The values sealed in `cursor` for this context, `length` of them; VALIDATION for anything else. */
export function openCursor(context: CursorContext, cursor: string, length: number): CursorValue[] {
  try {
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.length > IV_BYTES + TAG_BYTES) {
      const decipher = createDecipheriv('aes-256-gcm', KEY, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(additionalData(context));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      const values = JSON.parse(plain) as unknown;
      if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string' || typeof v === 'number')) return values as CursorValue[];
    }
  } catch {
    // A cursor this process did not seal for this list: the same answer as any other bad one.
  }
  throw new KluisError('VALIDATION', 'records.badCursor');
}
