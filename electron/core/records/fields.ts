/**
 * The fields in force for an entity: the registry's, minus the optional ones an admin switched
 * off, plus the custom fields an admin added. Everything that reads or writes records asks here.
 */
import { ENTITIES, type EntityName, type FieldDef, type FieldType, type LegalBasis, type Sensitivity } from '../../../shared/registry';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';

export interface CustomFieldRow {
  id: number;
  entity: EntityName;
  key: string;
  type: FieldType;
  label_en: string;
  label_nl: string;
  purpose_en: string;
  purpose_nl: string;
  legal_basis: LegalBasis;
  sensitivity: Sensitivity;
  /** How long values are kept, in English; in Dutch in retention_nl (null before migration 019). */
  retention: string;
  retention_nl: string | null;
  /** 1 when search finds its values (migration 021; CUSTOM_SEARCHABLE_TYPES only). */
  searchable: number;
}

export interface ActiveField extends FieldDef {
  custom: boolean;
}

export function disabledFields(db: Db, entity: EntityName): Set<string> {
  const rows = prepared(db, 'SELECT field FROM field_settings WHERE entity = ? AND enabled = 0').all(entity) as { field: string }[];
  return new Set(rows.map((r) => r.field));
}

export function customFields(db: Db, entity: EntityName): ActiveField[] {
  const rows = prepared(db, 'SELECT * FROM custom_fields WHERE entity = ? ORDER BY id').all(entity) as CustomFieldRow[];
  return rows.map((row) => ({
    key: row.key,
    type: row.type,
    label: { en: row.label_en, nl: row.label_nl },
    purpose: { en: row.purpose_en, nl: row.purpose_nl },
    legalBasis: row.legal_basis,
    sensitivity: row.sensitivity,
    // A field added before the Dutch text had a box of its own shows its one text in both languages.
    retention: { en: row.retention, nl: row.retention_nl ?? row.retention },
    optional: true,
    custom: true,
    ...(row.searchable === 1 ? { searchable: true } : {}),
    maxLength: row.type === 'longText' ? 10_000 : 500,
  }));
}

/**
 * Asked for every record read and written, changed only by an admin: kept per open database. The
 * Fields page forgets it when it changes a field, and the dispatcher after every mutating call
 * (so a rolled-back change cannot leave a stale answer behind).
 */
const cache = new WeakMap<Db, Map<EntityName, readonly ActiveField[]>>();

/** Registry fields that are on, then custom fields that are on. */
export function activeFields(db: Db, entity: EntityName): readonly ActiveField[] {
  let perEntity = cache.get(db);
  if (!perEntity) cache.set(db, (perEntity = new Map()));
  let fields = perEntity.get(entity);
  if (!fields) {
    const off = disabledFields(db, entity);
    const builtIn = ENTITIES[entity].fields.filter((f) => !off.has(f.key)).map((f) => ({ ...f, custom: false }));
    fields = Object.freeze([...builtIn, ...customFields(db, entity).filter((f) => !off.has(f.key))]);
    perEntity.set(entity, fields);
  }
  return fields;
}

export function forgetActiveFields(db: Db): void {
  cache.delete(db);
}
