/**
 * The admin's Fields page in the core: switch an optional field off (its stored values are purged
 * after a confirmation that names how many records hold one), switch it on again, and add a custom
 * field — never without a purpose and a legal basis.
 */
import type { CoreMessage } from '../../../shared/coreMessages';
import type { SessionUser } from '../../../shared/apiTypes';
import type { FieldInfo } from '../../../shared/recordTypes';
import { CUSTOM_SEARCHABLE_TYPES, ENTITIES, LEGAL_BASES, type EntityName, type FieldType, type LegalBasis, type Localized, type Sensitivity } from '../../../shared/registry';
import type { Db } from '../db/open';
import { fieldErrorDetails, KluisError } from '../errors';
import { audit, type OpenInstall } from '../session/openInstall';
import { customFields, disabledFields, forgetActiveFields, type ActiveField } from './fields';
import { forgetFieldValues } from '../history/destroy';
import { Command } from '../history/journal';
import { reindex, type Row } from './rows';
import { searchableKeys } from './service';
import { activeFields } from './fields';


export function listFieldInfo(db: Db): FieldInfo[] {
  return Object.values(ENTITIES).flatMap((entity) => {
    const off = disabledFields(db, entity.name);
    const all: readonly ActiveField[] = [...entity.fields.map((f) => ({ ...f, custom: false })), ...customFields(db, entity.name)];
    return all.map((f) => ({
      entity: entity.name,
      key: f.key,
      type: f.type,
      label: f.label,
      purpose: f.purpose,
      legalBasis: f.legalBasis,
      sensitivity: f.sensitivity,
      retention: f.retention,
      optional: f.optional,
      required: f.required ?? false,
      custom: f.custom,
      enabled: !off.has(f.key),
      searchable: f.searchable === true,
      ...(f.maxLength ? { maxLength: f.maxLength } : {}),
      ...(f.notAfterToday ? { notAfterToday: true } : {}),
      ...(f.suggests ? { suggests: f.suggests } : {}),
      ...(f.options ? { options: f.options } : {}),
      ...(f.optionLabels ? { optionLabels: f.optionLabels } : {}),
      ...(f.references ? { references: f.references } : {}),
    }));
  });
}

function findField(db: Db, entity: EntityName, key: string): ActiveField {
  const field = [...ENTITIES[entity].fields.map((f) => ({ ...f, custom: false })), ...customFields(db, entity)].find((f) => f.key === key);
  if (!field) throw new KluisError('NOT_FOUND', 'common.noSuchField');
  return field;
}

/** How many live and deleted records hold a value in the field. */
export function countValues(db: Db, entity: EntityName, field: ActiveField): number {
  const table = ENTITIES[entity].table;
  const column = field.custom ? `json_extract(custom, '$.${field.key}')` : field.key;
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL`).get() as { n: number }).n;
}

/**
 * Switching off asks twice: without `confirmValueCount` it answers CONFLICT with the number of
 * records holding a value; with the matching number it purges them. The purge overwrites the values
 * (secure_delete is on) and the search index entries that held them.
 */
export function setFieldEnabled(
  ctx: { db: Db; user: SessionUser; open: OpenInstall },
  input: { entity: EntityName; field: string; enabled: boolean; confirmValueCount?: number | undefined },
  /** Throws STEP_UP_REQUIRED without a fresh code: called only before values are deleted. */
  requireFreshCode: () => void,
): { enabled: boolean; purged: number } {
  const { db } = ctx;
  const field = findField(db, input.entity, input.field);
  if (!field.optional) throw new KluisError('CONFLICT', 'records.fieldNeeded');
  // Already as asked (a second click, another admin first): nothing changes, so nothing is audited
  // or journalled, and switching off asks for no confirmation — its values were purged before.
  const isOn = !disabledFields(db, input.entity).has(input.field);
  if (isOn === input.enabled) return { enabled: isOn, purged: 0 };
  if (input.enabled) {
    db.prepare('DELETE FROM field_settings WHERE entity = ? AND field = ?').run(input.entity, input.field);
    forgetActiveFields(db);
    audit(ctx.open, { actor: ctx.user.id, action: 'fields.enabled', target: `field:${input.entity}.${input.field}` });
    return { enabled: true, purged: 0 };
  }
  const count = countValues(db, input.entity, field);
  if (input.confirmValueCount !== count) {
    throw new KluisError('CONFLICT', count === 1 ? 'records.fieldHoldsValuesOne' : { id: 'records.fieldHoldsValues', values: { count } }, { valueCount: count });
  }
  // Deleting values for good takes a fresh code, as an erasure does; asked only now, after the
  // user has seen how many values go, so the warning comes before the authenticator.
  if (count > 0) requireFreshCode();
  const table = ENTITIES[input.entity].table;
  if (field.custom) db.prepare(`UPDATE ${table} SET custom = json_remove(custom, '$.${field.key}') WHERE json_extract(custom, '$.${field.key}') IS NOT NULL`).run();
  else db.prepare(`UPDATE ${table} SET ${field.key} = NULL WHERE ${field.key} IS NOT NULL`).run();
  db.prepare('INSERT INTO field_settings (entity, field, enabled) VALUES (?, ?, 0) ON CONFLICT (entity, field) DO UPDATE SET enabled = 0').run(input.entity, input.field);
  forgetActiveFields(db);
  if (field.searchable) rebuildSearch(db, input.entity);
  forgetFieldValues(db, input.entity, field.key, field.custom);
  Command.begin(db, ctx.user.id, { verb: 'fieldOff', entity: input.entity, count }, { undoable: false }).finish();
  audit(ctx.open, { actor: ctx.user.id, action: 'fields.disabled', target: `field:${input.entity}.${input.field}`, details: { purged: count } });
  return { enabled: false, purged: count };
}

/** Writes the entity's search entries again from the fields in force. */
export function rebuildSearch(db: Db, entity: EntityName): void {
  const searchable = searchableKeys(activeFields(db, entity));
  // In batches by id: better-sqlite3 cannot write while a query is still being iterated.
  const batch = db.prepare(`SELECT * FROM ${ENTITIES[entity].table} WHERE id > ? ORDER BY id LIMIT 2000`);
  let lastId = 0;
  for (;;) {
    const rows = batch.all(lastId) as Row[];
    if (rows.length === 0) return;
    for (const row of rows) reindex(db, entity, row.id as number, row, searchable);
    lastId = rows.at(-1)!.id as number;
  }
}

const CUSTOM_TYPES = ['text', 'longText', 'email', 'phone', 'url', 'date', 'integer', 'boolean'] as const satisfies readonly FieldType[];
export type CustomFieldType = (typeof CUSTOM_TYPES)[number];
export { CUSTOM_TYPES };

export interface CustomFieldInput {
  entity: EntityName;
  label: Localized;
  type: CustomFieldType;
  purpose: Localized;
  legalBasis?: LegalBasis | '' | undefined;
  sensitivity: Sensitivity;
  retention: Localized;
  searchable?: boolean | undefined;
}

function keyFor(label: string): string {
  const base = label
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return `x_${base || 'field'}`;
}

/** The core, not the form, refuses a field without a purpose or a legal basis. */
export function addCustomField(ctx: { db: Db; user: SessionUser; open: OpenInstall }, input: CustomFieldInput): FieldInfo {
  const errors: Record<string, CoreMessage> = {};
  if (!input.purpose.en.trim() && !input.purpose.nl.trim()) errors.purpose = { id: 'records.fieldNeedsPurpose' };
  if (!input.legalBasis || !LEGAL_BASES.includes(input.legalBasis)) errors.legalBasis = { id: 'records.fieldNeedsLegalBasis' };
  if (!input.label.en.trim() && !input.label.nl.trim()) errors.label = { id: 'records.fieldNeedsName' };
  if (!input.retention.en.trim() && !input.retention.nl.trim()) errors.retention = { id: 'records.fieldNeedsRetention' };
  if (input.searchable && !CUSTOM_SEARCHABLE_TYPES.includes(input.type)) errors.searchable = { id: 'records.fieldTypeNotSearchable' };
  else if (input.searchable && input.sensitivity === 'special') errors.searchable = { id: 'records.fieldSpecialNotSearchable' };
  if (Object.keys(errors).length > 0) {
    // The form shows this above the field reasons: it names purpose and basis only when one is missing.
    const summary = errors.purpose || errors.legalBasis ? 'records.fieldIncomplete' : 'records.fieldNotComplete';
    throw new KluisError('VALIDATION', summary, fieldErrorDetails(errors));
  }
  const label = { en: input.label.en.trim() || input.label.nl.trim(), nl: input.label.nl.trim() || input.label.en.trim() };
  const purpose = { en: input.purpose.en.trim() || input.purpose.nl.trim(), nl: input.purpose.nl.trim() || input.purpose.en.trim() };
  const retention = { en: input.retention.en.trim() || input.retention.nl.trim(), nl: input.retention.nl.trim() || input.retention.en.trim() };
  const key = keyFor(label.en);
  const taken = customFields(ctx.db, input.entity).some((f) => f.key === key);
  if (taken) throw new KluisError('CONFLICT', 'records.fieldExists');
  ctx.db
    .prepare(
      `INSERT INTO custom_fields (entity, key, type, label_en, label_nl, purpose_en, purpose_nl, legal_basis, sensitivity, retention, retention_nl, searchable, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.entity, key, input.type, label.en, label.nl, purpose.en, purpose.nl, input.legalBasis, input.sensitivity, retention.en, retention.nl, input.searchable ? 1 : 0, new Date().toISOString());
  forgetActiveFields(ctx.db);
  audit(ctx.open, { actor: ctx.user.id, action: 'fields.added', target: `field:${input.entity}.${key}`, details: { legalBasis: input.legalBasis as string } });
  return listFieldInfo(ctx.db).find((f) => f.entity === input.entity && f.key === key)!;
}
