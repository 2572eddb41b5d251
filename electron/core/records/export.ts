/**
 * Export of one entity as CSV: only records inside the caller's export scope (in SQL), only the
 * fields they may read in full, and the export itself is audited with a count.
 *
 * The file is made for a spreadsheet in the user's language: a UTF-8 byte order mark, headers and
 * choices as the app shows them, money in euros with the unit in the header, and the separator and
 * decimal mark that Excel expects in that language. Days stay ISO (2026-03-31): every spreadsheet
 * reads that as a date, whatever its locale, where 31-03-2026 and 03/31/2026 are each wrong somewhere.
 */
import { exportFileName } from '../../../shared/fileNames';
import { localDay } from '../../../shared/localDay';
import { ENTITIES, type EntityName, type Localized } from '../../../shared/registry';
import type { StoredValue } from '../../../shared/recordTypes';
import { scopeCondition } from '../access/access';
import { prepared } from '../db/statements';
import { KluisError } from '../errors';
import { audit } from '../session/openInstall';
import { Jobs, yieldToEventLoop, type Job } from './jobs';
import { filterConditions } from './queries';
import { notRestrictedSql, RESTRICTION_FIELDS } from './restriction';
import type { Row } from './rows';
import { MASK, rememberedLinkTitles, viewOf, visibleFields, type RecordContext, type VisibleField } from './service';

export type ExportLanguage = keyof Localized;

interface CsvFormat {
  separator: ',' | ';';
  decimalMark: '.' | ',';
}

/**
 * Dutch and Belgian Excel split a CSV on ';' (their list separator) and read ',' as the decimal
 * mark; English Excel uses ',' and '.'. A file in the other convention opens as one column.
 */
export const FORMATS: Record<ExportLanguage, CsvFormat> = {
  en: { separator: ',', decimalMark: '.' },
  nl: { separator: ';', decimalMark: ',' },
};

const YES: Localized = { en: 'Yes', nl: 'Ja' };
const NO: Localized = { en: 'No', nl: 'Nee' };

/** Without it, Excel reads the file in the system's code page and "Müller" becomes "MÃ¼ller". */
export const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A cell holding either separator is quoted, not only this file's: the same text then stays one
 * cell in the sheet, also where Excel's list separator is the other one.
 */
function quoted(text: string): string {
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** = + - @ (or a tab or line break before one) where a spreadsheet starts a cell: it runs what follows as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * The same just after a "," or ";" inside the text. A spreadsheet whose list separator is the other
 * one than this file's (an English Excel opening the Dutch export) splits the line there, quotes or
 * not, and starts a cell with it: "Jansen,=HYPERLINK(…)" would run. A + or - counts only before
 * what a formula goes on with (a digit, a letter, a bracket): "€ 25,- per uur" and ";-)" stay as
 * they are, where "x,-2+3+cmd|…" does not.
 */
const FORMULA_AFTER_SEPARATOR = /([,;][ \t]*)(?=[=@]|[-+][\p{L}\p{N}(])/gu;

/**
 * Text as someone typed it. A spreadsheet runs a cell that starts with = + - @ (or a tab or line
 * break before one) as a formula, so such a cell gets a leading apostrophe, which Excel shows as
 * text; so does such a start after a "," or ";" inside the text (FORMULA_AFTER_SEPARATOR). The import
 * takes both off again (undoFormulaGuard).
 */
export function textCell(text: string): string {
  const guarded = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return quoted(FORMULA_START.test(guarded) ? `'${guarded}` : guarded);
}

/**
 * A number this file writes itself: never a formula, so "-50,00" stays a number in the sheet. Its
 * decimal mark is never this file's separator, so it needs no quotes either.
 */
function numberCell(text: string): string {
  return text;
}

/** Cents as euros, "-1234.56" or "-1234,56": no thousands separator, which a spreadsheet would read as text. */
function euros(cents: number, decimalMark: string): string {
  const whole = Math.abs(cents);
  const rest = whole % 100;
  return `${cents < 0 ? '-' : ''}${(whole - rest) / 100}${decimalMark}${String(rest).padStart(2, '0')}`;
}

export function header(field: VisibleField, language: ExportLanguage): string {
  // The unit belongs in the header, so the cells stay plain numbers a spreadsheet can add up.
  return field.type === 'money' ? `${field.label[language]} (EUR)` : field.label[language];
}

/** A value as the app shows it, in `language`; '' when there is none. */
export function cell(field: VisibleField, value: StoredValue | undefined, refTitle: string | undefined, language: ExportLanguage, format: CsvFormat): string {
  // A link's title that the caller sees masked (a masked name) stays out, like a masked field.
  if (field.type === 'reference') return textCell(refTitle === undefined || refTitle.includes(MASK) ? '' : refTitle);
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? numberCell(euros(value, format.decimalMark)) : textCell(String(value));
    case 'integer':
      return typeof value === 'number' ? numberCell(String(value)) : textCell(String(value));
    case 'boolean':
      return textCell(Number(value) ? YES[language] : NO[language]);
    case 'enum':
      return textCell(field.optionLabels?.[String(value)]?.[language] ?? String(value));
    default:
      return textCell(String(value));
  }
}

/** Rows read per batch; between batches the event loop runs (see exportRecords). */
export const EXPORT_BATCH_SIZE = 2_000;

export interface ExportInput {
  entity: EntityName;
  /** The list's filter (as records.list takes it), so the file holds what the list shows. */
  where?: Record<string, string | number | boolean> | undefined;
  mine?: boolean | undefined;
  language: ExportLanguage;
  /** The caller's id for this run, for export.cancel and the progress events (the CLI has none). */
  jobId?: string;
}

export interface ExportResult {
  fileName: string;
  csv: string;
  count: number;
  /**
   * People left out because their processing is restricted (GDPR art. 18): from a contacts export,
   * or, from another, by name where a record links to them.
   */
  restricted: number;
  /** Stopped by the user: no file, nothing audited. */
  cancelled: boolean;
}

const jobs = new Jobs('records.exportRunning');

/** How many people in the export's scope are restricted: the export says it left them out. */
function countRestricted(ctx: RecordContext, scope: { sql: string; params: unknown[] }): number {
  const sql = `SELECT count(*) AS n FROM contacts WHERE deleted_at IS NULL AND ${scope.sql} AND restricted_since IS NOT NULL`;
  return (prepared(ctx.db, sql).get(...scope.params) as { n: number }).n;
}

/** Asks a running export to stop. False when no such export runs. */
export function cancelExport(jobId: string): boolean {
  return jobs.cancel(jobId);
}

/**
 * The export reads its rows in batches of EXPORT_BATCH_SIZE by id, each batch in a read transaction
 * of its own, and lets the event loop run between two: the app stays usable during a long export,
 * progress is reported, and a cancel or a lock stops it. By id, because a batch continues after
 * the last id of the one before: a record renamed meanwhile is neither missed nor written twice.
 * The file is finished and audited (the count, never a value) only once all batches are read.
 */
export function exportRecords(ctx: RecordContext, input: ExportInput, progress: (done: number, total: number) => void = () => undefined): Promise<ExportResult> {
  const run = (job: Job) => exportRows(ctx, input, progress, job);
  return input.jobId === undefined ? run({ cancelled: false }) : jobs.run(input.jobId, run);
}

async function exportRows(ctx: RecordContext, { entity, language, where: filterWhere, mine }: ExportInput, progress: (done: number, total: number) => void, job: Job): Promise<ExportResult> {
  const format = FORMATS[language];
  // Masked fields are left out like hidden ones: an export is a copy that leaves the app, and
  // "•••• 4821" is of no use in it (data minimisation). Revealing stays a single, audited act.
  // The restriction's own fields would be empty in every row: a restricted person is left out.
  const fields = visibleFields(ctx.db, ctx.access, entity).filter((f) => f.access !== 'masked' && !(entity === 'contact' && RESTRICTION_FIELDS.has(f.key)));
  // An export is a read that leaves the app: only records the caller may both read and export. A
  // role whose export scope is wider than its read scope hands out nothing it does not show.
  const readable = scopeCondition(ctx.access, entity, 'read');
  const exportable = scopeCondition(ctx.access, entity, 'export');
  // Narrowed as the list is: only by fields the caller may read in full (filterConditions).
  const filter = filterConditions(ctx.db, ctx.access, { entity, where: filterWhere, mine });
  const scope = {
    sql: [`(${readable.sql})`, `(${exportable.sql})`, ...filter.sql].join(' AND '),
    params: [...readable.params, ...exportable.params, ...filter.params],
  };
  const table = ENTITIES[entity].table;
  // A person whose processing is restricted (GDPR art. 18) is kept, not handed out.
  const where = `deleted_at IS NULL AND ${scope.sql}${entity === 'contact' ? ` AND ${notRestrictedSql()}` : ''}`;
  // Elsewhere (an activity, an invoice) a link to a restricted person is written empty: their name
  // is theirs, the record is the business's. Few people are restricted; the set is read once.
  const linksPeople = entity !== 'contact' && fields.some((f) => f.type === 'reference' && f.references === 'contact');
  const restrictedPeople = new Set<number>(linksPeople ? (ctx.db.prepare('SELECT id FROM contacts WHERE restricted_since IS NOT NULL').pluck().all() as number[]) : []);
  const leftOutPeople = new Set<number>();
  const total = (prepared(ctx.db, `SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...scope.params) as { n: number }).n;
  const batch = prepared(ctx.db, `SELECT * FROM ${table} WHERE ${where} AND id > ? ORDER BY id LIMIT ${EXPORT_BATCH_SIZE}`);
  const lines = [fields.map((f) => textCell(header(f, language))).join(format.separator)];
  let after = 0;
  for (;;) {
    if (!ctx.db.open) throw new KluisError('LOCKED', 'records.lockedDuringExport');
    if (job.cancelled) return { fileName: '', csv: '', count: 0, restricted: 0, cancelled: true };
    const read = ctx.db.transaction(() => {
      // Within one batch, each linked record is looked up once (an organisation on all its contacts).
      const links = rememberedLinkTitles(ctx.db, ctx.access);
      const rows = batch.all(...scope.params, after) as Row[];
      for (const row of rows) {
        const view = viewOf(ctx.db, ctx.access, entity, row, fields, links);
        const refTitle = (f: VisibleField): string | undefined => {
          const linked = view.refs[f.key];
          if (linked && f.references === 'contact' && restrictedPeople.has(linked.id)) {
            leftOutPeople.add(linked.id);
            return undefined;
          }
          return linked?.title;
        };
        lines.push(fields.map((f) => cell(f, view.values[f.key], refTitle(f), language, format)).join(format.separator));
      }
      return rows;
    })();
    const last = read.at(-1);
    if (last === undefined) break;
    after = last.id as number;
    progress(Math.min(lines.length - 1, total), Math.max(total, lines.length - 1));
    await yieldToEventLoop();
  }
  const count = lines.length - 1;
  ctx.db.transaction(() => audit(ctx.open, { actor: ctx.user.id, action: 'data.exported', details: { entity, count } })).immediate();
  return {
    // Named in the file's language, on the install's day (shared/fileNames.ts).
    fileName: exportFileName(entity, language, localDay()),
    csv: `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`,
    count,
    restricted: entity === 'contact' ? countRestricted(ctx, scope) : leftOutPeople.size,
    cancelled: false,
  };
}
