/**
 * Rows of the record tables, read and written whole. Every change to a record is one RowChange —
 * the row before and after — applied here, which also keeps the search index in step. Only the
 * command journal (electron/core/history, DESIGN §7) applies them, and records each one.
 */
import type { CoreMessage } from '../../../shared/coreMessages';
import { ENTITIES, type EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { fold, searchSpelling } from './fold';
import type { StoredValue } from './validate';
import { prepared } from '../db/statements';
import { fieldErrorDetails, KluisError } from '../errors';
import { nextInvoiceNumber } from './invoiceNumbers';
import { queueSearchRemoval, unqueueSearchRemoval } from './searchCleanup';

export type Row = Record<string, StoredValue>;

export interface RowChange {
  entity: EntityName;
  id: number;
  before: Row | null;
  after: Row | null;
}

export const SYSTEM_COLUMNS = ['id', 'sort_key', 'owner_id', 'team_id', 'created_at', 'updated_at', 'deleted_at', 'custom', 'deleted_by', 'trashed_with'] as const;

/** The kinds that appear in the search index, and their code in the index rowid. */
export const SEARCH_KINDS: Partial<Record<EntityName, number>> = { contact: 1, organisation: 2, deal: 3, activity: 4, invoice: 5 };
const KIND_BY_CODE = new Map(Object.entries(SEARCH_KINDS).map(([entity, code]) => [code, entity as EntityName]));

export function searchRowid(entity: EntityName, id: number): number {
  return id * 8 + (SEARCH_KINDS[entity] ?? 0);
}

export function fromSearchRowid(rowid: number): { entity: EntityName; id: number } | null {
  const entity = KIND_BY_CODE.get(rowid % 8);
  return entity ? { entity, id: Math.floor(rowid / 8) } : null;
}

export function columnsOf(entity: EntityName): string[] {
  return [...ENTITIES[entity].fields.map((f) => f.key), ...SYSTEM_COLUMNS];
}

export function readRow(db: Db, entity: EntityName, id: number): Row | null {
  return (prepared(db, `SELECT * FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) as Row | undefined) ?? null;
}

/**
 * The index holding, for every record of the kinds a link can point to, what the link shows: the
 * title fields, the owner and team that decide whether the reader may see it, and whether it is in
 * the trash (migration 008).
 */
export const LINK_TITLE_INDEXES: Partial<Record<EntityName, string>> = {
  contact: 'contacts_titles',
  organisation: 'organisations_titles',
  deal: 'deals_titles',
};

/**
 * The record a link points to, as far as the link shows it (id, title fields, owner, team), or null
 * when it is gone or in the trash. Read from the record's small title index rather than its row: a
 * list of 50 contacts shows 50 organisation names, and those 50 rows would sit on 50 pages to read
 * and decrypt, where the index holds about a hundred titles per page (docs/performance.md).
 */
export function readLinkedRow(db: Db, entity: EntityName, id: number): Row | null {
  const row = prepared(db, linkedRowSql(entity)).get(id) as Row | undefined;
  return row === undefined || row.deleted_at !== null ? null : row;
}

/** The SQL of readLinkedRow, apart so tests can check its query plan. */
export function linkedRowSql(entity: EntityName): string {
  const { table, titleFields } = ENTITIES[entity];
  const index = LINK_TITLE_INDEXES[entity];
  const from = index === undefined ? table : `${table} INDEXED BY ${index}`;
  return `SELECT id, ${titleFields.join(', ')}, owner_id, team_id, deleted_at FROM ${from} WHERE id = ?`;
}

/** The words a record is listed and sorted by: "Jansen Piet" for a contact, the name for the rest. */
export function titleOf(entity: EntityName, row: Row): string {
  const parts = ENTITIES[entity].titleFields.map((key) => row[key]).filter((v) => v !== null && v !== undefined && v !== '');
  return parts.join(' ');
}

/** The values of the custom fields, kept as JSON in the row's `custom` column. */
export function customOf(row: Row): Record<string, StoredValue> {
  return typeof row.custom === 'string' ? (JSON.parse(row.custom) as Record<string, StoredValue>) : {};
}

/**
 * What a list sorts a record by: its title folded (case, accents, ø …), with every number in it
 * written so that numbers sort as numbers (`numbersInOrder`): "Bakkerij 2" before "Bakkerij 10".
 * The import also finds a record by it (a contact by name, an organisation by name).
 */
export function sortKeyOf(entity: EntityName, row: Row): string {
  if (entity === 'contact') return numbersInOrder(fold(`${row.last_name ?? ''} ${row.first_name ?? ''}`));
  return numbersInOrder(fold(titleOf(entity, row)));
}

/**
 * Each run of digits as its length (two digits) and then the digits without leading zeros: "2"
 * becomes "012" and "10" "0210", so a shorter number sorts first and numbers of one length as
 * their digits do. Still digits, so numbers keep sorting before letters. "007" and "7" tie (the
 * id decides). A run longer than 99 digits is no number anyone sorts by and is left as it is.
 */
export function numbersInOrder(text: string): string {
  if (!/\d/.test(text)) return text;
  return text.replace(/\d+/g, (digits) => {
    const number = digits.replace(/^0+(?=\d)/, '');
    return number.length > 99 ? digits : `${String(number.length).padStart(2, '0')}${number}`;
  });
}

/**
 * Title and body for the search index, from the searchable fields that are switched on, with ø, ł,
 * ß … spelled as o, l, ss (foldLetters): the tokenizer folds case and accents, not these letters;
 * and a word with an apostrophe also written without it (D'Hondt, DHondt). Only the index holds this
 * spelling; what a hit shows is read from the record.
 */
function searchTextOf(entity: EntityName, row: Row, searchable: ReadonlySet<string>): { title: string; body: string } {
  const title = titleOf(entity, row);
  const titleKeys = new Set(ENTITIES[entity].titleFields);
  const builtIn = ENTITIES[entity].fields.filter((f) => f.searchable && searchable.has(f.key) && !titleKeys.has(f.key)).map((f) => row[f.key]);
  // A custom field searched for (chosen when it was added) is in `searchable` too; its value is in `custom`.
  const custom = customOf(row);
  const customValues = Object.keys(custom).filter((key) => searchable.has(key)).sort().map((key) => custom[key]);
  const body = [...builtIn, ...customValues]
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .join(' ');
  return { title: searchSpelling(title), body: searchSpelling(body) };
}

/**
 * When a record leaves search (trashed, or removed by undo): `now` takes its entry out in this
 * transaction; `later` notes it for the cleanup (searchCleanup.ts), for bulk changes whose values
 * the journal keeps anyway. A deletion for good and an erasure use `now`.
 */
export type SearchRemoval = 'now' | 'later';

export function reindex(db: Db, entity: EntityName, id: number, row: Row | null, searchable: ReadonlySet<string>, removal: SearchRemoval = 'now'): void {
  if (SEARCH_KINDS[entity] === undefined) return;
  const rowid = searchRowid(entity, id);
  if (!row || row.deleted_at) {
    if (removal === 'later') return queueSearchRemoval(db, rowid);
    unqueueSearchRemoval(db, rowid);
    prepared(db, 'DELETE FROM search_index WHERE rowid = ?').run(rowid);
    return;
  }
  const { title, body } = searchTextOf(entity, row, searchable);
  // A record back before the cleanup reached its entry (a restore, a redo) keeps the entry if its words are the same.
  if (unqueueSearchRemoval(db, rowid)) {
    const entry = prepared(db, 'SELECT title, body FROM search_index WHERE rowid = ?').get(rowid) as { title: string; body: string } | undefined;
    if (entry && entry.title === title && entry.body === body) return;
  }
  prepared(db, 'DELETE FROM search_index WHERE rowid = ?').run(rowid);
  prepared(db, 'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, body);
}

/**
 * The highest id a kind of record has ever had: the one record_ids remembers (migration 009), or a
 * higher one already in the table (an install from before it, or a seed run in progress).
 */
export function lastRecordId(db: Db, entity: EntityName): number {
  const sql = `SELECT max(coalesce((SELECT last_id FROM record_ids WHERE entity = ?), 0), coalesce((SELECT max(id) FROM ${ENTITIES[entity].table}), 0)) AS id`;
  return (prepared(db, sql).get(entity) as { id: number }).id;
}

/** Remembers that ids up to `id` have been given out for the kind. */
export function markRecordIdsIssued(db: Db, entity: EntityName, id: number): void {
  prepared(db, 'INSERT INTO record_ids (entity, last_id) VALUES (?, ?) ON CONFLICT (entity) DO UPDATE SET last_id = max(last_id, excluded.last_id)').run(entity, id);
}

/**
 * A new record's id: one above every id its kind has had, so an id — in the audit log, the journal,
 * a search row — names one record for good, also after the newest record was purged or erased
 * (SQLite on its own would give the next record the purged one's id).
 */
export function issueRecordId(db: Db, entity: EntityName): number {
  const id = lastRecordId(db, entity) + 1;
  markRecordIdsIssued(db, entity, id);
  return id;
}

/** Writes one change: insert (before null), delete (after null) or update (both). Returns the id. */
/**
 * Runs a write; an invoice number already in use (the one UNIQUE column of the record tables:
 * numbers are unique in the whole install, the trash included, whatever their capitals: "f1011"
 * beside "F1011" would be two invoices with one number) comes back as a reason under the number
 * field (VALIDATION, so a form shows it there) with the next free number, not as an internal error.
 * That a number is taken is no secret: numbers run in order.
 */
function unlessNumberTaken(db: Db, change: RowChange, id: number, write: () => unknown): void {
  const number = change.entity === 'invoice' ? change.after?.number : undefined;
  const numbered = typeof number === 'string' && number !== change.before?.number;
  if (numbered && prepared(db, 'SELECT 1 FROM invoices WHERE number = ? COLLATE NOCASE AND id <> ?').get(number, id) !== undefined) throw numberTaken(db, number);
  try {
    write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (change.entity === 'invoice' && code === 'SQLITE_CONSTRAINT_UNIQUE' && /invoices\.number/.test(String((error as Error).message))) throw numberTaken(db, String(number ?? ''));
    throw error;
  }
}

function numberTaken(db: Db, number: string): KluisError {
  const next = nextInvoiceNumber(db);
  const message: CoreMessage = next === null ? { id: 'records.invoiceNumberTaken', values: { number } } : { id: 'records.invoiceNumberTakenNext', values: { number, next } };
  return new KluisError('VALIDATION', message, fieldErrorDetails({ number: message }));
}

export function applyRowChange(db: Db, change: RowChange, searchable: ReadonlySet<string>, removal: SearchRemoval = 'now'): number {
  const table = ENTITIES[change.entity].table;
  let id = change.id;
  if (change.after && !change.before) {
    // A new record gets a new id; one that comes back (undo, redo, restore) gets its own again.
    if (id <= 0) id = issueRecordId(db, change.entity);
    const columns = ['id', ...Object.keys(change.after).filter((c) => c !== 'id')];
    const values = columns.map((c) => (c === 'id' ? id : change.after![c]));
    unlessNumberTaken(db, change, id, () => prepared(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values));
  } else if (change.before && change.after) {
    const changed = Object.keys(change.after).filter((c) => c !== 'id' && change.after![c] !== change.before![c]);
    if (changed.length > 0) {
      unlessNumberTaken(db, change, id, () =>
        prepared(db, `UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...changed.map((c) => change.after![c]), id),
      );
    }
  } else if (change.before) {
    prepared(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
  }
  if (!searchUnchanged(change, searchable)) reindex(db, change.entity, id, change.after ? { ...change.after, id } : null, searchable, removal);
  return id;
}

/**
 * An edit that leaves the indexed words alone (a job title, a stage) need not touch the search
 * index: rewriting an entry means rewriting the pages of every word and prefix it holds.
 */
function searchUnchanged(change: RowChange, searchable: ReadonlySet<string>): boolean {
  const { before, after } = change;
  if (!before || !after || SEARCH_KINDS[change.entity] === undefined) return false;
  if (Boolean(before.deleted_at) !== Boolean(after.deleted_at)) return false;
  const a = searchTextOf(change.entity, before, searchable);
  const b = searchTextOf(change.entity, after, searchable);
  return a.title === b.title && a.body === b.body;
}
