/**
 * The trash (DESIGN §7): deleting moves records, with their own parts, out of lists and search;
 * restoring brings them back together. Both are commands, so Ctrl+Z reverses them too. Links from
 * other records stay in place while a record is in the trash (they show as empty), so a restore
 * puts everything back as it was; only permanent deletion really unlinks them.
 */
import { lowerCase } from '../../../shared/coreMessages';
import { tally, type DeleteResult, type HistoryResult, type TrashItem, type TrashPage } from '../../../shared/historyTypes';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../../../shared/registry';
import { rowInScope, scopeCondition } from '../access/access';
import { prepared } from '../db/statements';
import { KluisError } from '../errors';
import { getMeta } from '../install/meta';
import { readPolicy } from '../install/policy';
import { audit } from '../session/openInstall';
import { activeFields } from '../records/fields';
import { openCursor, sealCursor } from '../records/cursor';
import { readRow, type Row } from '../records/rows';
import { MASK, searchableKeys, titleFor, titleReadable, type RecordContext } from '../records/service';
import { planDeletion, checkReviewed, inTrashFor, recordKey } from './impact';
import { runCommand } from './journal';

export function moveToTrash(ctx: RecordContext, entity: EntityName, ids: readonly number[], reviewedTotal: number | undefined): DeleteResult {
  const { impact, targets, parts } = planDeletion(ctx, entity, ids, 'trash');
  checkReviewed(impact, reviewedTotal);
  const now = new Date().toISOString();
  const trashed = (row: Row, trashedWith: string | null): Row => ({ ...row, deleted_at: now, updated_at: now, deleted_by: ctx.user.id, trashed_with: trashedWith });
  const { command } = runCommand(ctx, { verb: 'delete', entity, count: targets.length }, {}, (write) => {
    const searchable = searchableKeys(activeFields(ctx.db, entity));
    // Out of search at once (search passes over trashed records), out of the index by the cleanup.
    for (const row of targets) write.command.write({ entity, id: row.id as number, before: row, after: trashed(row, null) }, searchable, { searchRemoval: 'later' });
    for (const part of parts) {
      const partSearchable = searchableKeys(activeFields(ctx.db, part.entity));
      write.command.write({ entity: part.entity, id: part.row.id as number, before: part.row, after: trashed(part.row, part.parent) }, partSearchable, { consequence: true, searchRemoval: 'later' });
    }
  });
  for (const row of targets) {
    audit(ctx.open, { actor: ctx.user.id, action: 'records.deleted', target: recordKey(entity, row.id as number), details: { withIt: parts.filter((p) => p.parent === recordKey(entity, row.id as number)).length } });
  }
  return { command: command!, total: impact.total };
}

/** A record to bring back from the trash: its kind and id. */
export interface TrashKey {
  entity: EntityName;
  id: number;
}

/**
 * Brings records out of the trash, each with everything that went there with it, as one command:
 * one undo sends them all back. Every record is checked first; if one is not in the trash (a
 * colleague restored it) or may not be restored, nothing is (the channel takes each record once).
 */
export function restoreFromTrash(ctx: RecordContext, items: readonly TrashKey[]): HistoryResult {
  const targets: { entity: EntityName; row: Row }[] = [];
  for (const { entity, id } of items) {
    const row = readRow(ctx.db, entity, id);
    const values = { entity: lowerCase(ENTITIES[entity].label.singular) };
    if (!row || !row.deleted_at || !inTrashFor(ctx, entity, row)) throw new KluisError('NOT_FOUND', { id: 'history.noSuchInTrash', values });
    if (row.trashed_with) throw new KluisError('VALIDATION', { id: 'history.restoreTrashedWith', values });
    targets.push({ entity, row });
  }
  const kinds = new Set(targets.map((target) => target.entity));
  // Records of one kind are named by it ("Restore 3 contacts"); a mix is counted as records.
  const entity = kinds.size === 1 ? (targets[0] as { entity: EntityName }).entity : null;
  const now = new Date().toISOString();
  const restored = (r: Row): Row => ({ ...r, deleted_at: null, deleted_by: null, trashed_with: null, updated_at: now });
  const records: HistoryResult['records'] = [];
  const withIt = new Map<string, number>();
  let unreadable = 0;
  const { command } = runCommand(ctx, { verb: 'restore', entity, count: targets.length }, {}, (write) => {
    for (const { entity: kind, row } of targets) {
      const id = row.id as number;
      const key = recordKey(kind, id);
      write.command.write({ entity: kind, id, before: row, after: restored(row) }, searchableKeys(activeFields(ctx.db, kind)));
      records.push({ entity: kind, id, title: titleFor(ctx.access, kind, row), state: 'back' });
      let parts = 0;
      for (const child of ENTITIES[kind].ownedChildren ?? []) {
        const searchable = searchableKeys(activeFields(ctx.db, child.entity));
        const rows = prepared(ctx.db, `SELECT * FROM ${ENTITIES[child.entity].table} WHERE trashed_with = ?`).all(key) as Row[];
        for (const part of rows) {
          write.command.write({ entity: child.entity, id: part.id as number, before: part, after: restored(part) }, searchable, { consequence: true });
          parts++;
          // A part the user may not read (a colleague's activity) comes back too, but is only counted.
          if (rowInScope(ctx.access, child.entity, 'read', part)) records.push({ entity: child.entity, id: part.id as number, title: titleFor(ctx.access, child.entity, part), state: 'back' });
          else unreadable++;
        }
      }
      withIt.set(key, parts);
    }
  });
  for (const [key, parts] of withIt) audit(ctx.open, { actor: ctx.user.id, action: 'records.restored', target: key, details: { withIt: parts } });
  return { command: command!, records: records.slice(0, 20), more: Math.max(0, records.length - 20), unseen: unreadable, ...tally(records) };
}

const TITLE_SQL: Record<EntityName, string> = Object.fromEntries(
  ENTITY_NAMES.map((name) => [name, ENTITIES[name].titleFields.map((f) => `coalesce(${f}, '')`).join(" || ' ' || ")]),
) as Record<EntityName, string>;

/**
 * What the caller deleted or may restore, newest first: records deleted themselves, not the parts
 * that went with them (those are counted on their record). One keyset over every entity in scope.
 */
export function listTrash(ctx: RecordContext, input: { after?: string; limit?: number }): TrashPage {
  const limit = input.limit ?? 50;
  // Sealed like a list's (records/cursor.ts): the window hands back only what it was given.
  const cursorContext = ['trash.list', ctx.access.userId];
  const cursor = input.after ? openCursor(cursorContext, input.after, 3) : null;
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const entity of ENTITY_NAMES) {
    const scope = scopeCondition(ctx.access, entity, 'restore');
    const read = scopeCondition(ctx.access, entity, 'read');
    if (scope.sql === '0' || read.sql === '0') continue;
    parts.push(
      `SELECT '${entity}' AS entity, id, trim(${TITLE_SQL[entity]}) AS title, deleted_at, deleted_by FROM ${ENTITIES[entity].table}
       WHERE deleted_at IS NOT NULL AND trashed_with IS NULL AND ${scope.sql} AND ${read.sql}${cursor ? ` AND (deleted_at, '${entity}', id) < (?, ?, ?)` : ''}`,
    );
    params.push(...scope.params, ...read.params, ...(cursor ?? []));
  }
  const retentionDays = readPolicy(ctx.db).trashRetentionDays;
  const last = getMeta(ctx.db, 'trash.last_emptied');
  const lastEmptied = last ? (JSON.parse(last) as TrashPage['lastEmptied']) : null;
  if (parts.length === 0) return { items: [], next: null, retentionDays, lastEmptied };
  const rows = ctx.db
    .prepare(
      `SELECT t.*, u.display_name AS deleted_by_name FROM (${parts.join(' UNION ALL ')}) t LEFT JOIN users u ON u.id = t.deleted_by
       ORDER BY t.deleted_at DESC, t.entity DESC, t.id DESC LIMIT ?`,
    )
    .all(...params, limit + 1) as { entity: EntityName; id: number; title: string; deleted_at: string; deleted_by_name: string | null }[];
  const page = rows.slice(0, limit);
  const items: TrashItem[] = page.map((r) => ({
    entity: r.entity,
    id: r.id,
    // The title comes whole from SQL: shown only when the caller may read every field it is made of.
    title: titleReadable(ctx.access, r.entity) ? r.title : MASK,
    deletedAt: r.deleted_at,
    deletedBy: r.deleted_by_name,
    withCount: (ENTITIES[r.entity].ownedChildren ?? []).reduce(
      (sum, child) => sum + (prepared(ctx.db, `SELECT count(*) FROM ${ENTITIES[child.entity].table} WHERE trashed_with = ?`).pluck().get(recordKey(r.entity, r.id)) as number),
      0,
    ),
  }));
  const lastRow = page.at(-1);
  const next = rows.length > limit && lastRow ? sealCursor(cursorContext, [lastRow.deleted_at, lastRow.entity, lastRow.id]) : null;
  return { items, next, retentionDays, lastEmptied };
}
