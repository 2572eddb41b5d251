/**
 * Lists (keyset pages, never OFFSET: page 20,000 costs what page 1 costs), detail with related
 * records, and search. Filtering happens in SQL; nothing is fetched to be thrown away.
 */
import type { ListPage, RecordAllowed, RecordDetail, SearchGroup, SearchHit } from '../../../shared/recordTypes';
import { lowerCase } from '../../../shared/coreMessages';
import { localDay } from '../../../shared/localDay';
import { ENTITIES, type EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { KluisError } from '../errors';
import { fold, phoneKey, withJoinedForms, withPhoneDigits } from './fold';
import { customOf, fromSearchRowid, readRow, SEARCH_KINDS, type Row } from './rows';
import { rowInScope, scopeCondition, type Access } from '../access/access';
import { listFields, readableInFull, readableLinkTarget, requireRowFor, searchableKeys, summaryOf, titleFor, viewOf, visibleFields, type VisibleField } from './service';
import { activeFields } from './fields';
import { prepared } from '../db/statements';
import { openCursor, sealCursor, type CursorContext, type CursorValue } from './cursor';
import { restrictedSince } from './restriction';

export type ListSort = 'name' | 'due';

export interface ListQuery {
  entity: EntityName;
  sort?: ListSort | undefined;
  /** Equality filters on enum, boolean and reference fields. */
  where?: Record<string, string | number | boolean> | undefined;
  /** Only records the caller owns. */
  mine?: boolean | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}


/** What a list is ordered by: what was asked for, or the order added when that would give data away. */
type ListOrder = ListSort | 'added';

/** The fields an order sorts on: the title's, or the due day's. */
function orderFields(entity: EntityName, sort: ListSort): readonly string[] {
  if (sort === 'name') return ENTITIES[entity].titleFields;
  if (entity === 'activity') return ['done', 'due_at'];
  if (entity === 'invoice') return ['due_on'];
  throw new KluisError('VALIDATION', { id: 'records.cannotSortByDue', values: { entity: lowerCase(ENTITIES[entity].label.singular) } });
}

/**
 * The order in force. Where the caller may not read every field the asked-for order sorts on (a
 * masked name), the list comes in the order the records were added: the place of a row among
 * others sorted by a value tells what the value is (a record named "Bakker" lands between two
 * masked names and bounds both).
 */
function listOrder(access: Access, entity: EntityName, sort: ListSort): ListOrder {
  return readableInFull(access, entity, orderFields(entity, sort)) ? sort : 'added';
}

/** Sort columns, most significant first; the id always ends it so the order is total. */
function sortColumns(entity: EntityName, order: ListOrder): string[] {
  if (order === 'added') return ['id'];
  if (order === 'due') return entity === 'activity' ? ['done', "coalesce(due_at, '9999-12-31')", 'id'] : ['due_on', 'id'];
  return ['sort_key', 'id'];
}

/** The cursors of one list (its kind and order) for one caller: see cursor.ts. */
function listCursorContext(access: Access, entity: EntityName, order: ListOrder): CursorContext {
  return ['records.list', entity, order, access.userId];
}

/**
 * A cursor that starts a list right after the row with these sort values, as the next page of the
 * list would: for tools that page from anywhere in a list (the benchmark). No channel offers it —
 * the window gets its cursors only from the pages it was given.
 */
export function listCursorAt(access: Access, entity: EntityName, sort: ListSort, values: readonly CursorValue[]): string {
  return sealCursor(listCursorContext(access, entity, listOrder(access, entity, sort)), values);
}

/** What a list or a count is narrowed to: equality filters and the caller's own records. */
export type ListFilter = Pick<ListQuery, 'entity' | 'where' | 'mine'>;

/** The SQL conditions of a list's filter (ListFilter), shared by its pages, its count and its export. */
export function filterConditions(db: Db, access: Access, filter: ListFilter): { sql: string[]; params: unknown[] } {
  // Filtering on a field one may not see would leak it: only visible, unmasked fields filter.
  const fields = visibleFields(db, access, filter.entity).filter((f) => f.access !== 'masked');
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(filter.where ?? {})) {
    const field = fields.find((f) => f.key === key && !f.custom && ['enum', 'boolean', 'reference'].includes(f.type));
    if (!field) throw new KluisError('VALIDATION', { id: 'records.cannotFilter', values: { key } });
    if (field.type === 'boolean' && typeof value === 'boolean') {
      // Written into the SQL (0 or 1, never the caller's text): a partial index such as the one of
      // open tasks (done = 0, migration 010) only serves a query that states its condition literally.
      sql.push(`${key} = ${value ? 1 : 0}`);
    } else {
      sql.push(`${key} = ?`);
      params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
  }
  if (filter.mine) {
    sql.push('owner_id = ?');
    params.push(access.userId);
  }
  return { sql, params };
}

/** The SQL of a list page, apart so tests can check its query plan. */
export function buildListQuery(
  db: Db,
  access: Access,
  query: ListQuery,
): { sql: string; params: unknown[]; columns: string[]; cursorContext: CursorContext; limit: number; rowFields: VisibleField[] } {
  const { entity } = query;
  const table = ENTITIES[entity].table;
  const limit = Math.min(query.limit ?? 50, 200);
  const order = listOrder(access, entity, query.sort ?? 'name');
  const columns = sortColumns(entity, order);
  const cursorContext = listCursorContext(access, entity, order);
  const scope = scopeCondition(access, entity, 'read');
  const filter = filterConditions(db, access, query);
  const where = ['deleted_at IS NULL', scope.sql, ...filter.sql];
  const params: unknown[] = [...scope.params, ...filter.params];
  if (query.after) {
    const cursor = openCursor(cursorContext, query.after, columns.length);
    // A leading sort column that a filter pins (done in a list of open tasks, the stage of a list of
    // one stage) is the same on every row: left out, the rest seeks straight into the index.
    const pinned = Object.keys(query.where ?? {});
    let from = 0;
    while (from < columns.length - 1 && pinned.includes(columns[from] as string)) from++;
    const seek = columns.slice(from);
    // SQLite seeks to the row value's first column (the rest it tests on the index entry), but not
    // when that column is an expression, as coalesce(due_at, …) of a list by due date: so the
    // first column's bound goes in on its own as well.
    where.push(`${seek[0]} >= ?`, `(${seek.join(', ')}) > (${seek.map(() => '?').join(', ')})`);
    params.push(cursor[from], ...cursor.slice(from));
  }
  // What summaryOf reads for the list's fields, and no more: a list page of contacts is then
  // answered from contacts_by_name alone (migration 011), without reading the rows.
  const rowFields = listFields(db, access, entity);
  // Owner and team as well, for what the caller may do to each row (allowedOn); both are in every
  // list's index, contacts_by_name included, so the page still reads no row it did not before.
  const selected = new Set(['id', 'owner_id', 'team_id', ...ENTITIES[entity].titleFields, ...rowFields.filter((f) => !f.custom).map((f) => f.key), 'custom']);
  const sql = `SELECT ${[...selected].join(', ')}, ${columns.map((c, i) => `${c} AS __k${i}`).join(', ')} FROM ${table} WHERE ${where.join(' AND ')} ORDER BY ${columns.join(', ')} LIMIT ?`;
  return { sql, params: [...params, limit + 1], columns, cursorContext, limit, rowFields };
}

export function listRecords(db: Db, access: Access, query: ListQuery): ListPage {
  const { sql, params, columns, cursorContext, limit, rowFields: fields } = buildListQuery(db, access, query);
  const rows = prepared(db, sql).all(...params) as Record<string, string | number | null>[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ ...summaryOf(db, access, query.entity, row, fields), allowed: allowedOn(access, query.entity, row) })),
    next: rows.length > limit && last ? sealCursor(cursorContext, columns.map((_, i) => last[`__k${i}`] as CursorValue)) : null,
  };
}

/**
 * What the caller may do to one record, by its owner and team: the one answer for its page
 * (RecordDetail.allowed) and its row in a list (ListRow.allowed), the same check the change itself
 * meets (requireRowFor).
 */
export function allowedOn(access: Access, entity: EntityName, row: Row): RecordAllowed {
  // A restricted person's record is kept as it is (restriction.ts). A list row does not read the
  // column (its index holds what the list shows): a change from there is refused by the core.
  const kept = entity === 'contact' && restrictedSince(row) !== null;
  return { update: !kept && rowInScope(access, entity, 'update', row), delete: !kept && rowInScope(access, entity, 'delete', row) };
}

/**
 * What a count is narrowed to: a list's filter and, for lists by due date, only what falls due
 * before a day (the overdue ones: due before today).
 */
export interface CountQuery extends ListFilter {
  dueBefore?: string | undefined;
}

/**
 * The SQL of a list's count, apart so tests can check its query plan. With a filter it needs the
 * database, for the fields the caller may filter on.
 */
export function buildCountQuery(access: Access, entity: EntityName, db?: Db, query?: CountQuery): { sql: string; params: unknown[] } {
  const scope = scopeCondition(access, entity, 'read');
  const filter = db && query ? filterConditions(db, access, query) : { sql: [], params: [] };
  const where = ['deleted_at IS NULL', scope.sql, ...filter.sql];
  const params: unknown[] = [...scope.params, ...filter.params];
  if (query?.dueBefore !== undefined) {
    // A count by due day tells of the due days: only for one who may read them in full.
    const due = orderFields(entity, 'due');
    if (!readableInFull(access, entity, due)) throw new KluisError('VALIDATION', { id: 'records.cannotFilter', values: { key: due.at(-1) ?? '' } });
    // The due column the list sorts by (the one before the id), the same expression its index
    // holds, so the count seeks in the index.
    where.push(`${sortColumns(entity, 'due').at(-2) ?? ''} < ?`);
    params.push(query.dueBefore);
  }
  return { sql: `SELECT count(*) AS n FROM ${ENTITIES[entity].table} WHERE ${where.join(' AND ')}`, params };
}

export function countRecords(db: Db, access: Access, query: CountQuery): number {
  const { sql, params } = buildCountQuery(access, query.entity, db, query);
  return (prepared(db, sql).get(...params) as { n: number }).n;
}


const RELATED_LIMIT = 50;

/** What a related record shows besides its title: whether a consent still stands (withdrawn or not). */
const RELATED_FIELDS: Partial<Record<EntityName, ReadonlySet<string>>> = { consent: new Set(['withdrawn_at']) };

/** What a timeline entry shows besides its title (RecordDetailPage): kind, day, done or open, text. */
const TIMELINE_FIELDS: ReadonlySet<string> = new Set(['kind', 'due_at', 'done', 'body']);

/**
 * A record's own page: the record in full (viewOf), and around it only what the page shows of the
 * rest. A related record is a link (its title, and RELATED_FIELDS), a timeline entry its title and TIMELINE_FIELDS, as
 * far as the caller may see them: neither the other fields nor the titles of what those link to
 * cross to the renderer, and none of those links is looked up.
 */
export function recordDetail(db: Db, access: Access, entity: EntityName, id: number): RecordDetail {
  const row = requireRowFor({ db, access }, entity, id, 'read');
  const record = viewOf(db, access, entity, row);
  const allowed = allowedOn(access, entity, row);
  const related: RecordDetail['related'] = [];
  for (const other of Object.values(ENTITIES)) {
    if (other.name === 'activity') continue;
    // A link the caller cannot see (hidden field) says nothing about what hangs on this record.
    const otherFields = visibleFields(db, access, other.name);
    const shown = otherFields.filter((f) => RELATED_FIELDS[other.name]?.has(f.key));
    for (const field of otherFields) {
      if (field.type !== 'reference' || field.references !== entity || field.access === 'masked') continue;
      const scope = scopeCondition(access, other.name, 'read');
      const where = `${field.key} = ? AND deleted_at IS NULL AND ${scope.sql}`;
      const count = (prepared(db, `SELECT count(*) AS n FROM ${other.table} WHERE ${where}`).get(id, ...scope.params) as { n: number }).n;
      if (count === 0) continue;
      // By name, as lists are, unless the caller sees names masked: then in the order added (listOrder).
      const order = sortColumns(other.name, listOrder(access, other.name, 'name')).join(', ');
      const rows = prepared(db, `SELECT * FROM ${other.table} WHERE ${where} ORDER BY ${order} LIMIT ?`).all(id, ...scope.params, RELATED_LIMIT) as Record<
        string,
        string | number | null
      >[];
      related.push({ entity: other.name, via: field.key, count, rows: rows.map((row) => summaryOf(db, access, other.name, row, shown)) });
    }
  }
  return { record, related, ...timelineOf(db, access, entity, id), allowed };
}

/** How many activities a record's timeline shows: the ones nearest to today. */
const TIMELINE_SHOWN = 20;

/**
 * The activities linked to a record as its timeline shows them: the 20 nearest to today (what is
 * coming and what was done last, rather than only the furthest planned), newest first, and how many
 * there are. Null when the caller sees an activity's link to this kind of record masked or not at
 * all: as for related records, listing them here would show what they are linked to.
 */
function timelineOf(db: Db, access: Access, entity: EntityName, id: number): Pick<RecordDetail, 'timeline' | 'timelineTotal'> {
  const link = { contact: 'contact_id', organisation: 'organisation_id', deal: 'deal_id' }[entity as string];
  if (!link) return { timeline: [], timelineTotal: 0 };
  const activityFields = visibleFields(db, access, 'activity');
  if (!activityFields.some((f) => f.key === link && f.access !== 'masked')) return { timeline: null, timelineTotal: null };
  const timelineFields = activityFields.filter((f) => TIMELINE_FIELDS.has(f.key));
  const scope = scopeCondition(access, 'activity', 'read');
  const where = `${link} = ? AND deleted_at IS NULL AND ${scope.sql}`;
  // A place in the timeline must not tell a day the caller may not read (as a list's sort does
  // not): without the due day, activities go by the day they were added.
  const dueReadable = readableInFull(access, 'activity', ['due_at']);
  const day = dueReadable ? 'julianday(coalesce(due_at, substr(created_at, 1, 10)))' : 'julianday(substr(created_at, 1, 10))';
  const when = (row: Record<string, string | number | null>) => String((dueReadable ? row.due_at : null) ?? row.created_at);
  const rows = prepared(db, `SELECT * FROM activities WHERE ${where} ORDER BY abs(${day} - julianday(?)), id DESC LIMIT ${TIMELINE_SHOWN}`).all(
    id,
    ...scope.params,
    localDay(),
  ) as Record<string, string | number | null>[];
  const total = rows.length < TIMELINE_SHOWN ? rows.length : (prepared(db, `SELECT count(*) FROM activities WHERE ${where}`).pluck().get(id, ...scope.params) as number);
  const newestFirst = rows.sort((a, b) => when(b).localeCompare(when(a)) || Number(b.id) - Number(a.id));
  return { timeline: newestFirst.map((row) => summaryOf(db, access, 'activity', row, timelineFields)), timelineTotal: total };
}

/**
 * Words → an FTS5 query: every word must match as a prefix, accents and case ignored. fold() also
 * spells ø, ł, ß … as o, l, ss, as the index holds them (searchTextOf): "søren" and "soren" both
 * ask for "soren", "straße" for "strasse".
 */
export function searchExpression(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  // AND spelled out: FTS5 joins a bracketed OR group to the next word only so.
  const all = words.map(wordQuery).join(' AND ');
  // A phone number typed in another form than it was written in: its digits, as the index also holds them.
  const phone = phoneQueryKey(text);
  return phone === null ? all : `(${all}) OR "${phone}"*`;
}

/** The least digits a phone number typed in search needs to be looked for as one: "0612" but not "06". */
const PHONE_QUERY_DIGITS = 4;

/**
 * A search that is (the start of) a phone number, "+31 6 12" or "06-1234", as the index holds phone
 * numbers (withPhoneDigits): "0612", matched as a prefix. null for any other search.
 */
function phoneQueryKey(text: string): string | null {
  const typed = text.trim();
  return /^\+?[\d ()./-]+$/.test(typed) ? phoneKey(typed, PHONE_QUERY_DIGITS) : null;
}

/** How long a number a search still finds when it was stored with leading zeros ("004137"). */
const PADDED_NUMBER_DIGITS = 8;

/**
 * One word as an FTS5 prefix query. A number also finds the same number stored with more leading
 * zeros: "4137" finds invoice 2026-004137, as people read and say it, and "0019" finds 000019 (never
 * with fewer zeros than typed: "0019" does not find 19).
 */
function wordQuery(word: string): string {
  const number = zeroPadded(word);
  if (!number || word.length >= PADDED_NUMBER_DIGITS) return `"${word}"*`;
  const padded = Array.from({ length: PADDED_NUMBER_DIGITS - word.length + 1 }, (_, more) => `"${'0'.repeat(number.zeros + more)}${number.digits}"*`);
  return `(${padded.join(' OR ')})`;
}

/** A word of digits as its leading zeros' count and the rest ("0019": 2 and "19"); null for another word or zeros alone. */
function zeroPadded(word: string): { zeros: number; digits: string } | null {
  const match = /^(0*)([1-9]\d*)$/.exec(word);
  return match ? { zeros: match[1]!.length, digits: match[2]! } : null;
}

/** Whether a word of a record starts with the word asked for, a number also after more leading zeros (wordQuery). */
function startsWithWord(have: string, word: string): boolean {
  if (have.startsWith(word)) return true;
  const asked = zeroPadded(word);
  const stored = /^(0*)(\d*)$/.exec(have);
  return asked !== null && stored !== null && stored[1]!.length >= asked.zeros && stored[2]!.startsWith(asked.digits);
}

/** The words a search asks for, folded as the index holds them: at most eight. */
function searchWords(text: string): string[] {
  return wordsOf(text).slice(0, 8);
}

function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Whether every word asked for starts a word of these values. The search index holds every
 * searchable field of a record, whoever reads it; for a caller who may not read some of them in
 * full, a hit is kept only when what they may read matches, or the hit would tell them what a
 * hidden or masked field holds ("is there a contact named …?").
 */
function readableTextMatches(words: readonly string[], phone: string | null, values: readonly unknown[]): boolean {
  const have = values.flatMap((value) => (typeof value === 'string' ? wordsOf(withJoinedForms(value)) : []));
  return words.every((word) => have.some((w) => startsWithWord(w, word))) || (phone !== null && have.some((w) => w.startsWith(phone)));
}

/** The fields a search hit's second line shows, per kind of record: where it is and what state it is in. */
const HIT_DETAILS: Partial<Record<EntityName, readonly string[]>> = {
  contact: ['organisation_id', 'email'],
  organisation: ['city'],
  deal: ['organisation_id', 'stage'],
  activity: ['kind', 'due_at'],
  invoice: ['organisation_id', 'status'],
};

/**
 * A search hit's second line as values (SearchHit.details), from `fields`: those of its kind the
 * caller may read in full (never masked or hidden ones). A reference comes with the title of what it
 * points at, when the caller may read that record.
 */
function hitDetailsOf(
  db: Db,
  access: Access,
  entity: EntityName,
  fields: ReadonlyMap<string, VisibleField>,
  row: Record<string, string | number | null>,
): Pick<SearchHit, 'details' | 'refs'> {
  const details: SearchHit['details'] = [];
  const refs: SearchHit['refs'] = {};
  for (const key of HIT_DETAILS[entity] ?? []) {
    const field = fields.get(key);
    const value = field ? row[key] : null;
    if (value === null || value === undefined || value === '') continue;
    if (field?.type === 'reference' && field.references) {
      const target = typeof value === 'number' ? readableLinkTarget(db, access, field.references, value) : null;
      if (!target) continue;
      refs[key] = { id: value as number, title: titleFor(access, field.references, target) };
    }
    details.push({ key, value });
  }
  return { details, refs };
}

/**
 * At most this many matches are ranked (bm25) per query: ranking costs time for every match, and
 * two letters over a million names match hundreds of thousands. A query with more matches is too
 * broad to rank within a keystroke: then title matches come first, then the rest, each in index
 * order, until the page is full. Every query with fewer matches is ranked exactly.
 */
export const SEARCH_RANK_LIMIT = 1_000;

/**
 * How many candidates a broad pass reads at most, in index order. It reads on until the page is
 * full, so a user whose scope holds a few of the matches (a sales rep's own records among a
 * million) still finds theirs; this bounds the time of a query whose matches lie mostly outside it.
 */
const BROAD_CANDIDATES_MOST = 5_000;

/**
 * Candidate rowids for one FTS5 expression: all of them best first (`ranked`), or in index order,
 * read one by one as the caller asks for more, up to BROAD_CANDIDATES_MOST.
 */
function* candidates(db: Db, match: string, ranked: boolean): Generator<number> {
  if (ranked) {
    yield* prepared(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 10.0, 1.0)').pluck().all(match) as number[];
    return;
  }
  yield* prepared(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?').pluck().iterate(match, BROAD_CANDIDATES_MOST) as IterableIterator<number>;
}

/**
 * Best matches first (bm25, the title weighing ten times the rest), grouped by kind. Hits are read
 * in that order and kept only when the record is live and inside the caller's read scope, so a
 * record outside the scope never leaves the core.
 */
export function searchRecords(db: Db, access: Access, text: string, limit = 50): SearchGroup[] {
  const expression = searchExpression(text);
  if (!expression) return [];
  const words = searchWords(text);
  const phone = phoneQueryKey(text);
  return searchIndex(db, access, expression, (values) => readableTextMatches(words, phone, values), limit);
}

/**
 * The records whose searched text holds this phone number whole, as phoneKey spells it, not as the
 * start of a longer one: the list of records that mention a person, where "06-1234" should not
 * list every number that starts so.
 */
export function searchPhoneNumber(db: Db, access: Access, key: string, limit = 50): SearchGroup[] {
  return searchIndex(db, access, `"${key}"`, (values) => readableTextHolds(key, values), limit);
}

/** Whether a value the caller may read holds this phone number whole (see readableTextMatches). */
function readableTextHolds(key: string, values: readonly unknown[]): boolean {
  return values.some((value) => typeof value === 'string' && wordsOf(withPhoneDigits(value)).includes(key));
}

/**
 * The hits of an FTS5 expression, best first and grouped by kind, read in rank order and kept only
 * when the record is live and inside the caller's read scope. `readableMatches`: for a caller who may
 * not read every indexed field in full, whether what they may read matches (readableTextMatches).
 */
function searchIndex(db: Db, access: Access, expression: string, readableMatches: (values: readonly unknown[]) => boolean, limit: number): SearchGroup[] {
  const readable = new Set((Object.keys(SEARCH_KINDS) as EntityName[]).filter((entity) => access.scope(entity, 'read') !== 'none'));
  if (readable.size === 0) return [];
  const groups = new Map<EntityName, SearchHit[]>();
  const seen = new Set<number>();
  // The fields a hit's second line may show, once per kind of record rather than once per hit.
  const readableFields = new Map<EntityName, ReadonlyMap<string, VisibleField>>();
  const fullyReadable = (entity: EntityName): ReadonlyMap<string, VisibleField> => {
    let fields = readableFields.get(entity);
    if (!fields) {
      fields = new Map(visibleFields(db, access, entity).filter((f) => f.access !== 'masked').map((f) => [f.key, f]));
      readableFields.set(entity, fields);
    }
    return fields;
  };
  // The indexed fields a caller may read in full, per kind; null when that is all of them (most callers).
  const partlyReadable = new Map<EntityName, readonly string[] | null>();
  const readableIndexedKeys = (entity: EntityName): readonly string[] | null => {
    let keys = partlyReadable.get(entity);
    if (keys === undefined) {
      const indexed = new Set([...ENTITIES[entity].titleFields, ...searchableKeys(activeFields(db, entity))]);
      const readableKeys = [...indexed].filter((key) => fullyReadable(entity).has(key));
      keys = readableKeys.length === indexed.size ? null : readableKeys;
      partlyReadable.set(entity, keys);
    }
    return keys;
  };
  // bm25 weighs every indexed field, so for a caller who may not read some of them the order of
  // their hits would tell which of those fields hold the words too. They get title matches first,
  // then the rest, in index order, as a query too broad to rank does; if they may not read a
  // title in full either, one pass in index order.
  const partly = [...readable].filter((entity) => readableIndexedKeys(entity) !== null);
  const titlesReadable = partly.every((entity) => readableInFull(access, entity, ENTITIES[entity].titleFields));
  const tooManyToRank = (match: string) => prepared(db, 'SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT 1 OFFSET ?').get(match, SEARCH_RANK_LIMIT) !== undefined;
  const titlesFirst = (partly.length > 0 || tooManyToRank(expression)) && titlesReadable;
  const passes = titlesFirst ? [`{title} : (${expression})`, expression] : [expression];
  for (const match of passes) {
    for (const rowid of candidates(db, match, partly.length === 0 && !tooManyToRank(match))) {
      if (seen.size >= limit) break;
      const target = fromSearchRowid(rowid);
      if (!target || !readable.has(target.entity) || seen.has(rowid)) continue;
      const row = readRow(db, target.entity, target.id);
      if (!row || row.deleted_at || !rowInScope(access, target.entity, 'read', row)) continue;
      const keys = readableIndexedKeys(target.entity);
      // A built-in field is a column of the row; a custom one (searchable when added) is in `custom`.
      if (keys !== null && !readableMatches(keys.map((key) => (Object.hasOwn(row, key) ? row[key] : customOf(row)[key])))) continue;
      seen.add(rowid);
      const hit: SearchHit = {
        entity: target.entity,
        id: target.id,
        title: titleFor(access, target.entity, row),
        ...hitDetailsOf(db, access, target.entity, fullyReadable(target.entity), row as Record<string, string | number | null>),
      };
      groups.set(target.entity, [...(groups.get(target.entity) ?? []), hit]);
    }
    if (seen.size >= limit) break;
  }
  return [...groups].map(([entity, hits]) => ({ entity, hits }));
}
