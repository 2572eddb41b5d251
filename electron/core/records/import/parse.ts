/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF,
 * and the delimiter (',' ';' or tab — Dutch Excel writes ';') named by Excel's "sep=;" first line or
 * guessed from the first lines. Rows are numbered as a spreadsheet shows them: the header is row 1,
 * blank lines count too; a "sep=" line does not, as Excel hides it.
 */
import { COLUMN_NAME_MAX } from '../../../../shared/recordTypes';
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

/** Lines the guess looks at: enough to see a pattern, few enough to cost nothing on a large file. */
const SAMPLE_LINES = 20;

/**
 * The number of cells in each of the first non-blank lines when split on `delimiter`, outside
 * quotes (a line break inside quotes belongs to the cell).
 */
function cellCounts(text: string, delimiter: Delimiter): number[] {
  const d = delimiter.charCodeAt(0);
  const counts: number[] = [];
  let cells = 1;
  let filled = false;
  let quoted = false;
  for (let i = 0; i <= text.length && counts.length < SAMPLE_LINES; i++) {
    const c = i < text.length ? text.charCodeAt(i) : LF;
    if (c === QUOTE) quoted = !quoted;
    if (quoted) {
      filled = true;
    } else if (c === LF || c === CR) {
      if (filled) counts.push(cells);
      cells = 1;
      filled = false;
    } else if (c === d) {
      cells++;
    } else if (c !== 0x20 && c !== 0x09) {
      filled = true;
    }
  }
  return counts;
}

/**
 * The candidate that splits the first non-blank line (the header) into more than one cell and the
 * most of the lines after it into that same number of cells; then the one giving the header more
 * cells; then ',' before ';' before tab. A header such as "Achternaam, voornaam;Straat, nr" splits
 * into as many cells on ',' as on ';', but only ';' splits the data rows the same way.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore: number[] = [-1];
  for (const d of DELIMITERS) {
    const [header = 1, ...rows] = cellCounts(text, d);
    // A file of one column (Dutch Excel leaves "Jansen, de Vries" unquoted, as ';' is its separator)
    // splits no header: the candidate that leaves the most rows whole then reads each line as one cell.
    const score = [header >= 2 ? 1 : 0, rows.filter((n) => n === header).length, header];
    if (isBetter(score, bestScore)) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function isBetter(score: readonly number[], than: readonly number[]): boolean {
  for (let i = 0; i < score.length; i++) {
    if (score[i]! !== (than[i] ?? -1)) return score[i]! > (than[i] ?? -1);
  }
  return false;
}

/** Excel's "sep=;" first line names the delimiter; Excel hides it, and so does the import. */
const SEP_LINE = /^sep=([,;\t])[ \t]*(?:\r\n|\n|\r|$)/i;

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

/** Room left in COLUMN_NAME_MAX for what a name may get after shortening: " (12)", "Column 40 (…)". */
const LONGEST_HEADER = COLUMN_NAME_MAX - 40;

/**
 * A header as long as a survey's question, cut to what the mapping carries (counted as the wall
 * counts, in UTF-16 units), never inside a character.
 */
function shortened(name: string): string {
  if (name.length <= LONGEST_HEADER) return name;
  let kept = '';
  for (const character of name) {
    if (kept.length + character.length > LONGEST_HEADER - 1) break;
    kept += character;
  }
  return `${kept.trimEnd()}…`;
}

/**
 * Header and data rows. Blank header cells become "Column N" (or are dropped when the column holds
 * nothing at all); repeated names get " (2)", " (3)" so each column has a name of its own.
 */
export function parseCsv(file: string): ParsedCsv {
  const sep = SEP_LINE.exec(file);
  const text = sep ? file.slice(sep[0].length) : file;
  const delimiter = sep ? (sep[1] as Delimiter) : detectDelimiter(text);
  const all = readRecords(text, delimiter);
  const headerAt = all.findIndex((r) => !isBlank(r.cells));
  if (headerAt === -1) throw new KluisError('VALIDATION', 'records.fileEmpty');
  const header = all[headerAt]!;
  const records = all.slice(headerAt + 1).filter((r) => !isBlank(r.cells));
  if (records.length === 0) throw new KluisError('VALIDATION', 'records.fileNoRows');

  // A header's own name comes first: a repeat is renamed to a name no column has, so "Naam;Naam;Naam (2)"
  // gives "Naam", "Naam (3)", "Naam (2)" and every column keeps a mapping of its own.
  const own = new Set(header.cells.map((cell) => cell.trim().toLowerCase()));
  const taken = new Set<string>();
  const columns: CsvColumn[] = [];
  header.cells.forEach((raw, index) => {
    let name = shortened(raw.trim());
    // "__proto__" cannot be a key of the mapping the window sends back (the wall refuses it, and a
    // plain object would take it as its prototype), so that column goes by its number.
    if (name === '__proto__') name = `Column ${index + 1} (${name})`;
    if (name === '') {
      if (!records.some((r) => (r.cells[index] ?? '').trim() !== '')) return;
      name = `Column ${index + 1}`;
    }
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()) || (unique !== name && own.has(unique.toLowerCase())); n++) unique = `${name} (${n})`;
    taken.add(unique.toLowerCase());
    columns.push({ index, header: unique });
  });
  return { delimiter, columns, width: header.cells.length, headerRow: header.row, records };
}
