/**
 * Demo data for reviews and the benchmark (issue 4 item 7): realistic Dutch and Belgian
 * organisations, people, deals, activities, invoices and consents, the same for the same seed, fast
 * enough for a million contacts in a few minutes.
 *
 * How it stays fast: one transaction for the whole run (all or nothing), with foreign key checks
 * off and a page cache the size of the run (bulkSettings); rows go in 50 at a time through prepared
 * multi-row INSERTs that bind only what varies (see Writer); and — when the run at least doubles the
 * contacts — the secondary indexes of the record tables are dropped first and rebuilt from their own
 * SQL at the end of that same transaction, so a crash leaves the install exactly as it was. The
 * search rows, computed as reindex() in rows.ts computes them, go in every 25,000 contacts in
 * ascending rowid order (see insertSearchRows), and a large run merges the search index once at the
 * end instead of all along. At a million contacts the time goes, roughly, a quarter to rebuilding
 * the indexes (SQLite's sort), a quarter to the search index, a fifth to the rows, a fifth to
 * encrypting and writing the pages at the commit and a tenth to making up the data (docs/performance.md).
 * Ids continue after every id the install has given out (see issueRecordId); the whole run is one
 * audit entry that holds counts only.
 */
import { Command } from '../../history/journal';
import { totalmem } from 'node:os';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SessionUser } from '../../../../shared/apiTypes';
import { ENTITIES, type EntityName } from '../../../../shared/registry';
import type { Db } from '../../db/open';
import { KluisError } from '../../errors';
import { audit, mirrorAuditHead, type OpenInstall } from '../../session/openInstall';
import { disabledFields } from '../fields';
import { searchSpelling } from '../fold';
import { columnsOf, lastRecordId, markRecordIdsIssued, SEARCH_KINDS, searchRowid, sortKeyOf, titleOf, type Row } from '../rows';
import { DemoData } from './generate';

export const MAX_SEED_CONTACTS = 10_000_000;
/** Progress is reported after every this many contacts. */
export const SEED_PROGRESS_EVERY = 25_000;
/**
 * The smallest page cache of a run (KiB): the index pages of a large append stay in memory. Sorts
 * stay in memory whatever its size, as temp_store is MEMORY (temporary files are not encrypted).
 */
const SEED_CACHE_MIN_KIB = 512 * 1024;

/** The signed-in session that seeds: its database, its user (the audit actor) and the open install. */
export interface SeedContext {
  db: Db;
  user: SessionUser;
  open: OpenInstall;
}

export interface SeedOptions {
  contacts: number;
  /** The same seed gives the same records in the same order (default 1). */
  seed?: number;
  /** The day dates are spread around (default: now). */
  now?: Date;
  /** Called every SEED_PROGRESS_EVERY contacts and at the end (before the commit). */
  onProgress?: (contacts: number, total: number) => void;
}

export interface SeedCounts {
  contacts: number;
  organisations: number;
  deals: number;
  activities: number;
  invoices: number;
  consents: number;
}

export interface SeedResult {
  counts: SeedCounts;
  /** Rows written to the record tables (all six kinds; search rows not counted). */
  rows: number;
  /** Rows written to the search index. */
  searchRows: number;
  seconds: number;
  contactsPerSecond: number;
  rowsPerSecond: number;
}

interface SearchRows {
  rowids: number[];
  titles: string[];
  bodies: string[];
}

/**
 * Rows go to SQLite this many at a time, as one multi-row INSERT: one call into the driver and one
 * statement step instead of fifty. Only while foreign keys are off (see bulkSettings): a buffered
 * organisation is not in its table yet when the contacts that point to it may already be.
 */
const ROWS_PER_INSERT = 50;

/** System columns a seeded row never fills: it is live, outside the trash, with no custom values. */
const NULL_SYSTEM_COLUMNS: ReadonlySet<string> = new Set(['deleted_at', 'deleted_by', 'trashed_with', 'custom']);

/** Sort key and search title computed once for a title that repeats (names, subjects, products). */
interface Texts {
  sortKey: string;
  /** The title as the search index holds it: searchSpelling(titleOf(…)), as reindex writes it. */
  searchTitle: string;
}

/** More distinct titles than this and the cache starts over: unique titles (invoice numbers) would only fill it. */
const TEXTS_CACHE_MAX = 1 << 18;

type Value = string | number | null;

/** Inserts one kind of record from a reusable row object, with its search row when it has one. */
class Writer {
  readonly row: Row = {};
  count = 0;
  searchCount = 0;
  private nextId: number;
  /**
   * The columns bound per row, in statement order. The rest are constants written into the SQL:
   * the time stamps of the run, and NULL for switched-off fields and NULL_SYSTEM_COLUMNS.
   */
  private readonly bound: string[];
  /** Rows waiting for the next multi-row INSERT, flat: ROWS_PER_INSERT × bound.length values. */
  private readonly buffer: Value[];
  private buffered = 0;
  private readonly insertOne: Database.Statement<Value[]>;
  private readonly insertMany: Database.Statement<Value[]>;
  private readonly rowsPerInsert: number;
  /** Search rows written since the last insertSearchRows(), in id order. */
  readonly pending: SearchRows = { rowids: [], titles: [], bodies: [] };
  readonly searchable: boolean;
  /** Optional fields an admin switched off: never stored. */
  private readonly off: string[];
  /** The searchable, switched-on fields that are not part of the title, in registry order (as reindex). */
  private readonly bodyKeys: string[];
  private readonly titleKeys: readonly string[];
  /** Texts by the first title field's value, then the second's ('' when there is none). */
  private readonly texts = new Map<Value, Map<Value, Texts>>();
  private textsCached = 0;

  constructor(
    db: Db,
    readonly entity: EntityName,
    createdAt: string,
    batched: boolean,
  ) {
    const def = ENTITIES[entity];
    const columns = columnsOf(entity);
    for (const column of columns) this.row[column] = null;
    const disabled = disabledFields(db, entity);
    this.off = def.fields.filter((f) => disabled.has(f.key)).map((f) => f.key);
    this.bodyKeys = def.fields.filter((f) => f.searchable && !disabled.has(f.key) && !def.titleFields.includes(f.key)).map((f) => f.key);
    this.titleKeys = def.titleFields;
    this.searchable = SEARCH_KINDS[entity] !== undefined;

    const stamp = `'${createdAt.replace(/'/g, "''")}'`;
    const constant = (column: string): string | null =>
      column === 'created_at' || column === 'updated_at' ? stamp : NULL_SYSTEM_COLUMNS.has(column) || disabled.has(column) ? 'NULL' : null;
    this.bound = columns.filter((column) => constant(column) === null);
    const tuple = `(${columns.map((column) => constant(column) ?? '?').join(', ')})`;
    const insert = (rows: number) => db.prepare<Value[]>(`INSERT INTO ${def.table} (${columns.join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`);
    this.rowsPerInsert = batched ? ROWS_PER_INSERT : 1;
    this.insertOne = insert(1);
    this.insertMany = this.rowsPerInsert > 1 ? insert(ROWS_PER_INSERT) : this.insertOne;
    this.buffer = new Array<Value>(this.rowsPerInsert * this.bound.length).fill(null);
    this.nextId = lastRecordId(db, entity) + 1;
  }

  /**
   * The row's sort key and search title, as sortKeyOf and reindex give them — which read nothing but
   * the title fields (one or two) and treat null and '' alike — remembered by the values of those
   * fields.
   */
  private textsOf(row: Row): Texts {
    const [firstKey, secondKey, ...more] = this.titleKeys;
    if (firstKey === undefined || more.length > 0) return this.computeTexts(row);
    const first = row[firstKey] ?? '';
    const second = secondKey === undefined ? '' : (row[secondKey] ?? '');
    let bySecond = this.texts.get(first);
    let texts = bySecond?.get(second);
    if (texts === undefined) {
      texts = this.computeTexts(row);
      if (++this.textsCached > TEXTS_CACHE_MAX) {
        this.texts.clear();
        this.textsCached = 1;
        bySecond = undefined;
      }
      if (bySecond === undefined) this.texts.set(first, (bySecond = new Map()));
      bySecond.set(second, texts);
    }
    return texts;
  }

  private computeTexts(row: Row): Texts {
    return { sortKey: sortKeyOf(this.entity, row), searchTitle: searchSpelling(titleOf(this.entity, row)) };
  }

  /** Writes the row as it stands now, owned by `owner`, and returns its id. */
  write(owner: Owner | null): number {
    const row = this.row;
    const id = this.nextId++;
    row.id = id;
    row.owner_id = owner?.id ?? null;
    row.team_id = owner?.team ?? null;
    for (const key of this.off) row[key] = null;
    const texts = this.textsOf(row);
    row.sort_key = texts.sortKey;
    const { bound, buffer } = this;
    let at = this.buffered * bound.length;
    for (const column of bound) buffer[at++] = row[column] ?? null;
    if (++this.buffered === this.rowsPerInsert) {
      // As arguments, not as one array: the driver reads an array value by value through V8's
      // object API, about 80 ns a value more — 4 s of a million-contact seed (docs/performance.md).
      this.insertMany.run(...buffer);
      this.buffered = 0;
    }
    this.count++;
    if (this.searchable) {
      let body = '';
      for (const key of this.bodyKeys) {
        const value = row[key];
        if (typeof value === 'string' && value !== '') body = body === '' ? value : `${body} ${value}`;
      }
      this.pending.rowids.push(searchRowid(this.entity, id));
      this.pending.titles.push(texts.searchTitle);
      this.pending.bodies.push(searchSpelling(body));
      this.searchCount++;
    }
    return id;
  }

  /** Remembers the ids this writer gave out, so they are never given again (see issueRecordId). */
  markIdsIssued(db: Db): void {
    if (this.count > 0) markRecordIdsIssued(db, this.entity, this.nextId - 1);
  }

  /** Writes the rows still waiting in the buffer, one by one. */
  flush(): void {
    const n = this.bound.length;
    for (let i = 0; i < this.buffered; i++) this.insertOne.run(...this.buffer.slice(i * n, (i + 1) * n));
    this.buffered = 0;
  }
}

/**
 * Inserts the search rows the writers hold, in ascending rowid order. FTS5 keeps new terms in memory
 * only while rowids go up; a smaller rowid makes it write a segment to disk first. The rowid is
 * id * 8 + kind, so contacts, organisations, deals, activities and invoices written side by side interleave —
 * inserted as they come, nearly every row would start a new segment and the index would spend its
 * time merging them. Each writer's rows are already in order; this merges the five lists. One row
 * per statement here: multi-row INSERTs into the FTS5 table measured slower, not faster.
 */
function insertSearchRows(db: Db, writers: Writer[]): void {
  const insert = db.prepare<[number, string, string]>('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)');
  const lists = writers.filter((w) => w.searchable).map((w) => w.pending);
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let bestRowid = Infinity;
    for (let i = 0; i < lists.length; i++) {
      const rowid = (lists[i] as SearchRows).rowids[next[i] as number];
      if (rowid !== undefined && rowid < bestRowid) {
        best = i;
        bestRowid = rowid;
      }
    }
    if (best < 0) break;
    const list = lists[best] as SearchRows;
    const at = next[best] as number;
    insert.run(bestRowid, list.titles[at] as string, list.bodies[at] as string);
    next[best] = at + 1;
  }
  for (const list of lists) {
    list.rowids.length = 0;
    list.titles.length = 0;
    list.bodies.length = 0;
  }
}

/** A user who owns records, and the team those records belong to (the user's first, as createRecord does). */
interface Owner {
  id: number;
  team: number | null;
}

function activeOwners(db: Db): Owner[] {
  return db
    .prepare("SELECT id, (SELECT min(team_id) FROM user_teams WHERE user_id = users.id) AS team FROM users WHERE status = 'active' ORDER BY id")
    .all() as Owner[];
}

/** The next free invoice number of the year: "2026-000124" after "2026-000123". */
function firstInvoiceNumber(db: Db, year: number): number {
  const row = db.prepare('SELECT max(CAST(substr(number, 6) AS INTEGER)) AS n FROM invoices WHERE number GLOB ?').get(`${year}-[0-9]*`) as {
    n: number | null;
  };
  return (row.n ?? 0) + 1;
}

interface IndexSql {
  name: string;
  sql: string;
}

/**
 * The secondary indexes of the record tables that seeded rows go into, with the SQL that made them
 * (not the UNIQUE ones SQLite owns). Left out: partial indexes of rows in the trash (WHERE deleted_at
 * IS NOT NULL …), which no seeded row enters — keeping them costs nothing, rebuilding them a scan.
 */
function recordIndexes(db: Db): IndexSql[] {
  const tables = Object.values(ENTITIES).map((e) => e.table);
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...tables) as IndexSql[];
  return indexes.filter((index) => !onlyForNullColumns(index.sql));
}

/** True when the index's WHERE clause requires a NULL_SYSTEM_COLUMNS column to be set (AND-ed, no OR). */
function onlyForNullColumns(sql: string): boolean {
  const where = /\bWHERE\b(.*)$/is.exec(sql)?.[1];
  if (where === undefined || /\bOR\b/i.test(where)) return false;
  return where.split(/\bAND\b/i).some((term) => {
    const column = /^\s*(\w+)\s+IS\s+NOT\s+NULL\s*$/i.exec(term)?.[1];
    return column !== undefined && NULL_SYSTEM_COLUMNS.has(column);
  });
}

/** FTS5's own defaults for the settings bulkSearchIndex changes. */
const FTS5_DEFAULTS: Record<string, number> = { automerge: 4, crisismerge: 16, hashsize: 1024 * 1024 };

/**
 * For a large run: FTS5 keeps up to 64 MiB of new terms in memory and does not merge segments while
 * the run lasts (up to 64 on a level), then the returned function merges the index into one
 * segment — each term written twice instead of once per merge level — and puts the settings back
 * (a setting that was never stored is stored with FTS5's default, which behaves the same).
 */
function bulkSearchIndex(db: Db): () => void {
  const stored = new Map((db.prepare('SELECT k, v FROM search_index_config').all() as { k: string; v: unknown }[]).map((r) => [r.k, r.v]));
  const set = (key: string, value: number) => db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('${key}', ${Math.trunc(value)})`);
  set('automerge', 0);
  set('crisismerge', 64);
  set('hashsize', 64 * 1024 * 1024);
  return () => {
    db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
    for (const [key, fallback] of Object.entries(FTS5_DEFAULTS)) set(key, Number(stored.get(key) ?? fallback));
  };
}

/** What bulkSettings changed, and how to put it back. */
interface BulkSettings {
  /** Foreign keys are off for the run: rows may reach their table in any order (see ROWS_PER_INSERT). */
  foreignKeysOff: boolean;
  restore(): void;
}

/**
 * The page cache for a run of `contacts` (KiB): room for the whole database a run of this size
 * writes (about 1.6 KiB per contact), so index rebuilds and the search merge read their pages from
 * memory instead of reading and decrypting pages that were written out half-way. At least 512 MiB,
 * at most 4 GiB or a quarter of the computer's memory. SQLite allocates pages only as it uses them.
 */
function seedCacheKib(contacts: number): number {
  const most = Math.min(4 * 1024 * 1024, Math.floor(totalmem() / 1024 / 4));
  return Math.max(SEED_CACHE_MIN_KIB, Math.min(most, contacts * 2));
}

/**
 * Connection settings for a bulk load, put back afterwards: a large page cache and temporary
 * storage in memory; foreign key checks off (the seed only points at rows it wrote before, or at
 * active users; the tests check the result with foreign_key_check), which spares a lookup per
 * reference and lets rows go in batches; and, when no other connection has the database open, a
 * rollback journal instead of WAL, so every page is encrypted once rather than written to the WAL
 * and copied again. Opening the database always sets WAL again (db/open.ts), even after a crash in
 * between. All of these are per connection and must change outside a transaction.
 */
function bulkSettings(db: Db, contacts: number): BulkSettings {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const tempStore = db.pragma('temp_store', { simple: true }) as number;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma(`cache_size = -${seedCacheKib(contacts)}`);
  db.pragma('temp_store = MEMORY');
  // A no-op inside a transaction: then the rows go in one at a time, in order, checked.
  db.pragma('foreign_keys = OFF');
  const foreignKeysOff = db.pragma('foreign_keys', { simple: true }) === 0;
  let journal = 'wal';
  try {
    journal = String(db.pragma('journal_mode = DELETE', { simple: true }));
  } catch {
    // Another connection holds the database: stay in WAL.
  }
  return {
    foreignKeysOff,
    restore: () => {
      if (journal !== 'wal') db.pragma('journal_mode = WAL');
      db.pragma(`foreign_keys = ${foreignKeys}`);
      db.pragma(`temp_store = ${tempStore}`);
      db.pragma(`cache_size = ${cacheSize}`);
    },
  };
}

/**
 * Adds `contacts` demo contacts with about one organisation per 8 contacts, 0.5 deals and 0.3
 * invoices per organisation, 2 activities per contact and a consent for 1 contact in 5. Owners go
 * round-robin over the active users, one organisation at a time; an organisation's people, deals,
 * activities, invoices and consents belong to its owner and the owner's first team.
 */
export function seedRecords(ctx: SeedContext, options: SeedOptions): SeedResult {
  const { db, user, open } = ctx;
  const total = options.contacts;
  if (!Number.isSafeInteger(total) || total < 1 || total > MAX_SEED_CONTACTS) {
    throw new KluisError('VALIDATION', { id: 'records.seedContacts', values: { max: MAX_SEED_CONTACTS } });
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new KluisError('VALIDATION', 'records.seedNumber');
  }
  const started = performance.now();
  const now = options.now ?? new Date();

  const run = (batched: boolean): { counts: SeedCounts; searchRows: number } => {
    const existing = (db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
    // Sorting everything once beats inserting at random places — unless the install is much larger.
    const rebuild = total >= existing ? recordIndexes(db) : [];
    for (const index of rebuild) db.exec(`DROP INDEX ${index.name}`);
    // A large run also writes its search terms in a few big segments, merged once at the end.
    const searchMerge = rebuild.length > 0 ? bulkSearchIndex(db) : null;

    const demo = new DemoData(seed, now);
    const owners = activeOwners(db);
    const createdAt = now.toISOString();
    const w = {
      organisation: new Writer(db, 'organisation', createdAt, batched),
      contact: new Writer(db, 'contact', createdAt, batched),
      deal: new Writer(db, 'deal', createdAt, batched),
      activity: new Writer(db, 'activity', createdAt, batched),
      invoice: new Writer(db, 'invoice', createdAt, batched),
      consent: new Writer(db, 'consent', createdAt, batched),
    };
    let invoiceNumber = firstInvoiceNumber(db, demo.year);
    const contactIds: number[] = [];
    const dealIds: number[] = [];

    const addOrganisation = (limit: number): number => {
      const owner = owners[w.organisation.count % owners.length] ?? null;
      const facts = demo.organisation(w.organisation.row);
      const organisationId = w.organisation.write(owner);
      const people = Math.min(limit, demo.contactsPerOrganisation());
      contactIds.length = 0;
      dealIds.length = 0;
      const c = w.contact.row;
      c.organisation_id = organisationId;
      for (let i = 0; i < people; i++) {
        demo.contact(c, facts);
        contactIds.push(w.contact.write(owner));
      }
      const d = w.deal.row;
      d.organisation_id = organisationId;
      for (let i = demo.dealsPerOrganisation(); i > 0; i--) {
        demo.deal(d);
        d.contact_id = contactIds[demo.index(contactIds.length)] as number;
        dealIds.push(w.deal.write(owner));
      }
      const a = w.activity.row;
      a.organisation_id = organisationId;
      for (const contactId of contactIds) {
        a.contact_id = contactId;
        for (let i = demo.activitiesPerContact(); i > 0; i--) {
          demo.activity(a);
          a.deal_id = dealIds.length > 0 && demo.chance(0.4) ? (dealIds[demo.index(dealIds.length)] as number) : null;
          w.activity.write(owner);
        }
      }
      const inv = w.invoice.row;
      inv.organisation_id = organisationId;
      for (let i = demo.invoicesPerOrganisation(); i > 0; i--) {
        demo.invoice(inv, `${demo.year}-${String(invoiceNumber++).padStart(6, '0')}`);
        inv.contact_id = contactIds[demo.index(Math.min(2, contactIds.length))] as number;
        w.invoice.write(owner);
      }
      const consent = w.consent.row;
      for (const contactId of contactIds) {
        if (!demo.hasConsent()) continue;
        consent.contact_id = contactId;
        demo.consent(consent);
        w.consent.write(owner);
      }
      return people;
    };

    let done = 0;
    while (done < total) {
      const until = Math.min(total, done + SEED_PROGRESS_EVERY);
      while (done < until) done += addOrganisation(total - done);
      for (const writer of Object.values(w)) writer.flush();
      insertSearchRows(db, Object.values(w));
      options.onProgress?.(done, total);
    }
    for (const writer of Object.values(w)) writer.markIdsIssued(db);
    for (const index of rebuild) db.exec(index.sql);
    searchMerge?.();

    const counts: SeedCounts = {
      contacts: w.contact.count,
      organisations: w.organisation.count,
      deals: w.deal.count,
      activities: w.activity.count,
      invoices: w.invoice.count,
      consents: w.consent.count,
    };
    // Demo data is one command undo cannot take back (it would be a million row changes in the
    // journal); the seed's own rows are written in bulk, past the journal, for speed.
    Command.begin(db, user.id, { verb: 'seed', entity: 'contact', count: counts.contacts }, { undoable: false }).finish();
    // One entry for the whole run: counts only, never names.
    audit(open, { actor: user.id, action: 'records.seeded', details: { ...counts } });
    return { counts, searchRows: Object.values(w).reduce((sum, writer) => sum + writer.searchCount, 0) };
  };

  const settings = bulkSettings(db, total);
  let written: { counts: SeedCounts; searchRows: number };
  try {
    written = db.transaction(run)(settings.foreignKeysOff);
  } finally {
    settings.restore();
  }
  mirrorAuditHead(open);

  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(written.counts).reduce((sum, n) => sum + n, 0);
  return {
    counts: written.counts,
    rows,
    searchRows: written.searchRows,
    seconds,
    contactsPerSecond: Math.round(written.counts.contacts / seconds),
    rowsPerSecond: Math.round(rows / seconds),
  };
}
