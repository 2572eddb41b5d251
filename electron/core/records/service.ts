/**
 * Creating, changing and showing records. Every write is a RowChange through rows.ts and is
 * audited; every record that leaves is shaped by the fields in force and the caller's field rights
 * (hidden fields absent, masked ones masked); every change that enters is checked against them.
 */
import type { SessionUser } from '../../../shared/apiTypes';
import type { RecordSummary, RecordView } from '../../../shared/recordTypes';
import { lowerCase, type CoreMessage, type CoreMessageId } from '../../../shared/coreMessages';
import { ENTITIES, fixedReason, type EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { rowInScope, type Access } from '../access/access';
import { fieldErrorDetails, KluisError } from '../errors';
import { audit, type OpenInstall } from '../session/openInstall';
import { activeFields, type ActiveField } from './fields';
import type { Command } from '../history/journal';
import { customOf, readLinkedRow, readRow, sortKeyOf, titleOf, type Row } from './rows';
import { checkValues, type FieldErrors, type StoredValue } from './validate';
import { refuseReleasingHold, stampedHold } from '../history/legalHold';
import { consentDayErrors, refuseUnreadableCounterpart } from './consentDays';
import { refuseLinkToRestricted, refuseWhileRestricted } from './restriction';

export type { RecordView };

export interface RecordContext {
  db: Db;
  user: SessionUser;
  open: OpenInstall;
  access: Access;
}

/** A context that may write: every change goes into the command it belongs to (DESIGN §7). */
export interface WriteContext extends RecordContext {
  command: Command;
}

/** What a masked value shows; a value shown in part starts with it too (the renderer's isMasked). */
export const MASK = '••••';

/**
 * A masked value. A phone number keeps its last four digits (`•••• 4821`), whatever it is written
 * with ("+31 6 12 34 56 78" shows `•••• 5678`): enough to recognise, not enough to use; a number of
 * fewer than seven digits shows the mask alone, as four would be most of it. Anything else shows the
 * mask alone: the last characters of a date are a birthday, of a name or a note they are part of
 * what the mask hides, and special-category data tells too much in part. Revealing the whole value
 * is an audited action.
 */
export function maskValue(value: StoredValue, field: Pick<ActiveField, 'type' | 'sensitivity'>): string | null {
  if (value === null) return null;
  const digits = String(value).replace(/\D/g, '');
  return field.type === 'phone' && field.sensitivity !== 'special' && digits.length > 6 ? `${MASK} ${digits.slice(-4)}` : MASK;
}

/** Whether the caller may read every field a kind's title is made of in full. */
export function titleReadable(access: Access, entity: EntityName): boolean {
  return readableInFull(access, entity, ENTITIES[entity].titleFields);
}

/** Whether the caller may read every one of these fields in full (neither masked nor hidden). */
export function readableInFull(access: Access, entity: EntityName, keys: readonly string[]): boolean {
  const { fields } = ENTITIES[entity];
  return keys.every((key) => {
    const right = access.field(entity, key, fields.find((f) => f.key === key)?.sensitivity ?? 'normal');
    return right === 'read' || right === 'edit';
  });
}

/**
 * The record's title as the caller may see it: a title field they may see only masked, or not at
 * all, shows as the mask — a masked name is not shown in part, nor in the title it is part of.
 */
export function titleFor(access: Access, entity: EntityName, row: Row): string {
  const { titleFields, fields } = ENTITIES[entity];
  let readable = false;
  const parts: string[] = [];
  for (const key of titleFields) {
    const value = row[key];
    if (value === null || value === undefined || value === '') continue;
    const sensitivity = fields.find((f) => f.key === key)?.sensitivity ?? 'normal';
    const right = access.field(entity, key, sensitivity);
    if (right === 'read' || right === 'edit') {
      parts.push(String(value));
      readable = true;
    } else if (parts.at(-1) !== MASK) parts.push(MASK);
  }
  return readable ? parts.join(' ') : parts.length > 0 ? MASK : titleOf(entity, row);
}

/** A field in force that the caller may see, with the access they have to it. */
export type VisibleField = ActiveField & { access: 'masked' | 'read' | 'edit' };

/** The fields in force that this caller may see at all, with the access they have to each. */
export function visibleFields(db: Db, access: Access, entity: EntityName): VisibleField[] {
  return activeFields(db, entity)
    .map((f) => ({ ...f, access: access.field(entity, f.key, f.sensitivity) }))
    .filter((f): f is VisibleField => f.access !== 'hidden');
}

/**
 * The fields a list row carries: those of the list's columns (listed in the registry, and every
 * custom field) that the caller may see. The title fields are read for the title whatever this says.
 */
export function listFields(db: Db, access: Access, entity: EntityName): VisibleField[] {
  return visibleFields(db, access, entity).filter((f) => f.custom || f.listed === true);
}

function forbidden(message: CoreMessage): KluisError {
  return new KluisError('FORBIDDEN', message);
}

/** "No such contact.": what a record the caller may not read, or that is gone, is to them. */
function noSuchRecord(entity: EntityName): KluisError {
  return new KluisError('NOT_FOUND', { id: 'common.noSuchRecord', values: { entity: lowerCase(ENTITIES[entity].label.singular) } });
}

/** One message per action, not the action's name in one message: Dutch puts the verb elsewhere. */
const MAY_NOT: Record<'update' | 'delete' | 'restore' | 'export', CoreMessageId> = {
  update: 'records.mayNotUpdate',
  delete: 'records.mayNotDelete',
  restore: 'records.mayNotRestore',
  export: 'records.mayNotExport',
};

/**
 * A live record the caller may act on. Outside the read scope it does not exist for them
 * (NOT_FOUND, so ids cannot be probed); readable but outside the action's scope is FORBIDDEN.
 */
export function requireRowFor(ctx: { db: Db; access: Access }, entity: EntityName, id: number, action: 'read' | 'update' | 'delete' | 'restore' | 'export'): Row {
  const row = readRow(ctx.db, entity, id);
  if (!row || !rowInScope(ctx.access, entity, 'read', row)) throw noSuchRecord(entity);
  // Still not found (it is in no list, and no change reaches it), but said as it is to someone who
  // may read it: "no such contact" of one they just had open reads as if it were lost.
  if (row.deleted_at) throw new KluisError('NOT_FOUND', { id: 'records.inTrash', values: { entity: lowerCase(ENTITIES[entity].label.singular) } });
  if (action !== 'read' && !rowInScope(ctx.access, entity, action, row)) {
    throw forbidden({ id: MAY_NOT[action], values: { entity: lowerCase(ENTITIES[entity].label.singular) } });
  }
  return row;
}

/**
 * Every value given must be for a field the caller may edit; otherwise FORBIDDEN, never dropped.
 * On create, an empty value is no value: a form may send every field it shows.
 */
function checkEditable(ctx: RecordContext, entity: EntityName, values: Record<string, unknown>, mode: 'create' | 'update'): void {
  for (const field of activeFields(ctx.db, entity)) {
    if (!(field.key in values)) continue;
    const empty = values[field.key] === null || values[field.key] === '';
    if (mode === 'create' && (empty || values[field.key] === field.defaultValue)) continue;
    if (field.setByAction) throw forbidden({ id: 'records.setByAction', values: { field: field.label } });
    if (ctx.access.field(entity, field.key, field.sensitivity) !== 'edit') {
      throw forbidden({ id: 'records.mayNotChangeField', values: { field: field.label } });
    }
  }
}

export function searchableKeys(fields: readonly ActiveField[]): Set<string> {
  return new Set(fields.filter((f) => f.searchable).map((f) => f.key));
}

function validationError(errors: FieldErrors): KluisError {
  return new KluisError('VALIDATION', 'records.invalidValues', fieldErrorDetails(errors));
}

/** A live (not deleted) record, or NOT_FOUND. */
export function requireRow(db: Db, entity: EntityName, id: number): Row {
  const row = readRow(db, entity, id);
  if (!row || row.deleted_at) throw noSuchRecord(entity);
  return row;
}

/** The live record a link points to, as far as the link shows it, if the caller may read it; else null. */
export function readableLinkTarget(db: Db, access: Access, entity: EntityName, id: number): Row | null {
  const target = readLinkedRow(db, entity, id);
  return target && rowInScope(access, entity, 'read', target) ? target : null;
}

/** A link may only point at a live record the caller can read. */
function checkReferences(ctx: { db: Db; access: Access }, fields: readonly ActiveField[], values: Record<string, StoredValue>): void {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const id = values[field.key];
    if (field.type !== 'reference' || typeof id !== 'number' || !field.references) continue;
    if (!readableLinkTarget(ctx.db, ctx.access, field.references, id)) errors[field.key] = { id: 'records.referenceMissing' };
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

function withCustom(row: Row, custom: Record<string, StoredValue>): Row {
  const merged = { ...customOf(row), ...custom };
  for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
  return { ...row, custom: Object.keys(merged).length > 0 ? JSON.stringify(merged) : null };
}

/**
 * The links that say whom a record is about, most particular first: a call logged on a deal is
 * about that deal, one on a person about that person.
 */
const ABOUT: Partial<Record<EntityName, readonly { key: string; entity: EntityName }[]>> = {
  activity: [
    { key: 'deal_id', entity: 'deal' },
    { key: 'contact_id', entity: 'contact' },
    { key: 'organisation_id', entity: 'organisation' },
  ],
  deal: [
    { key: 'contact_id', entity: 'contact' },
    { key: 'organisation_id', entity: 'organisation' },
  ],
  consent: [{ key: 'contact_id', entity: 'contact' }],
};

/**
 * The team a new record is for: that of the record it is about, when that has one, so a call the
 * office logs on a sales team's customer is read by that team (a walk, 3 December: the rep who owned
 * the customer never saw it); else the maker's first team. The maker owns it either way.
 */
function teamOfNew(ctx: WriteContext, entity: EntityName, values: Row): number | null {
  for (const { key, entity: about } of ABOUT[entity] ?? []) {
    const id = values[key];
    const team = typeof id === 'number' ? readLinkedRow(ctx.db, about, id)?.team_id : null;
    if (typeof team === 'number') return team;
  }
  return ctx.access.teamIds[0] ?? null;
}

/**
 * `asConsequence`: the record is written by the core as the result of an action the caller may take
 * (the timeline note of a payment reminder), not typed by the caller, so their field rights on it do
 * not apply. It is still validated, written through rows.ts and audited.
 */
export function createRecord(ctx: WriteContext, entity: EntityName, values: Record<string, unknown>, options: { asConsequence?: boolean } = {}): RecordView {
  const id = insertRecord(ctx, entity, values, options);
  return viewOf(ctx.db, ctx.access, entity, readRow(ctx.db, entity, id)!);
}

/** createRecord without the view of the result, for writers that need only the id (import, reminders). */
export function insertRecord(ctx: WriteContext, entity: EntityName, values: Record<string, unknown>, options: { asConsequence?: boolean } = {}): number {
  const fields = activeFields(ctx.db, entity);
  if (!options.asConsequence) {
    // The channel checked the kind it names; this holds for what a call creates besides (an
    // import's organisations), whoever calls.
    if (ctx.access.scope(entity, 'create') === 'none') {
      throw forbidden({ id: 'session.mayNotCreate', values: { entity: lowerCase(ENTITIES[entity].label.singular) } });
    }
    checkEditable(ctx, entity, values, 'create');
  }
  const defaults = Object.fromEntries(fields.filter((f) => f.defaultValue !== undefined && !(f.key in values)).map((f) => [f.key, f.defaultValue]));
  const checked = checkValues(fields, { ...defaults, ...values }, 'create');
  if (!checked.ok) throw validationError(checked.errors);
  const dayErrors = entity === 'consent' ? consentDayErrors(checked.builtIn, Object.keys(checked.builtIn)) : {};
  if (Object.keys(dayErrors).length > 0) throw validationError(dayErrors);
  // The core's own record (a reminder's note) links what the core read from the file, whoever
  // caused it: it names nothing to the caller, so the caller's read scope is no bar to it.
  if (!options.asConsequence) checkReferences(ctx, fields, checked.builtIn);
  refuseLinkToRestricted(ctx.db, entity, checked.builtIn, null, (person) => titleFor(ctx.access, 'contact', person));
  const now = new Date().toISOString();
  // A new record belongs to its maker, so "own" scopes follow it, and to a team (teamOfNew).
  const base: Row = { ...checked.builtIn, owner_id: ctx.user.id, team_id: teamOfNew(ctx, entity, checked.builtIn), created_at: now, updated_at: now, deleted_at: null };
  const after = stampedHold(entity, null, withCustom({ ...base, sort_key: sortKeyOf(entity, base) }, checked.custom));
  const id = ctx.command.write({ entity, id: 0, before: null, after }, searchableKeys(fields), { consequence: options.asConsequence });
  audit(ctx.open, { actor: ctx.user.id, action: 'records.created', target: `${entity}:${id}` });
  return id;
}

/**
 * A change of a field that no longer changes (fixedReason): set once and never edited (a consent's
 * person and purpose), or part of what was published (a campaign's message), by field.
 */
function fixedFieldErrors(entity: EntityName, fields: readonly ActiveField[], before: Row, changes: Row): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (!(field.key in changes) || changes[field.key] === before[field.key]) continue;
    const reason = fixedReason(entity, field.key, before);
    if (reason) errors[field.key] = { id: reason === 'recorded' ? 'records.fixedOnceRecorded' : 'records.fixedOncePublished' };
  }
  return errors;
}

/**
 * The fields this edit changes that someone changed since the form was opened: their value now is
 * neither what the form was opened with (`expected`) nor what this edit writes. A form sends what it
 * was opened with, so a second window's or a colleague's change is not overwritten unseen.
 */
function changedSinceOpened(fields: readonly ActiveField[], before: Row, checked: { builtIn: Row; custom: Row }, expected: Record<string, unknown>): FieldErrors {
  const custom = customOf(before);
  const errors: FieldErrors = {};
  for (const field of fields) {
    const writes = field.custom ? checked.custom : checked.builtIn;
    if (!(field.key in expected) || !(field.key in writes)) continue;
    const now = (field.custom ? custom[field.key] : before[field.key]) ?? null;
    if (now !== (expected[field.key] ?? null) && now !== (writes[field.key] ?? null)) errors[field.key] = { id: 'records.changedSinceOpened' };
  }
  return errors;
}

export function updateRecord(ctx: WriteContext, entity: EntityName, id: number, values: Record<string, unknown>, expected?: Record<string, unknown>): RecordView {
  const fields = activeFields(ctx.db, entity);
  const before = requireRowFor(ctx, entity, id, 'update');
  if (entity === 'contact') refuseWhileRestricted(before, 'update', titleFor(ctx.access, entity, before));
  checkEditable(ctx, entity, values, 'update');
  const checked = checkValues(fields, values, 'update');
  if (!checked.ok) throw validationError(checked.errors);
  const changed = expected ? changedSinceOpened(fields, before, checked, expected) : {};
  if (Object.keys(changed).length > 0) throw new KluisError('CONFLICT', 'records.changedSinceOpened', fieldErrorDetails(changed));
  const fixed = fixedFieldErrors(entity, fields, before, checked.builtIn);
  if (Object.keys(fixed).length > 0) throw validationError(fixed);
  checkReferences(ctx, fields, checked.builtIn);
  refuseLinkToRestricted(ctx.db, entity, checked.builtIn, before, (person) => titleFor(ctx.access, 'contact', person));
  const merged: Row = { ...before, ...checked.builtIn, updated_at: new Date().toISOString() };
  if (entity === 'consent') {
    refuseUnreadableCounterpart(ctx.access, before, Object.keys(checked.builtIn));
    const dayErrors = consentDayErrors(merged, Object.keys(checked.builtIn));
    if (Object.keys(dayErrors).length > 0) throw validationError(dayErrors);
  }
  refuseReleasingHold(entity, before, merged);
  const after = stampedHold(entity, before, withCustom({ ...merged, sort_key: sortKeyOf(entity, merged) }, checked.custom));
  // Values that are already there change nothing: no write, no journal entry, no audit line.
  if (Object.keys(after).every((key) => key === 'updated_at' || after[key] === before[key])) return viewOf(ctx.db, ctx.access, entity, before);
  ctx.command.write({ entity, id, before, after }, searchableKeys(fields));
  audit(ctx.open, { actor: ctx.user.id, action: 'records.updated', target: `${entity}:${id}`, details: { fields: Object.keys(values).length } });
  return viewOf(ctx.db, ctx.access, entity, readRow(ctx.db, entity, id)!);
}

/**
 * A row as the caller may see it: only fields in force and not hidden from them, masked ones
 * masked, and the titles of linked records only where the caller can read those.
 */
export function viewOf(db: Db, access: Access, entity: EntityName, row: Row, fields = visibleFields(db, access, entity), links = linkTitles(db, access)): RecordView {
  return { ...summaryOf(db, access, entity, row, fields, links), createdAt: row.created_at as string, updatedAt: row.updated_at as string };
}

/** What a link shows: the target's id and title as the caller may see it, or null when they may not. */
export type LinkTitles = (entity: EntityName, id: number) => { id: number; title: string } | null;

/** Links looked up one by one: for a record or a page, where few repeat. */
export function linkTitles(db: Db, access: Access): LinkTitles {
  return (entity, id) => {
    const target = readableLinkTarget(db, access, entity, id);
    return target ? { id, title: titleFor(access, entity, target) } : null;
  };
}

/** The most links a remembering lookup holds; then it starts over (an export of millions). */
const REMEMBERED_LINKS_MAX = 100_000;

/**
 * Links remembered for one read of many records (an export), where the same organisation recurs on
 * every contact of it. Only within one call: a title may change and a right may be taken between two.
 */
export function rememberedLinkTitles(db: Db, access: Access): LinkTitles {
  const lookUp = linkTitles(db, access);
  const known = new Map<string, ReturnType<LinkTitles>>();
  return (entity, id) => {
    const key = `${entity}:${id}`;
    let link = known.get(key);
    if (link === undefined) {
      if (known.size >= REMEMBERED_LINKS_MAX) known.clear();
      link = lookUp(entity, id);
      known.set(key, link);
    }
    return link;
  };
}

/**
 * The record's title, owner and the given fields (masked where the caller may only see them
 * masked). Reads the row's id, owner_id, title fields, the given fields' columns and, for custom
 * fields, custom: a list selects no more (see listFields).
 */
export function summaryOf(db: Db, access: Access, entity: EntityName, row: Row, fields: readonly VisibleField[], links = linkTitles(db, access)): RecordSummary {
  const custom = customOf(row);
  const values: Record<string, StoredValue> = {};
  const refs: RecordSummary['refs'] = {};
  for (const field of fields) {
    const raw = field.custom ? (custom[field.key] ?? null) : (row[field.key] ?? null);
    values[field.key] = field.access === 'masked' ? maskValue(raw, field) : raw;
    if (field.type === 'reference' && field.references && field.access !== 'masked') {
      refs[field.key] = typeof raw === 'number' ? links(field.references, raw) : null;
    }
  }
  return {
    entity,
    id: row.id as number,
    title: titleFor(access, entity, row),
    values,
    refs,
    ownerId: (row.owner_id as number | null) ?? null,
  };
}
