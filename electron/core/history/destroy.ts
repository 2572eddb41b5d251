/**
 * Deletion for good: permanent deletion from the trash, the trash's retention job, and erasure
 * (GDPR art. 17). None of these can be undone, so each also takes the records' changes out of the
 * journal (forgetChanges): what undo cannot bring back, it must not hold.
 * `secure_delete` is on for the whole database; the caller checkpoints the WAL after commit.
 */
import type { MessageLanguage } from '../../../shared/coreMessages';
import type { DeleteResult } from '../../../shared/historyTypes';
import { localDay } from '../../../shared/localDay';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { KluisError } from '../errors';
import { setMeta } from '../install/meta';
import { readPolicy } from '../install/policy';
import { audit, type OpenInstall } from '../session/openInstall';
import { activeFields } from '../records/fields';
import { readRow, type Row } from '../records/rows';
import { journalOfRecordsAbout } from '../records/personLinks';
import { searchableKeys, type RecordContext } from '../records/service';
import { checkReviewed, planDeletion, recordKey, referencesTo, type Part } from './impact';
import { anyImportRunning, Command, runCommand } from './journal';
import { holdsUntil } from './legalHold';

interface Doomed {
  entity: EntityName;
  row: Row;
}

/**
 * Removes the rows (parts first), after unlinking every other record that points at them, and
 * forgets them in the journal. Returns how many links were cut.
 */
function destroy(db: Db, command: Command, doomed: Doomed[]): number {
  const going = new Set(doomed.map((d) => recordKey(d.entity, d.row.id as number)));
  const searchable = new Map<EntityName, Set<string>>();
  const searchableOf = (entity: EntityName) => searchable.get(entity) ?? searchable.set(entity, searchableKeys(activeFields(db, entity))).get(entity)!;
  let unlinked = 0;
  const byEntity = new Map<EntityName, number[]>();
  for (const d of doomed) byEntity.set(d.entity, [...(byEntity.get(d.entity) ?? []), d.row.id as number]);
  for (const [entity, ids] of byEntity) {
    for (const ref of referencesTo(entity).concat((ENTITIES[entity].ownedChildren ?? []).map((c) => ({ entity: c.entity, field: c.via, required: false })))) {
      const table = ENTITIES[ref.entity].table;
      const rows = db.prepare(`SELECT * FROM ${table} WHERE ${ref.field} IN (${ids.map(() => '?').join(', ')})`).all(...ids) as Row[];
      for (const row of rows) {
        if (going.has(recordKey(ref.entity, row.id as number))) continue;
        // The impact refused required links; an optional one is cut.
        command.write({ entity: ref.entity, id: row.id as number, before: row, after: { ...row, [ref.field]: null } }, searchableOf(ref.entity), { consequence: true });
        unlinked++;
      }
    }
  }
  // References among the doomed rows themselves go first, so no delete trips a foreign key.
  for (const d of doomed) {
    const current = readRow(db, d.entity, d.row.id as number)!;
    const inner = ENTITIES[d.entity].fields.filter(
      (f) => f.type === 'reference' && f.references && typeof current[f.key] === 'number' && going.has(recordKey(f.references, current[f.key] as number)),
    );
    if (inner.length > 0 && inner.every((f) => !f.required)) {
      command.write({ entity: d.entity, id: d.row.id as number, before: current, after: { ...current, ...Object.fromEntries(inner.map((f) => [f.key, null])) } }, searchableOf(d.entity));
    }
  }
  for (const d of [...doomed].reverse()) {
    const current = readRow(db, d.entity, d.row.id as number);
    if (current) command.write({ entity: d.entity, id: d.row.id as number, before: current, after: null }, searchableOf(d.entity));
  }
  forgetRecords(db, doomed.map((d) => ({ entity: d.entity, id: d.row.id as number })));
  return unlinked;
}

/**
 * Takes records out of the journal: their changes go, so no undo or redo can bring them back. What
 * undo cannot bring back, it must not hold. The rest of each command stays as it was (see
 * forgetChanges).
 */
export function forgetRecords(db: Db, records: { entity: EntityName; id: number }[]): void {
  const find = prepared(db, 'SELECT command_id, seq FROM command_changes WHERE entity = ? AND record_id = ?');
  forgetChanges(
    db,
    records.flatMap((record) => find.all(record.entity, record.id) as JournalChange[]),
  );
}

interface JournalChange {
  command_id: number;
  seq: number;
}

/**
 * Takes single changes out of their commands. A command keeps its other changes and stays
 * undoable for them: deleting a deal that took a person's task along can still be undone after the
 * person is erased, and brings the deal back without the task. A command named after a record whose
 * change went (its first) loses the name; one with no change left can no longer be undone or redone,
 * and undo and redo step over it (nextCommand), since it holds nothing to reverse.
 */
function forgetChanges(db: Db, changes: readonly JournalChange[]): void {
  const remove = prepared(db, 'DELETE FROM command_changes WHERE command_id = ? AND seq = ?');
  for (const change of changes) remove.run(change.command_id, change.seq);
  const first = prepared(db, 'SELECT seq FROM command_changes WHERE command_id = ? ORDER BY seq LIMIT 1');
  for (const id of new Set(changes.map((change) => change.command_id))) {
    const left = first.pluck().get(id) as number | undefined;
    if (left === undefined) prepared(db, 'UPDATE commands SET undoable = 0, title = NULL WHERE id = ?').run(id);
    else if (left !== 0) prepared(db, 'UPDATE commands SET title = NULL WHERE id = ?').run(id);
  }
}

function doomedOf(entity: EntityName, targets: Row[], parts: Part[]): Doomed[] {
  return [...targets.map((row) => ({ entity, row })), ...parts.map((p) => ({ entity: p.entity, row: p.row }))];
}

function refuseBlocked(blockers: { entity: EntityName; count: number }[]): void {
  if (blockers.length === 0) return;
  const what = (language: MessageLanguage) =>
    blockers.map((b) => `${b.count} ${(b.count === 1 ? ENTITIES[b.entity].label.singular : ENTITIES[b.entity].label.plural)[language].toLowerCase()}`).join(', ');
  throw new KluisError('CONFLICT', { id: 'history.stillNeeded', values: { what: { en: what('en'), nl: what('nl') } } });
}

/** A deletion for good waits for a running import (anyImportRunning). */
function refuseWhileImporting(db: Db): void {
  if (anyImportRunning(db)) throw new KluisError('CONFLICT', 'history.importRunningDelete');
}

/** Permanent deletion of records in the trash (`trash.purge`). */
export function purgeFromTrash(ctx: RecordContext, entity: EntityName, ids: readonly number[], reviewedTotal: number): DeleteResult {
  refuseWhileImporting(ctx.db);
  const { impact, targets, parts } = planDeletion(ctx, entity, ids, 'purge');
  refuseBlocked(impact.blockers);
  checkReviewed(impact, reviewedTotal);
  let unlinked = 0;
  const { command } = runCommand(ctx, { verb: 'purge', entity, count: targets.length }, { undoable: false }, (write) => {
    unlinked = destroy(ctx.db, write.command, doomedOf(entity, targets, parts));
  });
  audit(ctx.open, { actor: ctx.user.id, action: 'trash.purged', details: { entity, records: targets.length, withThem: parts.length, unlinked } });
  return { command: command!, total: impact.total };
}

/**
 * Erasure of a person (GDPR art. 17): the contact, its activities and consents, live or in the
 * trash; links from deals and invoices are cut. The audit entry names no personal data.
 */
export function eraseContact(ctx: RecordContext, id: number, reviewedTotal: number): DeleteResult {
  refuseWhileImporting(ctx.db);
  const { impact, targets, parts } = planDeletion(ctx, 'contact', [id], 'erase');
  refuseBlocked(impact.blockers);
  checkReviewed(impact, reviewedTotal);
  let unlinked = 0;
  const { command } = runCommand(ctx, { verb: 'erase', entity: 'contact', count: 1, title: null }, { undoable: false }, (write) => {
    unlinked = destroy(ctx.db, write.command, doomedOf('contact', targets, parts));
  });
  // Records that linked to the person once and no longer do (a note moved to a colleague's card)
  // keep their past rows in the journal, and so does every later change of such a record (its row
  // before still holds what was written about the person): those changes go too.
  forgetChanges(ctx.db, journalOfRecordsAbout(ctx.db, id));
  const removed = Object.fromEntries(impact.moves.map((m) => [m.entity, m.count]));
  // The person's id, as every entry about them has it: it names no one once they are erased, and
  // lets the officer show which request this carried out (the access report's subject has the id).
  audit(ctx.open, { actor: ctx.user.id, action: 'privacy.erased', target: `contact:${id}`, details: { contacts: 1, ...removed, unlinked } });
  return { command: command!, total: impact.total };
}

/**
 * The retention job: records in the trash longer than the policy allows are deleted for good, and
 * journal commands older than that are dropped (undo reaches back as far as the trash keeps
 * things). Records still needed by an invoice, and records the law says to keep (legalHold.ts),
 * stay, and are reported as kept.
 */
export function emptyExpiredTrash(db: Db, open: OpenInstall, now = new Date()): { removed: number; kept: number } {
  const days = readPolicy(db).trashRetentionDays;
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const command = Command.begin(db, null, { verb: 'emptyTrash', entity: null, count: 0 }, { undoable: false });
  let removed = 0;
  let kept = 0;
  for (const entity of ENTITY_NAMES) {
    const table = ENTITIES[entity].table;
    const expired = db.prepare(`SELECT * FROM ${table} WHERE deleted_at IS NOT NULL AND trashed_with IS NULL AND deleted_at < ?`).all(cutoff) as Row[];
    const required = referencesTo(entity).filter((r) => r.required);
    for (const row of expired) {
      const key = recordKey(entity, row.id as number);
      const needed = required.some((r) => db.prepare(`SELECT 1 FROM ${ENTITIES[r.entity].table} WHERE ${r.field} = ? LIMIT 1`).get(row.id) !== undefined);
      if (needed || holdsUntil(entity, row, localDay(now))) {
        kept++;
        continue;
      }
      const parts = (ENTITIES[entity].ownedChildren ?? []).flatMap((child) =>
        (db.prepare(`SELECT * FROM ${ENTITIES[child.entity].table} WHERE trashed_with = ?`).all(key) as Row[]).map((r) => ({ entity: child.entity, row: r, parent: key })),
      );
      destroy(db, command, doomedOf(entity, [row], parts));
      removed += 1 + parts.length;
    }
  }
  const pruned = db.prepare('DELETE FROM commands WHERE at < ? AND id != ?').run(cutoff, command.id).changes;
  command.finish({ count: removed });
  if (removed === 0) prepared(db, 'DELETE FROM commands WHERE id = ?').run(command.id);
  const report = { at: now.toISOString(), removed, kept };
  setMeta(db, 'trash.last_emptied', JSON.stringify(report));
  if (removed > 0 || kept > 0 || pruned > 0) audit(open, { actor: null, action: 'trash.emptied', details: { removed, kept, commandsPruned: pruned } });
  return { removed, kept };
}

/**
 * A field switched off has its values purged from the records; here from the journal too, so no
 * undo can bring them back. Undo compares and restores only the values the journal holds, so the
 * commands stay undoable for their other fields.
 */
export function forgetFieldValues(db: Db, entity: EntityName, key: string, custom: boolean): void {
  if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error('Unexpected field key.');
  if (custom) {
    // `custom` is JSON text inside the row's JSON; '' || … keeps it text, not a nested object.
    const without = (column: string) => `json_set(${column}, '$.custom', '' || json_remove(json_extract(${column}, '$.custom'), '$.${key}'))`;
    const holds = (column: string) => `json_extract(json_extract(${column}, '$.custom'), '$.${key}') IS NOT NULL`;
    db.prepare(`UPDATE command_changes SET before = ${without('before')} WHERE entity = ? AND ${holds('before')}`).run(entity);
    db.prepare(`UPDATE command_changes SET after = ${without('after')} WHERE entity = ? AND ${holds('after')}`).run(entity);
    return;
  }
  db.prepare(`UPDATE command_changes SET before = json_remove(before, '$.${key}'), after = json_remove(after, '$.${key}') WHERE entity = ?`).run(entity);
}
