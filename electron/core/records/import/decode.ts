/**
 * The file as the renderer sends it (base64 of its bytes) → text, or a clear reason why it is not a
 * CSV Kluis can read: empty, too large, binary, or UTF-16. Text that is not valid UTF-8 is read as
 * Windows-1252: that is what Dutch Excel's plain "CSV" writes, and every byte means something in it.
 * A file in another 8-bit encoding would show odd letters, never lose a row.
 */
import { KluisError } from '../../errors';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Control characters that never appear in text: everything below 0x20 but tab, LF, FF, CR and 0x1A (DOS end of file). */
function isControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a) || byte === 0x7f;
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) if (isControl(byte)) controls++;
  return controls * 100 > sample.length;
}

/** What Windows-1252 puts at 0x80–0x9F, where ISO-8859-1 has control codes (the five unused kept as such). */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252 by hand: Node's TextDecoder('windows-1252') decodes as ISO-8859-1 in the Node this
 * runs on (v20: 0x80 comes out as U+0080, not €), so the 32 bytes where the two differ are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

export function decodeCsvFile(base64: string): string {
  const compact = base64.replace(/\s+/g, '');
  if (compact.length === 0) throw new KluisError('VALIDATION', 'records.fileEmpty');
  if (compact.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) throw new KluisError('VALIDATION', 'records.fileTooLarge');
  if (!BASE64.test(compact)) throw new KluisError('VALIDATION', 'records.fileUnreadable');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length === 0) throw new KluisError('VALIDATION', 'records.fileEmpty');
  if (bytes.length > MAX_FILE_BYTES) throw new KluisError('VALIDATION', 'records.fileTooLarge');
  // UTF-16 ("Unicode text" from Excel) is text, but read as bytes it would look like binary data.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) throw new KluisError('VALIDATION', 'records.fileNotUtf8');
  if (looksBinary(bytes)) throw new KluisError('VALIDATION', 'records.fileBinary');
  try {
    // Strips a UTF-8 byte order mark (ignoreBOM: false) and refuses invalid sequences.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8, and not binary (checked above): Excel's "CSV (comma delimited)", so Windows-1252.
    return decodeWindows1252(bytes);
  }
}
