/**
 * What the command journal, the trash and the graded delete confirmation send over the wall
 * (DESIGN §7). Labels travel as data, not sentences, so each side words them in its own language.
 */
import type { Mentions } from './recordTypes';
import type { EntityName } from './registry';

export const COMMAND_VERBS = [
  'create',
  'update',
  'delete',
  'restore',
  'purge',
  'erase',
  'reassign',
  'import',
  'sendReminder',
  'publish',
  'withdrawConsent',
  'restrict',
  'liftRestriction',
  'recordObjection',
  'seed',
  'fieldOff',
  'emptyTrash',
] as const;
export type CommandVerb = (typeof COMMAND_VERBS)[number];

/**
 * Commands that are never undoable, by what they do. Any other command that cannot be undone lost
 * that when a record it changed was later deleted for good or erased (history/destroy.ts).
 */
export const IRREVERSIBLE_VERBS: ReadonlySet<CommandVerb> = new Set(['purge', 'erase', 'seed', 'fieldOff', 'emptyTrash']);

/** "Delete contact Jan Jansen", "Import 1,204 contacts": verb, entity, how many, and one title when one. */
export interface CommandLabel {
  verb: CommandVerb;
  entity: EntityName | null;
  count: number;
  /** The record's title when the command is about one record; removed by erasure. */
  title: string | null;
}

export type CommandState = 'done' | 'undone';

export interface CommandSummary {
  id: number;
  label: CommandLabel;
  at: string;
  state: CommandState;
  /** False for what undo can never reverse: erasure, permanent deletion, field purges, seeding. */
  undoable: boolean;
}

/** A record an undo or redo touched, for "what came back and where". */
export interface AffectedRecord {
  entity: EntityName;
  id: number;
  title: string;
  /** `back`: live again; `gone`: removed or in the trash again; `changed`: values restored. */
  state: 'back' | 'gone' | 'changed';
}

export interface HistoryResult {
  command: CommandSummary;
  /** The records the command named first (the ones the user acted on), then what moved with them; at most 20. */
  records: AffectedRecord[];
  /** How many more records it touched beyond those listed, that the user may read. */
  more: number;
  /** How many it touched that the user may not read (a reminder's note, for Finance): counted, never named. */
  unseen: number;
  /**
   * How many of the records the user may read (all of them, not only those listed) came back, went,
   * or took their earlier or later values: an undone import that merged says how many of each.
   */
  counts: Record<AffectedRecord['state'], number>;
  /** The same per kind of record, kinds in the order met: "2 contacts and 2 organisations removed". */
  kinds: KindCount[];
}

export interface KindCount {
  entity: EntityName;
  state: AffectedRecord['state'];
  count: number;
}

/** The counts of a HistoryResult, of every record the user may read that the step touched. */
export function tally(records: readonly Pick<AffectedRecord, 'entity' | 'state'>[]): Pick<HistoryResult, 'counts' | 'kinds'> {
  const counts = { back: 0, gone: 0, changed: 0 };
  const kinds: KindCount[] = [];
  for (const { entity, state } of records) {
    counts[state]++;
    const kind = kinds.find((k) => k.entity === entity && k.state === state);
    if (kind) kind.count++;
    else kinds.push({ entity, state, count: 1 });
  }
  return { counts, kinds };
}

export type DeleteMode = 'trash' | 'purge' | 'erase';

/**
 * `simple`: one confirm, then an undo toast. `review`: list what moves and what is only unlinked,
 * then confirm. `typed`: review, then type `typeToConfirm` (the count, or the name of one record).
 */
export type ConfirmLevel = 'simple' | 'review' | 'typed';

export interface EntityCount {
  entity: EntityName;
  count: number;
}

export interface DeleteImpact {
  mode: DeleteMode;
  entity: EntityName;
  /** The records chosen. */
  count: number;
  /** Titles of the chosen records, the first ten. */
  titles: string[];
  /** Records that go with them: each one's own activities and consents. */
  moves: EntityCount[];
  /** Records that stay but lose their link to what is deleted. */
  unlinks: EntityCount[];
  /**
   * Records that stay and keep their link, because they need what they point to (an
   * organisation's invoices, kept for bookkeeping). Moving to the trash only: the link shows as
   * empty while the record is there, restoring puts it back, and as long as they need it the record
   * is never deleted for good (they are `blockers` then).
   */
  keeps: EntityCount[];
  /** Records that block a permanent deletion (invoices kept for bookkeeping). */
  blockers: EntityCount[];
  /** Everything that leaves: the chosen records plus what moves with them. Sent back to confirm. */
  total: number;
  level: ConfirmLevel;
  typeToConfirm: string | null;
  /** Erasure and permanent deletion cannot be undone; the dialog says so. */
  undoable: boolean;
  /**
   * For an erasure: the records it leaves whose text names the person, to check by hand (a name
   * typed into text is no link, so it is not erased). Null for the other modes.
   */
  mentions: Mentions | null;
}

export interface DeleteResult {
  command: CommandSummary;
  total: number;
}

/**
 * The most records one restore from the trash takes (`trash.restore`): one transaction and one
 * journal command, which must stay short enough not to hold up the app. The Trash page lets no
 * more be ticked, and says so.
 */
export const TRASH_RESTORE_MAX = 1_000;

/**
 * The most records one deletion takes (`records.delete`, and its review and erasure): one
 * transaction and one journal command. A list lets no more be ticked, and says so.
 */
export const DELETE_MAX = 1_000;

export interface TrashItem {
  entity: EntityName;
  id: number;
  title: string;
  deletedAt: string;
  deletedBy: string | null;
  /** Records that went to the trash with it and come back with it. */
  withCount: number;
}

export interface TrashPage {
  items: TrashItem[];
  /** Cursor for the next page, or null at the end. */
  next: string | null;
  retentionDays: number;
  /** What the retention job last removed, if it ever ran. */
  lastEmptied: { at: string; removed: number; kept: number } | null;
}
