/**
 * The file as the renderer sends it (base64 of its bytes) → text, or a clear reason why it is not a
 * CSV Kluis can read: empty, too large, binary, or UTF-16. A file is read as UTF-8 when it starts
 * with UTF-8's byte order mark or is valid UTF-8. A file that is neither is read as Windows-1252 —
 * what Dutch Excel's plain "CSV" writes, where every byte means something — unless it holds as many
 * UTF-8 letters as bytes that are not UTF-8, or more: then it is UTF-8 with a few damaged bytes, which
 * would otherwise turn every é of the file into "Ã©". A damaged byte reads as U+FFFD, and a row
 * with one in a mapped cell is refused with a reason (checkRow), so nothing odd is stored silently.
 * A trailing DOS end-of-file mark (0x1A) is no row.
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

/**
 * UTF-16 without a byte order mark: text where every other byte is zero (the high byte of a Latin
 * letter), at odd places (little-endian, as Windows writes it) or at even ones.
 */
function looksUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4 * 1024);
  if (sample.length < 4) return false;
  let zerosAtOdd = 0;
  let zerosAtEven = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 1) zerosAtOdd++;
    else zerosAtEven++;
  }
  const pairs = Math.floor(sample.length / 2);
  return Math.max(zerosAtOdd, zerosAtEven) * 10 >= pairs * 9 && Math.min(zerosAtOdd, zerosAtEven) * 10 < pairs;
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
  if (utf16 || looksUtf16(bytes)) throw new KluisError('VALIDATION', 'records.fileNotUtf8');
  if (looksBinary(bytes)) throw new KluisError('VALIDATION', 'records.fileBinary');
  const text = withoutDosEnd(bytes);
  if (text.length === 0) throw new KluisError('VALIDATION', 'records.fileEmpty');
  const utf8 = (fatal: boolean) => new TextDecoder('utf-8', { fatal, ignoreBOM: false });
  // The byte order mark says UTF-8: a damaged byte does not make the rest another encoding.
  if (text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf) return utf8(false).decode(text);
  try {
    // Strips a UTF-8 byte order mark (ignoreBOM: false) and refuses invalid sequences.
    return utf8(true).decode(text);
  } catch {
    // Not UTF-8, and not binary (checked above): Excel's "CSV (comma delimited)", so Windows-1252,
    // unless it is UTF-8 with a few damaged bytes.
    const { letters, strays } = utf8Census(text);
    return letters > 0 && letters >= strays ? utf8(false).decode(text) : decodeWindows1252(text);
  }
}

/** The bytes without the DOS end-of-file marks (0x1A) some older tools put at the end of a file. */
function withoutDosEnd(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0x1a) end--;
  return bytes.subarray(0, end);
}

/**
 * How many well-formed UTF-8 sequences of two to four bytes (letters beyond ASCII) the bytes hold,
 * and how many bytes above 0x7F are not part of one. Windows-1252 text almost never holds the
 * former: é is one byte there, followed by a plain letter, where UTF-8 needs a continuation byte.
 */
function utf8Census(bytes: Uint8Array): { letters: number; strays: number } {
  let letters = 0;
  let strays = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let continued = length > 0 && i + length <= bytes.length;
    for (let k = 1; continued && k < length; k++) continued = (bytes[i + k]! & 0xc0) === 0x80;
    if (continued) {
      letters++;
      i += length - 1;
    } else strays++;
  }
  return { letters, strays };
}
