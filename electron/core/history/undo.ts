/**
 * Undo and redo walk the signed-in user's own command stack (DESIGN §7). Before anything is
 * written, every row must still be exactly as the command left it (else CONFLICT: someone changed
 * it since, and their work is never overwritten) and the user must still hold the rights the
 * command and its reversal need (else FORBIDDEN). Then all changes apply in one transaction.
 */
import { IRREVERSIBLE_VERBS, tally, type AffectedRecord, type CommandVerb, type HistoryResult } from '../../../shared/historyTypes';
import type { RecordAction } from '../../../shared/access/model';
import { ENTITIES, type EntityName, type Localized } from '../../../shared/registry';
import { describeCommand } from '../../../shared/historyLabels';
import { lowerCase, type CoreMessageId, type MessageValues } from '../../../shared/coreMessages';
import { rowInScope } from '../access/access';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { KluisError } from '../errors';
import { audit } from '../session/openInstall';
import { refuseUnpublishingSent } from '../records/campaignRecipients';
import { mayRecordWithdrawal } from '../records/consentWithdrawal';
import { refuseLinkToRestricted } from '../records/restriction';
import { activeFields, type ActiveField } from '../records/fields';
import { applyRowChange, customOf, readRow, type Row } from '../records/rows';
import { MASK, searchableKeys, titleFor, type RecordContext } from '../records/service';
import { checkValue } from '../records/validate';
import { changesOf, importRunning, readCommand, summaryFor, type CommandRow, type StoredChange } from './journal';
import { referencesTo } from './impact';
import { refuseWhileHeld } from './legalHold';

type Direction = 'undo' | 'redo';

const live = (row: Row | null): boolean => row !== null && !row.deleted_at;

type ChangeAction = Extract<RecordAction, 'create' | 'update' | 'delete' | 'restore'>;

/** What a change does, as a record right: its scope must cover the rows it touches. */
function actionOf(from: Row | null, to: Row | null): ChangeAction {
  if (!from) return 'create';
  if (!to || (live(from) && !live(to))) return 'delete';
  if (!live(from) && live(to)) return 'restore';
  return 'update';
}

/** The row is as the command left it: every value the journal holds for it is still the same. */
function unchangedSince(current: Row | null, expected: Row | null): boolean {
  if (expected === null || current === null) return expected === current;
  return Object.keys(expected).every((key) => current[key] === expected[key]);
}

const entityWord = (entity: EntityName): Localized => lowerCase(ENTITIES[entity].label.singular);

/** Undo and redo each have their own messages, not one with the word put in: Dutch words them differently. */
const MESSAGES = {
  undo: {
    nothing: 'history.nothingToUndo',
    cannot: 'history.cannotUndo',
    changed: 'history.undoChanged',
    changedBy: 'history.undoChangedBy',
    changedHidden: 'history.undoChangedHidden',
    changedHiddenBy: 'history.undoChangedHiddenBy',
    changedOwnHidden: 'history.undoChangedOwnHidden',
    changedOwnHiddenBy: 'history.undoChangedOwnHiddenBy',
    referenced: 'history.undoReferenced',
    importRunning: 'history.importRunning',
  },
  redo: {
    nothing: 'history.nothingToRedo',
    cannot: 'history.cannotRedo',
    changed: 'history.redoChanged',
    changedBy: 'history.redoChangedBy',
    changedHidden: 'history.redoChangedHidden',
    changedHiddenBy: 'history.redoChangedHiddenBy',
    changedOwnHidden: 'history.redoChangedOwnHidden',
    changedOwnHiddenBy: 'history.redoChangedOwnHiddenBy',
    referenced: 'history.redoReferenced',
    importRunning: 'history.importRunningRedo',
  },
} as const satisfies Record<Direction, Record<string, CoreMessageId>>;

/** Why a reversal is refused, by the record action it would need. */
const NO_LONGER: Record<ChangeAction, CoreMessageId> = {
  create: 'history.noLongerCreate',
  update: 'history.noLongerUpdate',
  delete: 'history.noLongerDelete',
  restore: 'history.noLongerRestore',
};

function nextCommand(ctx: RecordContext, direction: Direction): CommandRow {
  // A running import's command is written batch by batch, with other calls let in between: it is one
  // step only once the run has finished (a cancel takes it back whole). Until then undo and redo are
  // refused, also before its first write, rather than take back part of it or step past it.
  if (importRunning(ctx.db, ctx.user.id)) throw new KluisError('CONFLICT', MESSAGES[direction].importRunning);
  // A command whose every change a deletion for good took out of the journal (forgetChanges) holds
  // nothing to reverse: it is stepped over, so what the user did before it stays within reach. A
  // command irreversible by its nature (an erasure) still stops the walk, and says so.
  const step = `user_id = ? AND (undoable = 1 OR verb IN (${[...IRREVERSIBLE_VERBS].map((verb) => `'${verb}'`).join(', ')}))`;
  const row =
    direction === 'undo'
      ? prepared(ctx.db, `SELECT * FROM commands WHERE ${step} AND state = 'done' ORDER BY id DESC LIMIT 1`).get(ctx.user.id)
      : prepared(ctx.db, `SELECT * FROM commands WHERE ${step} AND state = 'undone' ORDER BY id ASC LIMIT 1`).get(ctx.user.id);
  if (!row) throw new KluisError('NOT_FOUND', MESSAGES[direction].nothing);
  const command = row as CommandRow;
  if (command.undoable !== 1) {
    // The label is worded into the message: as the caller may see it, like every label that leaves.
    const label = summaryFor(ctx.db, ctx.access, command).label;
    throw new KluisError('CONFLICT', { id: MESSAGES[direction].cannot, values: { command: { en: describeCommand(label, 'en'), nl: describeCommand(label, 'nl') } } });
  }
  return command;
}

/** Who changed the record after this command, for the CONFLICT message. */
function laterEditor(ctx: RecordContext, change: StoredChange, commandId: number): string | null {
  const row = prepared(
    ctx.db,
    `SELECT u.display_name AS name FROM command_changes cc JOIN commands c ON c.id = cc.command_id LEFT JOIN users u ON u.id = c.user_id
     WHERE cc.entity = ? AND cc.record_id = ? AND cc.command_id > ? AND c.state = 'done' ORDER BY cc.command_id DESC LIMIT 1`,
  ).get(change.entity, change.id, commandId) as { name: string | null } | undefined;
  return row?.name ?? null;
}

/** The CONFLICT for a row someone changed since the command. */
function changedSince(ctx: RecordContext, direction: Direction, change: StoredChange, row: Row, who: string | null): KluisError {
  const { entity } = change;
  const messages = MESSAGES[direction];
  const by: MessageValues = who ? { who } : {};
  // A record the user may not read is not named, even here: the one they changed themselves (since
  // handed to someone else, say), or one that went along with it.
  if (!rowInScope(ctx.access, entity, 'read', row)) {
    const id = change.direct ? (who ? messages.changedOwnHiddenBy : messages.changedOwnHidden) : who ? messages.changedHiddenBy : messages.changedHidden;
    return new KluisError('CONFLICT', { id, values: { entity: entityWord(entity), ...by } });
  }
  const values = { entity: ENTITIES[entity].label.singular, title: titleFor(ctx.access, entity, row), ...by };
  return new KluisError('CONFLICT', { id: who ? messages.changedBy : messages.changed, values });
}

/**
 * The record right a reversal needs. Taking back one's own creation, untouched since (checked
 * before the rights), removes nothing anyone had before the command: it needs the create right, not
 * the delete right, so a Field sales user (who may create but not delete contacts) can undo a
 * contact made by mistake, and the commands before it stay within reach of Ctrl+Z. A record others
 * now link to is still kept (`referenced`).
 */
function reversalRight(change: StoredChange, current: Row | null, target: Row | null): ChangeAction {
  if (change.before === null && change.after !== null && target === null) return 'create';
  return actionOf(current, target);
}

/**
 * Commands their task alone allows on a record the user may read: restricting a person's processing
 * is the privacy officer's task, who may read people but not edit them. Undo and redo need what the
 * command needed, the task and the read right, checked above.
 */
const TASK_ENOUGH: ReadonlySet<CommandVerb> = new Set(['restrict', 'liftRestriction', 'recordObjection']);

function checkRights(ctx: RecordContext, command: CommandRow, change: StoredChange, current: Row | null, target: Row | null): void {
  const title = titleFor(ctx.access, change.entity, current ?? target ?? change.before ?? change.after!);
  const refuse = (id: CoreMessageId, field?: Localized) =>
    new KluisError('FORBIDDEN', { id, values: { entity: entityWord(change.entity), title, ...(field && { field }) } });
  if (command.task && !ctx.access.task(command.task)) throw refuse('history.noLongerTask');
  // A record the user may no longer read is not theirs to change by undo either, as by a form; and
  // it is not named, not even here.
  for (const row of change.direct ? [current, target] : []) {
    if (row && !rowInScope(ctx.access, change.entity, 'read', row)) throw new KluisError('FORBIDDEN', { id: 'history.noLongerReadable', values: { entity: entityWord(change.entity) } });
  }
  // Undoing the creation of an issued invoice would delete it for good, which the law forbids.
  if (current && !target) {
    const named = rowInScope(ctx.access, change.entity, 'read', current) ? titleFor(ctx.access, change.entity, current) : MASK;
    refuseWhileHeld(change.entity, current, named, 'history.undoKeptByLaw');
  }
  if (!change.direct || (command.task && TASK_ENOUGH.has(command.verb))) return;
  // A withdrawal of consent needs what recording it needed: who may give consents takes it back too.
  const withdrawal = command.verb === 'withdrawConsent' && [current, target].every((row) => !row || mayRecordWithdrawal(ctx.access, row));
  for (const action of withdrawal ? [] : new Set([actionOf(change.before, change.after), reversalRight(change, current, target)])) {
    for (const row of [current, target]) {
      if (row && !rowInScope(ctx.access, change.entity, action, row)) throw refuse(NO_LONGER[action]);
    }
  }
  // A record removed (an undone create) loses only the values its creation set, with the rights checked above.
  if (command.task || !target) return;
  // An edit puts back values, and a record made again (a redone create, an undone removal) sets
  // them: the user must still be allowed to edit each field that changes, custom fields included.
  for (const field of fieldsWritten(ctx, change.entity, current, target)) {
    if (ctx.access.field(change.entity, field.key, field.sensitivity) !== 'edit') throw refuse('history.noLongerEditField', field.label);
    // A link it puts back must point at a record the user may read, as a form's must (one in the
    // trash included: links stay while a record is there).
    const linked = target[field.key];
    if (field.type === 'reference' && field.references && typeof linked === 'number') {
      const record = readRow(ctx.db, field.references, linked);
      if (record && !rowInScope(ctx.access, field.references, 'read', record)) throw refuse('history.linkNotReadable');
    }
  }
}

/** A field's default as a record stores it (a boolean's `false` as 0). */
function storedDefault(field: ActiveField): unknown {
  if (field.defaultValue === undefined) return null;
  const stored = checkValue(field, field.defaultValue);
  return 'value' in stored ? stored.value : null;
}

/**
 * The fields whose value `target` sets over `current`: on a record made again (no `current`), every
 * field it gives a value other than the field's default, as a create that the user typed would.
 */
function fieldsWritten(ctx: RecordContext, entity: EntityName, current: Row | null, target: Row): ActiveField[] {
  const before = current ? customOf(current) : {};
  const after = customOf(target);
  const differs = (field: ActiveField, was: unknown, now: unknown) => (now ?? null) !== (current ? (was ?? null) : storedDefault(field));
  return activeFields(ctx.db, entity).filter((field) =>
    field.custom ? differs(field, before[field.key], after[field.key]) : differs(field, current?.[field.key], target[field.key]),
  );
}

/** Whether `row` links to a record that no longer exists (deleted for good), other than one this step brings back. */
function linksToGone(db: Db, entity: EntityName, row: Row | null, comingBack: ReadonlySet<string>): boolean {
  if (!row) return false;
  return ENTITIES[entity].fields.some((field) => {
    const id = row[field.key];
    if (field.type !== 'reference' || !field.references || typeof id !== 'number') return false;
    return !comingBack.has(`${field.references}:${id}`) && readRow(db, field.references, id) === null;
  });
}

function linkGone(ctx: RecordContext, change: StoredChange, row: Row): KluisError {
  if (!rowInScope(ctx.access, change.entity, 'read', row)) return new KluisError('CONFLICT', { id: 'history.linkGoneHidden', values: { entity: entityWord(change.entity) } });
  return new KluisError('CONFLICT', { id: 'history.linkGone', values: { entity: ENTITIES[change.entity].label.singular, title: titleFor(ctx.access, change.entity, row) } });
}

/**
 * Undo or redo would remove a record another one now links to (a colleague's later import linked
 * a contact to an organisation this import made): the refusal names that record where the user may
 * read it, so they know what holds the step up (3 December, from an import walk). Asked inside the
 * step's transaction, which is rolled back after.
 */
function referencedBy(ctx: RecordContext, direction: Direction, removing: StoredChange | null): KluisError {
  const generic = new KluisError('CONFLICT', MESSAGES[direction].referenced);
  if (!removing) return generic;
  const links = [...referencesTo(removing.entity), ...(ENTITIES[removing.entity].ownedChildren ?? []).map((child) => ({ entity: child.entity, field: child.via }))];
  for (const link of links) {
    const row = prepared(ctx.db, `SELECT * FROM ${ENTITIES[link.entity].table} WHERE ${link.field} = ? LIMIT 1`).get(removing.id) as Row | undefined;
    if (!row) continue;
    if (!rowInScope(ctx.access, link.entity, 'read', row)) return generic;
    return new KluisError('CONFLICT', {
      id: direction === 'undo' ? 'history.undoReferencedBy' : 'history.redoReferencedBy',
      values: { entity: ENTITIES[link.entity].label.singular, title: titleFor(ctx.access, link.entity, row) },
    });
  }
  return generic;
}

function isForeignKeyFailure(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code) === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * What came back and where: the records the user acted on first, then what went along. Records the
 * user may not read (a colleague's activity that moved with a contact) are only counted.
 */
function affected(ctx: RecordContext, applied: { change: StoredChange; from: Row | null; to: Row | null }[]): Pick<HistoryResult, 'records' | 'more' | 'unseen' | 'counts' | 'kinds'> {
  const seen = new Map<string, AffectedRecord & { direct: boolean }>();
  let unreadable = 0;
  for (const { change, from, to } of applied) {
    const row = (to ?? from)!;
    if (!rowInScope(ctx.access, change.entity, 'read', row)) {
      unreadable++;
      continue;
    }
    const state: AffectedRecord['state'] = !live(to) ? 'gone' : live(from) ? 'changed' : 'back';
    seen.set(`${change.entity}:${change.id}`, { entity: change.entity, id: change.id, title: titleFor(ctx.access, change.entity, row), state, direct: change.direct });
  }
  const all = [...seen.values()].sort((a, b) => Number(b.direct) - Number(a.direct));
  return { records: all.slice(0, 20).map(({ direct: _direct, ...record }) => record), more: Math.max(0, all.length - 20), unseen: unreadable, ...tally(all) };
}

/**
 * An undo or redo of the law's actions is that action again or its reverse, for the record it was
 * about: audited as such on that record too, so the person's history and access report say when a
 * restriction ended (3 December, from a privacy officer's walk: an undone restriction showed only
 * as "Change undone" on a command).
 */
const LAW_ACTIONS: Partial<Record<CommandVerb, { entity: EntityName } & Record<Direction, string>>> = {
  restrict: { entity: 'contact', undo: 'privacy.restrictionLifted', redo: 'privacy.restricted' },
  liftRestriction: { entity: 'contact', undo: 'privacy.restricted', redo: 'privacy.restrictionLifted' },
  withdrawConsent: { entity: 'consent', undo: 'privacy.consentWithdrawalUndone', redo: 'privacy.consentWithdrawn' },
  recordObjection: { entity: 'contact', undo: 'privacy.objectionTakenBack', redo: 'privacy.objectionRecorded' },
};

function step(ctx: RecordContext, direction: Direction): HistoryResult {
  const command = nextCommand(ctx, direction);
  const stored = changesOf(ctx.db, command.id);
  const ordered = direction === 'undo' ? [...stored].reverse() : stored;
  const planned = ordered.map((change) => {
    const from = direction === 'undo' ? change.after : change.before;
    const to = direction === 'undo' ? change.before : change.after;
    return { change, from, to };
  });
  // A link to a record deleted for good since can neither be put back nor be found as it was left:
  // say that, rather than "changed since" with no name (a deletion for good keeps no change to
  // name) or a database error.
  const comingBack = new Set(planned.filter(({ to }) => to !== null).map(({ change }) => `${change.entity}:${change.id}`));
  for (const { change, from, to } of planned) {
    if (linksToGone(ctx.db, change.entity, from, comingBack) || linksToGone(ctx.db, change.entity, to, comingBack)) {
      throw linkGone(ctx, change, (readRow(ctx.db, change.entity, change.id) ?? from ?? to)!);
    }
  }
  // Each row must be as this command left it. Rows a command touches twice are checked at their
  // last state, which is where the walk starts.
  const checked = new Set<string>();
  for (const { change, from, to } of planned) {
    const key = `${change.entity}:${change.id}`;
    if (checked.has(key)) continue;
    checked.add(key);
    const current = readRow(ctx.db, change.entity, change.id);
    if (!unchangedSince(current, from)) {
      const who = laterEditor(ctx, change, command.id);
      const row = (current ?? from ?? to)!;
      throw changedSince(ctx, direction, change, row, who);
    }
    checkRights(ctx, command, change, current, to);
    // What a restriction forbids (a deal brought back onto a restricted person) as a form is refused.
    // Named only to whoever may read the person.
    if (to && !to.deleted_at) {
      refuseLinkToRestricted(ctx.db, change.entity, to, current, (person) => (rowInScope(ctx.access, 'contact', 'read', person) ? titleFor(ctx.access, 'contact', person) : MASK));
    }
    if (direction === 'undo' && command.verb === 'publish' && change.entity === 'campaign' && current) {
      refuseUnpublishingSent(ctx.db, change.id, command.at, titleFor(ctx.access, 'campaign', current));
    }
  }
  const searchable = new Map<EntityName, Set<string>>();
  const searchableOf = (entity: EntityName) => searchable.get(entity) ?? searchable.set(entity, searchableKeys(activeFields(ctx.db, entity))).get(entity)!;
  let applying: StoredChange | null = null;
  try {
    for (const { change, to } of planned) {
      applying = change;
      // An entry leaving search goes by the cleanup: undoing an import of thousands would otherwise hold the core for seconds.
      applyRowChange(ctx.db, { entity: change.entity, id: change.id, before: readRow(ctx.db, change.entity, change.id), after: to }, searchableOf(change.entity), 'later');
    }
  } catch (error) {
    if (isForeignKeyFailure(error)) throw referencedBy(ctx, direction, applying);
    throw error;
  }
  prepared(ctx.db, 'UPDATE commands SET state = ? WHERE id = ?').run(direction === 'undo' ? 'undone' : 'done', command.id);
  audit(ctx.open, { actor: ctx.user.id, action: direction === 'undo' ? 'history.undone' : 'history.redone', target: `command:${command.id}`, details: { changes: stored.length } });
  const law = LAW_ACTIONS[command.verb];
  for (const { change } of law ? planned : []) {
    if (change.direct && change.entity === law!.entity) audit(ctx.open, { actor: ctx.user.id, action: law![direction], target: `${change.entity}:${change.id}` });
  }
  return { command: summaryFor(ctx.db, ctx.access, readCommand(ctx.db, command.id)!), ...affected(ctx, planned) };
}

export const undoLast = (ctx: RecordContext): HistoryResult => step(ctx, 'undo');
export const redoLast = (ctx: RecordContext): HistoryResult => step(ctx, 'redo');

/**
 * Reverts a command that must leave no trace (a cancelled import) and removes it from the journal.
 * Rows someone changed meanwhile, or that others now point at, are kept as they are.
 */
export function discardCommand(db: Db, commandId: number): { reverted: number; kept: number } {
  let reverted = 0;
  let kept = 0;
  const searchable = new Map<EntityName, Set<string>>();
  const searchableOf = (entity: EntityName) => searchable.get(entity) ?? searchable.set(entity, searchableKeys(activeFields(db, entity))).get(entity)!;
  for (const change of changesOf(db, commandId).reverse()) {
    const current = readRow(db, change.entity, change.id);
    if (!unchangedSince(current, change.after)) {
      kept++;
      continue;
    }
    try {
      db.transaction(() => applyRowChange(db, { entity: change.entity, id: change.id, before: current, after: change.before }, searchableOf(change.entity), 'later'))();
      reverted++;
    } catch (error) {
      if (!isForeignKeyFailure(error)) throw error;
      kept++;
    }
  }
  prepared(db, 'DELETE FROM commands WHERE id = ?').run(commandId);
  return { reverted, kept };
}
