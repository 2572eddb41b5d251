/**
 * The command journal (DESIGN §7). Every mutation of a record is one command — label, user, time —
 * and its row changes, before and after, written through `Command.write`. Only this folder may
 * call `applyRowChange` (a lint rule holds that), so nothing changes a record around the journal;
 * the two bulk writers that bypass it — demo data and a field's purge — record a command that undo
 * cannot reverse. Commands undo can never reverse (erasure, permanent deletion) keep no row values.
 *
 * A label keeps the title its record had when the command was written, as it was, whoever wrote it;
 * what leaves the core shows it only as the caller may read that record's title now (`labelFor`).
 */
import type { CommandLabel, CommandState, CommandSummary } from '../../../shared/historyTypes';
import type { Task } from '../../../shared/access/model';
import type { EntityName } from '../../../shared/registry';
import { rowInScope, type Access } from '../access/access';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { applyRowChange, readRow, titleOf, type Row, type RowChange, type SearchRemoval } from '../records/rows';
import { MASK, titleReadable, type RecordContext, type WriteContext } from '../records/service';

export interface CommandOptions {
  /** False for what undo cannot reverse; such a command stores no row values. */
  undoable?: boolean;
  /** The task right the action needed: undo and redo need it still. */
  task?: Task | null;
  /**
   * The command is written in several transactions and may yet be taken back whole (an import, which
   * a cancel, a lock or a crash discards): it ends the redo stack only when it is finished, so a
   * run that comes to nothing leaves what the user could redo as it was.
   */
  endsRedoWhenFinished?: boolean;
}

export interface CommandRow {
  id: number;
  user_id: number | null;
  verb: CommandLabel['verb'];
  entity: EntityName | null;
  count: number;
  title: string | null;
  at: string;
  state: CommandState;
  undoable: number;
  task: Task | null;
}

export class Command {
  private seq = 0;
  private firstTitle: string | null = null;

  private constructor(
    private readonly db: Db,
    readonly id: number,
    private readonly userId: number | null,
    private readonly label: CommandLabel,
    readonly undoable: boolean,
    private readonly endsRedoWhenFinished: boolean,
  ) {}

  /**
   * Opens a command for `userId` (null: the install's own jobs). A new command ends the user's redo
   * stack, as in every editor: what was undone before it can no longer be redone. An undoable
   * command ends it with its first change (see write), so one that changes nothing — an edit to the
   * same values, an import with nothing to write — leaves the redo stack as it was.
   */
  static begin(db: Db, userId: number | null, label: Omit<CommandLabel, 'title'> & { title?: string | null }, options: CommandOptions = {}): Command {
    const undoable = options.undoable ?? true;
    if (!undoable) endRedoStack(db, userId);
    const full: CommandLabel = { ...label, title: label.title ?? null };
    const result = prepared(
      db,
      "INSERT INTO commands (user_id, verb, entity, count, title, at, state, undoable, task) VALUES (?, ?, ?, ?, ?, ?, 'done', ?, ?)",
    ).run(userId, full.verb, full.entity, full.count, full.title, new Date().toISOString(), undoable ? 1 : 0, options.task ?? null);
    return new Command(db, Number(result.lastInsertRowid), userId, full, undoable, options.endsRedoWhenFinished === true);
  }

  /**
   * Writes one change and keeps it, with the id a new row got. `consequence`: not chosen by the
   * user. `searchRemoval`: when the record leaves search, whether its entry goes now or by the cleanup.
   */
  write(change: RowChange, searchable: ReadonlySet<string>, options: { consequence?: boolean; searchRemoval?: SearchRemoval } = {}): number {
    const id = applyRowChange(this.db, change, searchable, options.searchRemoval);
    const after: Row | null = change.after ? { ...change.after, id } : null;
    // An edit to the same values is no change: undo must not have to step over it.
    if (change.before && after && Object.keys(after).every((key) => after[key] === change.before![key])) return id;
    if (this.firstTitle === null) this.firstTitle = titleOf(change.entity, after ?? change.before!);
    if (this.undoable) {
      if (this.seq === 0 && !this.endsRedoWhenFinished) endRedoStack(this.db, this.userId);
      prepared(this.db, 'INSERT INTO command_changes (command_id, seq, entity, record_id, before, after, direct) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        this.id,
        this.seq++,
        change.entity,
        id,
        change.before ? JSON.stringify(change.before) : null,
        after ? JSON.stringify(after) : null,
        options.consequence ? 0 : 1,
      );
    }
    return id;
  }

  /**
   * Closes the command: a one-record command is named after its record unless named already. A
   * command that changed nothing (an edit to the same values) leaves no trace in the journal.
   * Returns the stored row, title unmasked: only `summaryFor` makes what may leave the core.
   */
  finish(patch: Partial<Pick<CommandLabel, 'count' | 'title'>> = {}): CommandRow | null {
    const count = patch.count ?? this.label.count;
    // What cannot be undone was meant to be gone: its label keeps no name either.
    const named = patch.title !== undefined ? patch.title : (this.label.title ?? (count === 1 ? this.firstTitle : null));
    const title = this.undoable ? named : null;
    if (this.undoable && this.seq === 0) {
      prepared(this.db, 'DELETE FROM commands WHERE id = ?').run(this.id);
      return null;
    }
    if (this.endsRedoWhenFinished) endRedoStack(this.db, this.userId);
    prepared(this.db, 'UPDATE commands SET count = ?, title = ? WHERE id = ?').run(count, title, this.id);
    return readCommand(this.db, this.id);
  }
}

/** Runs `run` as one command of the signed-in user; the caller's transaction holds it together. */
export function runCommand<T>(
  ctx: RecordContext,
  label: Omit<CommandLabel, 'title'> & { title?: string | null },
  options: CommandOptions,
  run: (write: WriteContext) => T,
): { value: T; command: CommandSummary | null } {
  const command = Command.begin(ctx.db, ctx.user.id, label, options);
  const value = run({ ...ctx, command });
  const stored = command.finish();
  return { value, command: stored && summaryFor(ctx.db, ctx.access, stored) };
}

/**
 * Imports running now, per database and user. An import writes its command batch by batch and lets
 * other calls in between; until it has finished, that command is no step yet, so undo and redo of
 * that user wait for it (`importRunning`) instead of taking back part of it.
 */
const runningImports = new WeakMap<Db, Map<number, number>>();

/** Marks an import of `userId` as running until the returned function is called (once is enough). */
export function startImportRun(db: Db, userId: number): () => void {
  const runs = runningImports.get(db) ?? new Map<number, number>();
  runningImports.set(db, runs);
  runs.set(userId, (runs.get(userId) ?? 0) + 1);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const left = (runs.get(userId) ?? 1) - 1;
    if (left > 0) runs.set(userId, left);
    else runs.delete(userId);
  };
}

/** An import of `userId` is running on this database: its command may be half-written. */
export function importRunning(db: Db, userId: number): boolean {
  return (runningImports.get(db)?.get(userId) ?? 0) > 0;
}

/**
 * Some import is running on this database. A deletion for good then waits: it takes the records it
 * removes out of every command, the running import's too, which would lose its way back.
 */
export function anyImportRunning(db: Db): boolean {
  return (runningImports.get(db)?.size ?? 0) > 0;
}

/** Forgets what the user undid: it can no longer be redone once something newer is done. */
function endRedoStack(db: Db, userId: number | null): void {
  if (userId !== null) prepared(db, "DELETE FROM commands WHERE user_id = ? AND state = 'undone'").run(userId);
}

export function readCommand(db: Db, id: number): CommandRow | null {
  return (prepared(db, 'SELECT * FROM commands WHERE id = ?').get(id) as CommandRow | undefined) ?? null;
}

/**
 * A label as the caller may see it now. Its title is the record's title when the command was
 * written, a whole string that can no longer be split into its fields; so, as a trash entry's title,
 * it is shown only while the caller may read every field it is made of (`titleReadable`), and is
 * the mask otherwise. It follows the rights of today, not of the day it was written: a right taken
 * away since, or a field masked since, hides it too.
 */
export function labelFor(access: Access, label: CommandLabel, recordReadable = true): CommandLabel {
  if (label.title === null) return label;
  const readable = recordReadable && label.entity !== null && titleReadable(access, label.entity);
  return readable ? label : { ...label, title: MASK };
}

/**
 * Whether the caller may still read the record a titled command names (its first direct change):
 * one handed to another team since, or out of a narrowed scope, is not named, as anywhere else.
 */
function namedRecordReadable(db: Db, access: Access, row: CommandRow): boolean {
  if (row.title === null) return true;
  const change = prepared(db, 'SELECT entity, record_id, before, after FROM command_changes WHERE command_id = ? AND direct = 1 ORDER BY seq LIMIT 1').get(row.id) as
    | { entity: EntityName; record_id: number; before: string | null; after: string | null }
    | undefined;
  if (!change) return true;
  const record = readRow(db, change.entity, change.record_id) ?? (JSON.parse(change.after ?? change.before ?? 'null') as Row | null);
  return record !== null && rowInScope(access, change.entity, 'read', record);
}

/** A stored command as it may leave the core for this caller: its label as they may see it. */
export function summaryFor(db: Db, access: Access, row: CommandRow): CommandSummary {
  return {
    id: row.id,
    label: labelFor(access, { verb: row.verb, entity: row.entity, count: row.count, title: row.title }, namedRecordReadable(db, access, row)),
    at: row.at,
    state: row.state,
    undoable: row.undoable === 1,
  };
}

export interface StoredChange {
  seq: number;
  entity: EntityName;
  id: number;
  before: Row | null;
  after: Row | null;
  direct: boolean;
}

export function changesOf(db: Db, commandId: number): StoredChange[] {
  const rows = prepared(db, 'SELECT seq, entity, record_id, before, after, direct FROM command_changes WHERE command_id = ? ORDER BY seq').all(commandId) as {
    seq: number;
    entity: EntityName;
    record_id: number;
    before: string | null;
    after: string | null;
    direct: number;
  }[];
  return rows.map((r) => ({
    seq: r.seq,
    entity: r.entity,
    id: r.record_id,
    before: r.before === null ? null : (JSON.parse(r.before) as Row),
    after: r.after === null ? null : (JSON.parse(r.after) as Row),
    direct: r.direct === 1,
  }));
}

/** The user's recent commands, newest first, labelled as `access` (the rights of this call) lets them be seen. */
export function listCommands(db: Db, userId: number, limit: number, access: Access): CommandSummary[] {
  const rows = prepared(db, 'SELECT * FROM commands WHERE user_id = ? ORDER BY id DESC LIMIT ?').all(userId, limit) as CommandRow[];
  return rows.map((row) => summaryFor(db, access, row));
}
