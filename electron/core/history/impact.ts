/**
 * What a deletion takes with it, computed by the core so the renderer only shows it (DESIGN §7):
 * the chosen records, their own parts that go along (ownedChildren in the registry), the records
 * that only lose their link, those that stay linked because they need it (invoices), and — for
 * permanent deletion — what blocks it; for an erasure, the records left that name the person. The
 * confirmation level follows from the impact and the policy's bulk threshold.
 */
import { lowerCase } from '../../../shared/coreMessages';
import type { DeleteImpact, DeleteMode, EntityCount } from '../../../shared/historyTypes';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../../../shared/registry';
import { rowInScope } from '../access/access';
import type { Db } from '../db/open';
import { KluisError } from '../errors';
import { readPolicy } from '../install/policy';
import { mentionsOf } from '../records/mentions';
import { readRow, type Row } from '../records/rows';
import { refuseWhileRestricted } from '../records/restriction';
import { MASK, requireRowFor, titleFor, titleReadable, type RecordContext } from '../records/service';
import { refuseWhileHeld } from './legalHold';

export interface Part {
  entity: EntityName;
  row: Row;
  /** `entity:id` of the chosen record it belongs to. */
  parent: string;
}

export interface Reference {
  entity: EntityName;
  field: string;
  required: boolean;
}

export interface DeletionPlan {
  impact: DeleteImpact;
  targets: Row[];
  parts: Part[];
  /** `entity:id` of everything that leaves: the targets and their parts. */
  going: ReadonlySet<string>;
}

export const recordKey = (entity: EntityName, id: number): string => `${entity}:${id}`;

/** Fields elsewhere that point at `entity` without being one of its parts: deleting it only unlinks them. */
export function referencesTo(entity: EntityName): Reference[] {
  const owned = new Set((ENTITIES[entity].ownedChildren ?? []).map((c) => `${c.entity}.${c.via}`));
  return ENTITY_NAMES.flatMap((other) =>
    ENTITIES[other].fields
      .filter((f) => f.type === 'reference' && f.references === entity && !owned.has(`${other}.${f.key}`))
      .map((f) => ({ entity: other, field: f.key, required: f.required === true })),
  );
}

function placeholders(ids: readonly number[]): string {
  return ids.map(() => '?').join(', ');
}

/**
 * The trash shows, restores and purges only what the caller may both read and restore: a restore
 * scope wider than the read scope (a custom role) must not name or touch records they cannot see.
 */
export function inTrashFor(ctx: RecordContext, entity: EntityName, row: Row): boolean {
  return rowInScope(ctx.access, entity, 'restore', row) && rowInScope(ctx.access, entity, 'read', row);
}

/** One chosen record, as the mode needs it: live for the trash, in the trash for purging, either for erasure. */
function target(ctx: RecordContext, entity: EntityName, id: number, mode: DeleteMode): Row {
  if (mode === 'trash') {
    const live = requireRowFor(ctx, entity, id, 'delete');
    if (entity === 'contact') refuseWhileRestricted(live, 'delete', titleFor(ctx.access, entity, live));
    return live;
  }
  const row = readRow(ctx.db, entity, id);
  const values = { entity: lowerCase(ENTITIES[entity].label.singular) };
  if (mode === 'purge') {
    if (!row || !row.deleted_at || !inTrashFor(ctx, entity, row)) throw new KluisError('NOT_FOUND', { id: 'history.noSuchInTrash', values });
    if (row.trashed_with) throw new KluisError('VALIDATION', { id: 'history.purgeTrashedWith', values });
    refuseWhileHeld(entity, row, titleFor(ctx.access, entity, row), 'history.keptByLaw');
    return row;
  }
  if (entity !== 'contact') throw new KluisError('VALIDATION', 'history.onlyPeopleErased');
  if (!row || !rowInScope(ctx.access, entity, 'read', row)) throw new KluisError('NOT_FOUND', { id: 'common.noSuchRecord', values });
  refuseWhileRestricted(row, 'erase', titleFor(ctx.access, entity, row));
  return row;
}

/** The parts of the chosen records that go with them: live ones to the trash, the trashed-with ones when purging, all when erasing. */
function partsOf(db: Db, entity: EntityName, targets: Row[], mode: DeleteMode): Part[] {
  const ids = targets.map((t) => t.id as number);
  const parts: Part[] = [];
  const taken = new Set<string>();
  for (const child of ENTITIES[entity].ownedChildren ?? []) {
    const table = ENTITIES[child.entity].table;
    const rows =
      mode === 'purge'
        ? (db.prepare(`SELECT * FROM ${table} WHERE trashed_with IN (${placeholders(ids)})`).all(...ids.map((id) => recordKey(entity, id))) as Row[])
        : (db.prepare(`SELECT * FROM ${table} WHERE ${child.via} IN (${placeholders(ids)})${mode === 'trash' ? ' AND deleted_at IS NULL' : ''}`).all(...ids) as Row[]);
    for (const row of rows) {
      const key = recordKey(child.entity, row.id as number);
      if (taken.has(key)) continue;
      taken.add(key);
      const parent = mode === 'purge' ? (row.trashed_with as string) : recordKey(entity, row[child.via] as number);
      parts.push({ entity: child.entity, row, parent });
    }
  }
  return parts;
}

/** Records that point at the chosen ones and are not going themselves. */
function countReferences(db: Db, entity: EntityName, ids: number[], going: ReadonlySet<string>, mode: DeleteMode, required: boolean): EntityCount[] {
  const counts = new Map<EntityName, number>();
  for (const ref of referencesTo(entity).filter((r) => r.required === required)) {
    const rows = db
      .prepare(`SELECT id FROM ${ENTITIES[ref.entity].table} WHERE ${ref.field} IN (${placeholders(ids)})${mode === 'trash' ? ' AND deleted_at IS NULL' : ''}`)
      .pluck()
      .all(...ids) as number[];
    const staying = rows.filter((id) => !going.has(recordKey(ref.entity, id))).length;
    if (staying > 0) counts.set(ref.entity, (counts.get(ref.entity) ?? 0) + staying);
  }
  return [...counts].map(([e, count]) => ({ entity: e, count }));
}

/**
 * What goes along with a deletion (an organisation's activities) may be about a person whose
 * processing is restricted: their data is kept, so the deletion is refused, naming them. Erasure
 * takes along only the erased person's own records.
 */
function refuseTakingAlongRestricted(ctx: RecordContext, parts: readonly Part[]): void {
  const people = [...new Set(parts.map((part) => part.row.contact_id).filter((id): id is number => typeof id === 'number'))];
  if (people.length === 0) return;
  const restricted = ctx.db.prepare(`SELECT * FROM contacts WHERE id IN (${placeholders(people)}) AND restricted_since IS NOT NULL LIMIT 1`).get(...people) as Row | undefined;
  // Named only to whoever may read the person; to anyone else the refusal says no name.
  if (restricted) refuseWhileRestricted(restricted, 'delete', rowInScope(ctx.access, 'contact', 'read', restricted) ? titleFor(ctx.access, 'contact', restricted) : MASK);
}

export function planDeletion(ctx: RecordContext, entity: EntityName, ids: readonly number[], mode: DeleteMode): DeletionPlan {
  const targets = ids.map((id) => target(ctx, entity, id, mode));
  const parts = partsOf(ctx.db, entity, targets, mode);
  if (mode !== 'erase') refuseTakingAlongRestricted(ctx, parts);
  const going = new Set([...targets.map((t) => recordKey(entity, t.id as number)), ...parts.map((p) => recordKey(p.entity, p.row.id as number))]);
  const moves = new Map<EntityName, number>();
  for (const part of parts) moves.set(part.entity, (moves.get(part.entity) ?? 0) + 1);
  const targetIds = targets.map((t) => t.id as number);
  const unlinks = countReferences(ctx.db, entity, targetIds, going, mode, false);
  // In the trash a record still exists, so what needs it keeps its link and nothing blocks moving it
  // there; gone for good, a required link would dangle.
  const needing = countReferences(ctx.db, entity, targetIds, going, mode, true);
  const keeps = mode === 'trash' ? needing : [];
  const blockers = mode === 'trash' ? [] : needing;
  const titles = targets.map((t) => titleFor(ctx.access, entity, t));
  const threshold = readPolicy(ctx.db).bulkConfirmThreshold;
  const typed = mode !== 'trash' || targets.length >= threshold;
  const level = typed ? 'typed' : targets.length > 1 || unlinks.length > 0 || keeps.length > 0 ? 'review' : 'simple';
  return {
    targets,
    parts,
    going,
    impact: {
      mode,
      entity,
      count: targets.length,
      titles: titles.slice(0, 10),
      moves: [...moves].map(([e, count]) => ({ entity: e, count })),
      unlinks,
      keeps,
      blockers,
      total: targets.length + parts.length,
      level,
      // A name the caller sees masked cannot be typed: then the count is typed, as for many.
      typeToConfirm: typed ? (targets.length === 1 && titleReadable(ctx.access, entity) ? titles[0]! : String(targets.length)) : null,
      undoable: mode === 'trash',
      // Filled in for the review only (reviewImpact): the deletion itself has no use for a search.
      mentions: null,
    },
  };
}

/** The impact a confirmation shows: for an erasure, with the records it leaves that name the person. */
export function reviewImpact(ctx: RecordContext, entity: EntityName, ids: readonly number[], mode: DeleteMode): DeleteImpact {
  const plan = planDeletion(ctx, entity, ids, mode);
  if (mode !== 'erase') return plan.impact;
  return { ...plan.impact, mentions: mentionsOf(ctx.db, ctx.access, plan.targets[0]!, plan.going) };
}

/** The deletion must be the one the user reviewed: nothing more went along since. */
export function checkReviewed(impact: DeleteImpact, reviewedTotal: number | undefined): void {
  const mustReview = impact.level !== 'simple';
  if (mustReview && reviewedTotal === undefined) throw new KluisError('VALIDATION', 'history.reviewFirst');
  if (reviewedTotal !== undefined && reviewedTotal !== impact.total) {
    throw new KluisError('CONFLICT', 'history.reviewAgain');
  }
}
