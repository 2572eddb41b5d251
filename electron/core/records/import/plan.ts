/**
 * What preview and run share: the file decoded and parsed, the columns mapped to fields in force,
 * and each row converted and validated exactly as createRecord will validate it.
 */
import { CORE_MESSAGES, lowerCase, reasonsText, type CoreMessage, type FieldReason } from '../../../../shared/coreMessages';
import type { ImportRowProblem } from '../../../../shared/recordTypes';
import { ENTITIES, type EntityName } from '../../../../shared/registry';
import type { Db } from '../../db/open';
import { KluisError } from '../../errors';
import { scopeCondition, type Access } from '../../access/access';
import { activeFields, type ActiveField } from '../fields';
import { readableInFull, titleReadable } from '../service';
import { sortKeyOf, titleOf } from '../rows';
import { checkValue, checkValues, type StoredValue } from '../validate';
import { convertCell, eitherWayMark, monthFirstMark, undoFormulaGuard, type DecimalMark } from './convert';
import { decodeCsvFile } from './decode';
import { planColumns, suggestMapping, type ColumnPlan, type ImportEntity, type MappedColumn, type Mapping } from './mapping';
import { parseCsv, type CsvRecord } from './parse';

export interface ImportInput {
  entity: ImportEntity;
  file: string;
  mapping?: Mapping | undefined;
}

export interface ImportPlan extends ColumnPlan {
  entity: ImportEntity;
  fields: readonly ActiveField[];
  headers: string[];
  headerRow: number;
  width: number;
  records: CsvRecord[];
  /** Known from the file's delimiter: ';' means a spreadsheet that writes "1.234,56". */
  decimalMark: DecimalMark;
  /** Unmapped columns that name a field the importer may not fill in (ImportPreview.notEditable). */
  notEditable: { column: string; field: ActiveField }[];
  /**
   * Per date field, the marks ("/", "-", ".") its column writes month first with somewhere (a
   * "12/31/1990"), each with the first such cell and its row: a "05/06/1990" in that column could
   * then be either day, and is not guessed.
   */
  monthFirst: ReadonlyMap<string, ReadonlyMap<string, { row: number; cell: string }>>;
  /**
   * Whether a contact without an e-mail address is matched by its name and organisation: not for
   * an importer who may not read both in full, for a match would tell them (RowMatch).
   */
  matchesByName: boolean;
}

/** A reference column holds the referenced record's name (an organisation's), resolved when writing. */
export interface ReferenceName {
  field: ActiveField;
  name: string;
}

export type CheckedRow =
  | {
      ok: true;
      row: number;
      /** Converted values per field key, ready for createRecord; references not yet among them. */
      values: Record<string, StoredValue | boolean>;
      references: ReferenceName[];
      /** What makes the row a record already there or the same as an earlier row; null when nothing does. */
      match: RowMatch | null;
    }
  | { ok: false; row: number; reasons: FieldReason[] };

export function makePlan(db: Db, access: Access, input: ImportInput): ImportPlan {
  const csv = parseCsv(decodeCsvFile(input.file));
  // Only fields the importer may edit can take a column; the rest are left out like switched-off ones.
  // Nor does a field only its own action sets (a person's restriction of processing).
  const inUse = activeFields(db, input.entity);
  const fields = inUse.filter((f) => !f.setByAction && access.field(input.entity, f.key, f.sensitivity) === 'edit');
  const columns = planColumns(input.entity, csv.columns, fields, input.mapping, inUse);
  // What the suggestion would have been with every field in force: a column it would give a field
  // the importer may not fill in is left out for that reason, which the preview says.
  const withAll = suggestMapping(csv.columns, inUse);
  const editable = new Set(fields.map((f) => f.key));
  const notEditable = csv.columns.flatMap((column) => {
    const key = withAll[column.header];
    const field = key && columns.mapping[column.header] === null && !editable.has(key) ? inUse.find((f) => f.key === key) : undefined;
    return field ? [{ column: column.header, field }] : [];
  });
  return {
    ...columns,
    notEditable,
    entity: input.entity,
    fields,
    headers: csv.columns.map((c) => c.header),
    headerRow: csv.headerRow,
    width: csv.width,
    records: csv.records,
    decimalMark: csv.delimiter === ';' ? ',' : null,
    monthFirst: monthFirstColumns(columns.mapped, csv.records),
    matchesByName: input.entity === 'contact' && titleReadable(access, 'contact') && readableInFull(access, 'contact', ['organisation_id']),
  };
}

/** The date columns that write some day month first, with the marks they do so with (ImportPlan.monthFirst). */
function monthFirstColumns(mapped: readonly MappedColumn[], records: readonly CsvRecord[]): Map<string, Map<string, { row: number; cell: string }>> {
  const found = new Map<string, Map<string, { row: number; cell: string }>>();
  for (const column of mapped) {
    if (column.field.type !== 'date') continue;
    const marks = new Map<string, { row: number; cell: string }>();
    for (const record of records) {
      const cell = record.cells[column.index] ?? '';
      const mark = monthFirstMark(cell);
      if (mark !== null && !marks.has(mark)) marks.set(mark, { row: record.row, cell: cell.trim() });
    }
    if (marks.size > 0) found.set(column.field.key, marks);
  }
  return found;
}

/** "Last name: no column is mapped to it, and every contact needs one.": why a run is refused. */
export function unmappedRequiredMessage(plan: ImportPlan, field: ActiveField): CoreMessage {
  return { id: 'records.importNeedsColumn', values: { field: field.label, entity: lowerCase(ENTITIES[plan.entity].label.singular) } };
}

/** The same, one per required field left unmapped, as the preview's reasons (the message names the field). */
export function unmappedRequiredReasons(plan: ImportPlan): FieldReason[] {
  return plan.unmappedRequired.map((f) => ({ field: null, message: unmappedRequiredMessage(plan, f) }));
}

/** A row's problem as the preview and the summary report it: the reasons, and the same in English. */
export function rowProblem(row: number, reasons: FieldReason[]): ImportRowProblem {
  return { row, reason: reasonsText(reasons, CORE_MESSAGES, 'en'), reasons };
}

const titleFields = new Map<EntityName, ActiveField>();

/** The field that names a record of the referenced entity (an organisation's name). */
function titleField(entity: EntityName): ActiveField {
  let field = titleFields.get(entity);
  if (!field) {
    const key = ENTITIES[entity].titleFields[0];
    const def = ENTITIES[entity].fields.find((f) => f.key === key);
    if (!def) throw new KluisError('INTERNAL', { id: 'records.noTitleField', values: { entity } });
    field = { ...def, custom: false };
    titleFields.set(entity, field);
  }
  return field;
}

/** Field errors as reasons, in field order; a key that is no field of the plan is named as it is. */
export function fieldReasons(fields: readonly ActiveField[], errors: ReadonlyMap<string, CoreMessage>): FieldReason[] {
  const ordered: FieldReason[] = [];
  for (const f of fields) {
    const message = errors.get(f.key);
    if (message) ordered.push({ field: f.label, message });
  }
  for (const [key, message] of errors) if (!fields.some((f) => f.key === key)) ordered.push({ field: { en: key, nl: key }, message });
  return ordered;
}

/** Excel's error values, in English and in Dutch, as a cell whose formula failed is saved in a CSV. */
const SPREADSHEET_ERRORS = new Set([
  '#NAME?', '#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NULL!', '#SPILL!', '#CALC!',
  '#NAAM?', '#N/B', '#WAARDE!', '#VERW!', '#DEEL/0!', '#GETAL!', '#LEEG!', '#OVERLOOP!', '#BEREKENEN!',
]);

/** What the decoder reads a damaged byte as (U+FFFD, the replacement character). */
const UNREADABLE = '\uFFFD';

/** Converts and validates one row; nothing is read from or written to the database. */
export function checkRow(plan: ImportPlan, record: CsvRecord): CheckedRow {
  const problems: FieldReason[] = [];
  const extra = record.cells.slice(plan.width);
  if (extra.some((cell) => cell.trim() !== '')) {
    problems.push({ field: null, message: { id: 'records.rowTooWide', values: { cells: record.cells.length, columns: plan.width } } });
  }

  const errors = new Map<string, CoreMessage>();
  const values: Record<string, StoredValue | boolean> = {};
  const references: ReferenceName[] = [];
  for (const column of plan.mapped) {
    const { field } = column;
    const cell = undoFormulaGuard(record.cells[column.index] ?? '');
    // A byte the decoder could not read (decode.ts): storing the cell would keep the damage.
    if (cell.includes(UNREADABLE)) {
      errors.set(field.key, { id: 'records.unreadableCell' });
      continue;
    }
    // A formula that failed in the spreadsheet the file came from: its error is no value of anyone's.
    if (SPREADSHEET_ERRORS.has(cell.trim().toUpperCase())) {
      errors.set(field.key, { id: 'records.spreadsheetErrorCell', values: { cell: cell.trim() } });
      continue;
    }
    if (field.type === 'reference' && field.references) {
      const name = cell.trim();
      if (name === '') {
        if (field.required) errors.set(field.key, { id: 'records.required' });
        else values[field.key] = null;
        continue;
      }
      const checked = checkValue(titleField(field.references), name);
      if ('error' in checked) errors.set(field.key, checked.error);
      else references.push({ field, name: String(checked.value) });
      continue;
    }
    const either = eitherWayMark(cell);
    const monthFirst = either === null ? undefined : plan.monthFirst.get(field.key)?.get(either);
    if (monthFirst) {
      errors.set(field.key, { id: 'records.eitherWayCell', values: monthFirst });
      continue;
    }
    const converted = convertCell(field, cell, plan.decimalMark);
    if ('error' in converted) errors.set(field.key, converted.error);
    else values[field.key] = converted.value;
  }

  const skip = new Set([...references.map((r) => r.field.key), ...plan.unmappedRequired.map((f) => f.key)]);
  const checked = checkValues(plan.fields, values, 'create');
  if (!checked.ok) {
    for (const [key, message] of Object.entries(checked.errors)) {
      if (!errors.has(key) && !skip.has(key)) errors.set(key, message);
    }
  }
  problems.push(...fieldReasons(plan.fields, errors));

  if (problems.length > 0 || plan.unmappedRequired.length > 0) return { ok: false, row: record.row, reasons: problems };
  // Matched as it will be stored: "Jan <jan@x.nl>" is jan@x.nl, a name's line break a space.
  const stored = checked.ok ? checked.builtIn : values;
  return { ok: true, row: record.row, values, references, match: rowMatch(plan, stored, references) };
}

/**
 * What makes an imported row the same record as one already there, or as an earlier row: a
 * contact's e-mail address (ignoring case); a contact without one, their name and organisation
 * (ignoring case and accents; one without an organisation matches only one without); an
 * organisation's name (ignoring case and accents, as its sort key and the contact import's
 * organisation column do). A name alone is no key: two Jan Jansens at two firms are two people.
 */
export interface RowMatch {
  /** Equal keys, same record. */
  key: string;
  /** As the preview lists the row: the address, the name (with the organisation, as typed). */
  shown: string;
  /** The fields that matched, which a merge leaves as they are (a capital, an accent). */
  fields: readonly string[];
  find: { by: 'email'; email: string } | { by: 'contactName'; sortKey: string; organisation: string | null } | { by: 'organisationName'; folded: string };
}

function rowMatch(plan: ImportPlan, stored: Record<string, unknown>, references: readonly ReferenceName[]): RowMatch | null {
  if (plan.entity === 'organisation') {
    if (typeof stored.name !== 'string') return null;
    const folded = organisationKey(stored.name);
    return { key: `name:${folded}`, shown: stored.name, fields: ['name'], find: { by: 'organisationName', folded } };
  }
  if (typeof stored.email === 'string') return { key: `email:${stored.email.toLowerCase()}`, shown: stored.email, fields: ['email'], find: { by: 'email', email: stored.email } };
  if (!plan.matchesByName || typeof stored.last_name !== 'string') return null;
  const person = { first_name: typeof stored.first_name === 'string' ? stored.first_name : null, last_name: stored.last_name };
  const sortKey = sortKeyOf('contact', person);
  const organisation = references.find((ref) => ref.field.key === 'organisation_id')?.name ?? null;
  const folded = organisation === null ? null : organisationKey(organisation);
  const name = titleOf('contact', person);
  return {
    key: `person:${sortKey}\n${folded ?? ''}`,
    shown: organisation === null ? name : `${name}, ${organisation}`,
    fields: ['first_name', 'last_name'],
    find: { by: 'contactName', sortKey, organisation: folded },
  };
}

/** The row's mapped cells as the user typed them, for the preview. */
export function sampleOf(plan: ImportPlan, record: CsvRecord): { row: number; values: Record<string, string> } {
  return { row: record.row, values: Object.fromEntries(plan.mapped.map((c) => [c.field.key, (record.cells[c.index] ?? '').trim()])) };
}

/**
 * The oldest live record a match names, if any, among those the caller may read (contacts_by_email,
 * contacts_by_name and organisations_by_name serve these). The read scope is part of the SQL, as in
 * every read (docs/access.md): a record outside it does not exist for the import either, so neither
 * the preview's duplicates nor a run's skipped, merged or failed rows tell whether an address or a
 * name is in use elsewhere. Such a row imports as a new record, as it would if nobody had it.
 */
export function existingMatch(db: Db, access: Access): (match: RowMatch) => number | null {
  const organisationByName = organisationByFoldedName(db, access);
  const scope = scopeCondition(access, 'contact', 'read');
  // The scope is tested on the few rows that have the address or the name.
  const byEmail = db.prepare(`SELECT id FROM contacts WHERE email = ? COLLATE NOCASE AND deleted_at IS NULL AND ${scope.sql} ORDER BY id LIMIT 1`).pluck();
  const byName = db.prepare(`SELECT id FROM contacts WHERE sort_key = ? AND organisation_id IS ? AND deleted_at IS NULL AND ${scope.sql} ORDER BY id LIMIT 1`).pluck();
  return ({ find }) => {
    if (find.by === 'organisationName') return organisationByName(find.folded);
    if (find.by === 'email') return (byEmail.get(find.email, ...scope.params) as number | undefined) ?? null;
    // A person at an organisation the caller cannot find is at none they can: no match.
    const organisation = find.organisation === null ? null : organisationByName(find.organisation);
    if (find.organisation !== null && organisation === null) return null;
    return (byName.get(find.sortKey, organisation, ...scope.params) as number | undefined) ?? null;
  };
}

/** An organisation's name as its sort key holds it: what the import finds an organisation by. */
export function organisationKey(name: string): string {
  return sortKeyOf('organisation', { name });
}

/**
 * The oldest live organisation the caller may read whose name folds to `folded` (its sort key), if
 * any. One outside the read scope is not there: a contact's organisation column then creates one of
 * that name, as it does for a name nobody has, rather than fail on a link the caller may not make.
 * Nor is any organisation whose name the caller may not read in full (masked): a match would tell
 * them the name, as a guess that links tells it. Their rows then fail as any row that would create
 * one does, for they may not fill in a name either.
 */
export function organisationByFoldedName(db: Db, access: Access): (folded: string) => number | null {
  if (!titleReadable(access, 'organisation')) return () => null;
  const scope = scopeCondition(access, 'organisation', 'read');
  const statement = db.prepare(`SELECT id FROM organisations WHERE sort_key = ? AND deleted_at IS NULL AND ${scope.sql} ORDER BY id LIMIT 1`).pluck();
  return (folded) => (statement.get(folded, ...scope.params) as number | undefined) ?? null;
}
