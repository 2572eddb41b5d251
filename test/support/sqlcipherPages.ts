/**
 * Reads an encrypted Kluis database the way a forensic tool with the key would: every page of the
 * file and every frame of its WAL, decrypted (SQLCipher 4 format, raw key). A byte scan of these
 * pages proves a value is gone from the file itself — free pages and slack space included — not
 * just unreachable through SQL.
 */
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;
const RESERVE = 16 + 64; // IV + HMAC-SHA512
const SALT_BYTES = 16;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const start = first ? SALT_BYTES : 0;
  const body = page.subarray(start, PAGE_SIZE - RESERVE);
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Proves the decryption is right: page 1 must read as a SQLite header (page size 4096 at byte 16). */
export function checkDecryption(dbFile: string, key: Buffer): boolean {
  const page = decryptPage(readFileSync(dbFile).subarray(0, PAGE_SIZE), key, true);
  // Decrypted page 1 starts at file offset 16: bytes 16-17 of the header hold the page size.
  return page.readUInt16BE(0) === PAGE_SIZE;
}

export function decryptedPages(dbFile: string, key: Buffer): Buffer[] {
  const bytes = readFileSync(dbFile);
  const pages: Buffer[] = [];
  for (let offset = 0; offset + PAGE_SIZE <= bytes.length; offset += PAGE_SIZE) {
    pages.push(decryptPage(bytes.subarray(offset, offset + PAGE_SIZE), key, offset === 0));
  }
  return pages;
}

export function decryptedWalPages(walFile: string, key: Buffer): Buffer[] {
  if (!existsSync(walFile)) return [];
  const bytes = readFileSync(walFile);
  const pages: Buffer[] = [];
  for (let offset = WAL_HEADER; offset + FRAME_HEADER + PAGE_SIZE <= bytes.length; offset += FRAME_HEADER + PAGE_SIZE) {
    const pageNumber = bytes.readUInt32BE(offset);
    const page = bytes.subarray(offset + FRAME_HEADER, offset + FRAME_HEADER + PAGE_SIZE);
    pages.push(decryptPage(page, key, pageNumber === 1));
  }
  return pages;
}

/** Does the text occur anywhere in the decrypted file or WAL (UTF-8, case-sensitive)? */
export function fileHoldsText(dbFile: string, key: Buffer, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return [...decryptedPages(dbFile, key), ...decryptedWalPages(`${dbFile}-wal`, key)].some((page) => page.includes(needle));
}

