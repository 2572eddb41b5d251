/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF,
 * and the delimiter guessed from the header line (',' ';' or tab — Dutch Excel writes ';').
 * Rows are numbered as a spreadsheet shows them: the header is row 1, blank lines count too.
 */
import { KluisError } from '../../errors';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** The row number a spreadsheet shows for this record. */
  row: number;
  cells: string[];
}

export interface CsvColumn {
  /** Position of the column in each record. */
  index: number;
  /** The column's name as shown to the user: the header, made unique, or "Column N" when blank. */
  header: string;
}

export interface ParsedCsv {
  delimiter: Delimiter;
  columns: CsvColumn[];
  /** Number of cells in the header row. */
  width: number;
  /** The header's row number (1 unless the file starts with blank lines). */
  headerRow: number;
  /** Data records, blank ones left out. */
  records: CsvRecord[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Counts each candidate delimiter outside quotes on the first line; the most frequent wins (',' on a tie). */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<number, number>(DELIMITERS.map((d) => [d.charCodeAt(0), 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d.charCodeAt(0)) ?? 0) > (counts.get(best.charCodeAt(0)) ?? 0)) best = d;
  return best;
}

function unterminated(row: number): KluisError {
  return new KluisError('VALIDATION', { id: 'records.quoteNotClosed', values: { row } }, { row });
}

/** Every record of the text, blank lines included, each with its row number. */
export function readRecords(text: string, delimiter: Delimiter): CsvRecord[] {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: CsvRecord[] = [];
  let pos = 0;
  let row = 0;
  while (pos < n) {
    row++;
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        pos++;
        value = '';
        for (;;) {
          const q = text.indexOf('"', pos);
          if (q === -1) throw unterminated(row);
          value += text.slice(pos, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            pos = q + 2;
          } else {
            pos = q + 1;
            break;
          }
        }
        // Anything between the closing quote and the next delimiter is kept as it stands (lenient).
        const start = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === d || c === LF || c === CR) break;
          pos++;
        }
        value += text.slice(start, pos);
      } else {
        const start = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === d || c === LF || c === CR) break;
          pos++;
        }
        value = text.slice(start, pos);
      }
      cells.push(value);
      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      pos++;
      if (c === d) continue;
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      break;
    }
    records.push({ row, cells });
  }
  return records;
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Header and data rows. Blank header cells become "Column N" (or are dropped when the column holds
 * nothing at all); repeated names get " (2)", " (3)" so each column has its own name.
 */
export function parseCsv(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const all = readRecords(text, delimiter);
  const headerAt = all.findIndex((r) => !isBlank(r.cells));
  if (headerAt === -1) throw new KluisError('VALIDATION', 'records.fileEmpty');
  const header = all[headerAt]!;
  const records = all.slice(headerAt + 1).filter((r) => !isBlank(r.cells));
  if (records.length === 0) throw new KluisError('VALIDATION', 'records.fileNoRows');

  const seen = new Map<string, number>();
  const columns: CsvColumn[] = [];
  header.cells.forEach((raw, index) => {
    let name = raw.trim();
    if (name === '') {
      if (!records.some((r) => (r.cells[index] ?? '').trim() !== '')) return;
      name = `Column ${index + 1}`;
    }
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    columns.push({ index, header: count > 1 ? `${name} (${count})` : name });
  });
  return { delimiter, columns, width: header.cells.length, headerRow: header.row, records };
}
