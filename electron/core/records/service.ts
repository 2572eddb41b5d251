/**
 * Creating, changing, listing and finding records. Every write is a RowChange through rows.ts and
 * is audited; every read returns only the fields in force. Record scope (issue 5) plugs into the
 * WHERE clauses built here.
 */
import type { SessionUser } from '../../../shared/apiTypes';
import type { RecordView } from '../../../shared/recordTypes';
import { ENTITIES, type EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { KluisError } from '../errors';
import { audit, type OpenInstall } from '../session/openInstall';
import { activeFields, type ActiveField } from './fields';
import { applyRowChange, readRow, sortKeyOf, titleOf, type Row } from './rows';
import { checkValues, type StoredValue } from './validate';

export type { RecordView };

export interface RecordContext {
  db: Db;
  user: SessionUser;
  open: OpenInstall;
}

export function searchableKeys(fields: ActiveField[]): Set<string> {
  return new Set(fields.filter((f) => f.searchable).map((f) => f.key));
}

function validationError(errors: Record<string, string[]>): KluisError {
  return new KluisError('VALIDATION', 'Some values are not valid.', { formErrors: [], fieldErrors: errors });
}

/** A live (not deleted) record, or NOT_FOUND. */
export function requireRow(db: Db, entity: EntityName, id: number): Row {
  const row = readRow(db, entity, id);
  if (!row || row.deleted_at) throw new KluisError('NOT_FOUND', `No such ${ENTITIES[entity].label.singular.en.toLowerCase()}.`);
  return row;
}

function checkReferences(db: Db, fields: ActiveField[], values: Record<string, StoredValue>): void {
  const errors: Record<string, string[]> = {};
  for (const field of fields) {
    const id = values[field.key];
    if (field.type !== 'reference' || typeof id !== 'number' || !field.references) continue;
    const target = readRow(db, field.references, id);
    if (!target || target.deleted_at) errors[field.key] = ['That record does not exist'];
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

function customOf(row: Row): Record<string, StoredValue> {
  return typeof row.custom === 'string' ? (JSON.parse(row.custom) as Record<string, StoredValue>) : {};
}

function withCustom(row: Row, custom: Record<string, StoredValue>): Row {
  const merged = { ...customOf(row), ...custom };
  for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
  return { ...row, custom: Object.keys(merged).length > 0 ? JSON.stringify(merged) : null };
}

export function createRecord(ctx: RecordContext, entity: EntityName, values: Record<string, unknown>): RecordView {
  const fields = activeFields(ctx.db, entity);
  const checked = checkValues(fields, values, 'create');
  if (!checked.ok) throw validationError(checked.errors);
  checkReferences(ctx.db, fields, checked.builtIn);
  const now = new Date().toISOString();
  const base: Row = { ...checked.builtIn, owner_id: ctx.user.id, team_id: null, created_at: now, updated_at: now, deleted_at: null };
  const after = withCustom({ ...base, sort_key: sortKeyOf(entity, base) }, checked.custom);
  const id = applyRowChange(ctx.db, { entity, id: 0, before: null, after }, searchableKeys(fields));
  audit(ctx.open, { actor: ctx.user.id, action: 'records.created', target: `${entity}:${id}` });
  return viewOf(ctx.db, entity, readRow(ctx.db, entity, id)!, fields);
}

export function updateRecord(ctx: RecordContext, entity: EntityName, id: number, values: Record<string, unknown>): RecordView {
  const fields = activeFields(ctx.db, entity);
  const before = requireRow(ctx.db, entity, id);
  const checked = checkValues(fields, values, 'update');
  if (!checked.ok) throw validationError(checked.errors);
  checkReferences(ctx.db, fields, checked.builtIn);
  const merged: Row = { ...before, ...checked.builtIn, updated_at: new Date().toISOString() };
  const after = withCustom({ ...merged, sort_key: sortKeyOf(entity, merged) }, checked.custom);
  applyRowChange(ctx.db, { entity, id, before, after }, searchableKeys(fields));
  audit(ctx.open, { actor: ctx.user.id, action: 'records.updated', target: `${entity}:${id}`, details: { fields: Object.keys(values).length } });
  return viewOf(ctx.db, entity, readRow(ctx.db, entity, id)!, fields);
}

/** Soft delete: the record leaves lists and search, and can come back (the trash is issue 6). */
export function deleteRecord(ctx: RecordContext, entity: EntityName, id: number): void {
  const fields = activeFields(ctx.db, entity);
  const before = requireRow(ctx.db, entity, id);
  const now = new Date().toISOString();
  applyRowChange(ctx.db, { entity, id, before, after: { ...before, deleted_at: now, updated_at: now } }, searchableKeys(fields));
  audit(ctx.open, { actor: ctx.user.id, action: 'records.deleted', target: `${entity}:${id}` });
}

/** The fields in force of a row, with display titles of what its references point at. */
export function viewOf(db: Db, entity: EntityName, row: Row, fields: ActiveField[] = activeFields(db, entity)): RecordView {
  const custom = customOf(row);
  const values: Record<string, StoredValue> = {};
  const refs: RecordView['refs'] = {};
  for (const field of fields) {
    const value = field.custom ? (custom[field.key] ?? null) : (row[field.key] ?? null);
    values[field.key] = value;
    if (field.type === 'reference' && field.references) {
      const target = typeof value === 'number' ? readRow(db, field.references, value) : null;
      refs[field.key] = target && !target.deleted_at ? { id: value as number, title: titleOf(field.references, target) } : null;
    }
  }
  return {
    entity,
    id: row.id as number,
    title: titleOf(entity, row),
    values,
    refs,
    ownerId: (row.owner_id as number | null) ?? null,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  };
}
