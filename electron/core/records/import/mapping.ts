/**
 * Which column goes into which field. Only fields in force are offered or accepted: a switched-off
 * field is never suggested, and a mapping that names one is refused. Every column not mapped to a
 * field is left out — its values are never stored — and named in the preview and the summary.
 */
import { lowerCase, type CoreMessage } from '../../../../shared/coreMessages';
import { ENTITIES } from '../../../../shared/registry';
import { KluisError } from '../../errors';
import type { ActiveField } from '../fields';
import { fold } from '../fold';
import type { CsvColumn } from './parse';

export type ImportEntity = 'contact' | 'organisation';
export type Mapping = Record<string, string | null>;

export interface MappedColumn extends CsvColumn {
  field: ActiveField;
}

export interface ColumnPlan {
  mapping: Mapping;
  mapped: MappedColumn[];
  leftOut: string[];
  /** Required fields no column is mapped to: every row would fail on them. */
  unmappedRequired: ActiveField[];
}

/** A header or label in a comparable form: folded, "_" and runs of spaces as one space, no trailing ":" or "*". */
export function normalizeHeader(text: string): string {
  return fold(text)
    .replace(/[_\s]+/g, ' ')
    .replace(/[\s:*]+$/, '')
    .trim();
}

/** Fields a column can be imported into: every field in force, but references only to an organisation (by name). */
export function importableFields(fields: readonly ActiveField[]): ActiveField[] {
  return fields.filter((f) => f.type !== 'reference' || f.references === 'organisation');
}

/**
 * The field labels first (in English and Dutch), then the aliases, then the field's key; each field
 * at most once. A label is the surest match, so it goes first over the whole file: in
 * "Naam;Voornaam;Achternaam" the last name is "Achternaam", not the loose alias "naam" that comes
 * first in the file (which then stays left out, as a full name that fits no one field).
 */
export function suggestMapping(columns: readonly CsvColumn[], fields: readonly ActiveField[]): Mapping {
  const candidates = importableFields(fields);
  const mapping: Mapping = Object.fromEntries(columns.map((c) => [c.header, null]));
  const used = new Set<string>();
  const passes: ((field: ActiveField) => string[])[] = [
    (f) => [f.label.en, f.label.nl],
    (f) => [...(f.importAliases ?? [])],
    (f) => [f.key],
  ];
  for (const namesOf of passes) {
    for (const column of columns) {
      if (mapping[column.header] !== null) continue;
      const header = normalizeHeader(column.header);
      const field = candidates.find((f) => !used.has(f.key) && namesOf(f).some((name) => normalizeHeader(name) === header));
      if (field) {
        mapping[column.header] = field.key;
        used.add(field.key);
      }
    }
  }
  return mapping;
}

/**
 * Why a column cannot go into the field it is mapped to: the field cannot be imported, the importer
 * may not fill it in (their field right is less than edit), it is switched off, or it is no field of
 * this kind of record at all.
 */
function unusableField(entity: ImportEntity, column: string, key: string, fields: readonly ActiveField[], inUse: readonly ActiveField[]): CoreMessage {
  const inForce = fields.find((f) => f.key === key);
  if (inForce) return { id: 'records.mappedNotImportable', values: { column, field: inForce.label } };
  const notEditable = inUse.find((f) => f.key === key);
  if (notEditable) return { id: 'records.mappedNotEditable', values: { column, field: notEditable.label } };
  const known = ENTITIES[entity].fields.find((f) => f.key === key);
  if (known) return { id: 'records.mappedSwitchedOff', values: { column, field: known.label } };
  return { id: 'records.mappedNotAField', values: { column, key, entities: lowerCase(ENTITIES[entity].label.plural) } };
}

/**
 * Checks a mapping the user chose (or the suggestion) against the file's columns and `fields`, those
 * the importer may fill in of `inUse`, the fields in force (switched on).
 */
export function planColumns(
  entity: ImportEntity,
  columns: readonly CsvColumn[],
  fields: readonly ActiveField[],
  given: Mapping | undefined,
  inUse: readonly ActiveField[] = fields,
): ColumnPlan {
  const mapping: Mapping = given ? {} : suggestMapping(columns, fields);
  if (given) {
    const headers = new Set(columns.map((c) => c.header));
    for (const header of Object.keys(given)) {
      if (!headers.has(header)) throw new KluisError('VALIDATION', { id: 'records.mappingUnknownColumn', values: { column: header } });
    }
    // Own keys only: a column named "constructor" must not find Object's.
    for (const column of columns) mapping[column.header] = Object.hasOwn(given, column.header) ? (given[column.header] ?? null) : null;
  }

  const candidates = new Map(importableFields(fields).map((f) => [f.key, f]));
  const mapped: MappedColumn[] = [];
  const leftOut: string[] = [];
  const byField = new Map<string, string>();
  for (const column of columns) {
    const key = Object.hasOwn(mapping, column.header) ? (mapping[column.header] ?? null) : null;
    if (key === null) {
      leftOut.push(column.header);
      continue;
    }
    const field = candidates.get(key);
    if (!field) throw new KluisError('VALIDATION', unusableField(entity, column.header, key, fields, inUse), { field: key });
    const earlier = byField.get(key);
    if (earlier !== undefined) {
      const values = { field: field.label, first: earlier, second: column.header };
      throw new KluisError('VALIDATION', { id: 'records.mappedTwice', values }, { field: key });
    }
    byField.set(key, column.header);
    mapped.push({ ...column, field });
  }
  const unmappedRequired = fields.filter((f) => f.required && !byField.has(f.key));
  return { mapping, mapped, leftOut, unmappedRequired };
}
