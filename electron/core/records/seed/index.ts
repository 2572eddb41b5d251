/**
 * Demo data for reviews and the benchmark (issue 4 item 7): realistic Dutch and Belgian
 * organisations, people, deals, activities, invoices and consents, the same for the same seed, fast
 * enough for a million contacts in a few minutes. Rows go straight into the tables with prepared
 * statements reused for every row, many thousands per transaction, with their search-index rows
 * in the same transaction and computed as reindex() in rows.ts computes them. Ids continue after
 * what the install holds; the whole run is one audit entry that holds counts only.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { ENTITIES, type EntityName } from '../../../../shared/registry';
import type { Db } from '../../db/open';
import { KluisError } from '../../errors';
import { audit, mirrorAuditHead } from '../../session/openInstall';
import { disabledFields } from '../fields';
import { columnsOf, SEARCH_KINDS, searchRowid, sortKeyOf, titleOf, type Row } from '../rows';
import type { RecordContext } from '../service';
import { DemoData } from './generate';

export { Random, Weighted } from './prng';
export { DemoData } from './generate';

export const MAX_SEED_CONTACTS = 10_000_000;
/** Contacts per transaction (with their organisations, deals, activities, invoices and search rows). */
export const SEED_BATCH = 25_000;
/** Page cache while seeding: the name, e-mail and owner indexes of a million rows stay in memory. */
const SEED_CACHE_KIB = 256 * 1024;

export interface SeedOptions {
  contacts: number;
  /** The same seed gives the same records in the same order (default 1). */
  seed?: number;
  /** The day dates are spread around (default: now). */
  now?: Date;
  /** Contacts per transaction (default SEED_BATCH). */
  batch?: number;
  /** Called after every committed transaction. */
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

const SKIP = (process.env.SEED_SKIP ?? '').split(',');
const NOINSERT = !!process.env.SEED_NOINSERT;
const NOFTS = !!process.env.SEED_NOFTS;
const NAMED = false;
/** Inserts one kind of record from a reusable row object, with its search row when it has one. */
class Writer {
  readonly row: Row = {};
  count = 0;
  searchCount = 0;
  private nextId: number;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly columns: string[];
  private readonly args: unknown[];
  private readonly searchInsert: Database.Statement<[number, string, string]> | null;
  /** Optional fields an admin switched off: never stored. */
  private readonly off: string[];
  /** The searchable, switched-on fields that are not part of the title, in registry order. */
  private readonly bodyKeys: string[];

  constructor(
    db: Db,
    readonly entity: EntityName,
    system: { owner_id: number | null; created_at: string },
  ) {
    const def = ENTITIES[entity];
    const columns = columnsOf(entity);
    for (const column of columns) this.row[column] = null;
    this.row.created_at = system.created_at;
    this.row.updated_at = system.created_at;
    this.columns = columns;
    this.args = columns.map(() => null);
    this.insert = db.prepare<unknown[]>(`INSERT INTO ${def.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    const disabled = disabledFields(db, entity);
    this.off = def.fields.filter((f) => disabled.has(f.key)).map((f) => f.key);
    this.bodyKeys = def.fields.filter((f) => f.searchable && !disabled.has(f.key) && !def.titleFields.includes(f.key)).map((f) => f.key);
    this.searchInsert = SEARCH_KINDS[entity] === undefined ? null : db.prepare<[number, string, string]>('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)');
    this.nextId = ((db.prepare(`SELECT max(id) AS id FROM ${def.table}`).get() as { id: number | null }).id ?? 0) + 1;
  }

  /** Writes the row as it stands now and returns its id. */
  write(owner: number | null): number {
    const row = this.row;
    const id = this.nextId++;
    row.id = id;
    row.owner_id = owner;
    for (const key of this.off) row[key] = null;
    row.sort_key = sortKeyOf(this.entity, row);
    const skip = SKIP.includes(this.entity);
    if (NAMED) (this.insert as unknown as Database.Statement<[Row]>).run(row);
    else {
      const args = this.args;
      const columns = this.columns;
      for (let i = 0; i < columns.length; i++) args[i] = row[columns[i] as string];
      if (!NOINSERT && !skip) this.insert.run(...args);
    }
    this.count++;
    if (this.searchInsert && !NOFTS && !skip) {
      let body = '';
      for (const key of this.bodyKeys) {
        const value = row[key];
        if (typeof value === 'string' && value !== '') body = body === '' ? value : `${body} ${value}`;
      }
      this.searchInsert.run(searchRowid(this.entity, id), titleOf(this.entity, row), body);
      this.searchCount++;
    }
    return id;
  }
}

function activeUserIds(db: Db): number[] {
  return (db.prepare("SELECT id FROM users WHERE status = 'active' ORDER BY id").all() as { id: number }[]).map((u) => u.id);
}

/** The next free invoice number of the year: "2026-000124" after "2026-000123". */
function firstInvoiceNumber(db: Db, year: number): number {
  const row = db
    .prepare("SELECT max(CAST(substr(number, 6) AS INTEGER)) AS n FROM invoices WHERE number GLOB ?")
    .get(`${year}-[0-9]*`) as { n: number | null };
  return (row.n ?? 0) + 1;
}

/**
 * Adds `contacts` demo contacts with about one organisation per 8 contacts, 0.5 deals and 0.3
 * invoices per organisation, 2 activities per contact and a consent for 1 contact in 5. Owners go
 * round-robin over the active users, one organisation at a time; an organisation's people, deals,
 * activities and invoices belong to its owner.
 */
export function seedRecords(ctx: RecordContext, options: SeedOptions): SeedResult {
  const { db, user, open } = ctx;
  const total = options.contacts;
  if (!Number.isSafeInteger(total) || total < 1 || total > MAX_SEED_CONTACTS) {
    throw new KluisError('VALIDATION', `The number of contacts must be a whole number from 1 to ${MAX_SEED_CONTACTS}.`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new KluisError('VALIDATION', 'The seed must be a whole number from 0 to 4294967295.');
  }
  const batch = Math.max(1, options.batch ?? SEED_BATCH);
  const started = performance.now();
  const now = options.now ?? new Date();
  const demo = new DemoData(seed, now);
  const owners = activeUserIds(db);
  const system = { owner_id: null, created_at: now.toISOString() };
  const w = {
    organisation: new Writer(db, 'organisation', system),
    contact: new Writer(db, 'contact', system),
    deal: new Writer(db, 'deal', system),
    activity: new Writer(db, 'activity', system),
    invoice: new Writer(db, 'invoice', system),
    consent: new Writer(db, 'consent', system),
  };
  let invoiceNumber = firstInvoiceNumber(db, demo.year);
  const contactIds: number[] = [];
  const dealIds: number[] = [];
  let organisations = 0;

  const addOrganisation = (limit: number): number => {
    const owner = owners.length > 0 ? (owners[organisations % owners.length] as number) : null;
    organisations++;
    const o = w.organisation.row;
    const facts = demo.organisation(o);
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
    const cons = w.consent.row;
    for (const contactId of contactIds) {
      if (!demo.hasConsent()) continue;
      cons.contact_id = contactId;
      demo.consent(cons);
      w.consent.write(owner);
    }
    return people;
  };

  const counts = (): SeedCounts => ({
    contacts: w.contact.count,
    organisations: w.organisation.count,
    deals: w.deal.count,
    activities: w.activity.count,
    invoices: w.invoice.count,
    consents: w.consent.count,
  });

  let done = 0;
  const runBatch = db.transaction((until: number) => {
    while (done < until) done += addOrganisation(total - done);
  });

  if (process.env.FK0) db.pragma('foreign_keys = OFF');
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  if (!process.env.NOCACHE) db.pragma(`cache_size = -${SEED_CACHE_KIB}`);
  if (process.env.JOURNAL) process.stderr.write(`journal ${db.pragma(`journal_mode = ${process.env.JOURNAL}`, { simple: true })}\n`);
  let committed: SeedCounts | null = null;
  const tables = Object.values(ENTITIES).map((e) => e.table);
  const indexes = process.env.IDX_DROP
    ? (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`).all(...tables) as { name: string; sql: string }[])
    : [];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  if (process.env.WALCP) db.pragma(`wal_autocheckpoint = ${process.env.WALCP}`);
  if (process.env.AUTOMERGE) db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('automerge', ${Number(process.env.AUTOMERGE)})`);
  if (process.env.CRISIS) db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', ${Number(process.env.CRISIS)})`);
  if (process.env.HASHSIZE) db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${Number(process.env.HASHSIZE)})`);
  try {
    while (done < total) {
      const before = done;
      try {
        runBatch(Math.min(total, done + batch));
      } catch (error) {
        done = before;
        throw error;
      }
      committed = counts();
      options.onProgress?.(done, total);
    }
  } finally {
    const t1 = performance.now();
    for (const index of indexes) db.exec(index.sql);
    const t2 = performance.now();
    if (process.env.AUTOMERGE) db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
    const t3 = performance.now();
    if (process.env.WALCP) db.pragma('wal_checkpoint(TRUNCATE)');
    process.stderr.write(`index ${(t2 - t1).toFixed(0)} ms, merge ${(t3 - t2).toFixed(0)} ms, checkpoint ${(performance.now() - t3).toFixed(0)} ms\n`);
    db.pragma(`cache_size = ${cacheBefore}`);
    if (process.env.JOURNAL) db.pragma('journal_mode = WAL');
    // One entry for the whole run, with what was committed (all of it, unless a batch failed).
    if (committed) {
      const details = { ...committed };
      db.transaction(() => audit(open, { actor: user.id, action: 'records.seeded', details: { ...details } }))();
      mirrorAuditHead(open);
    }
  }
  const result = counts();
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(result).reduce((sum, n) => sum + n, 0);
  const searchRows = Object.values(w).reduce((sum, writer) => sum + writer.searchCount, 0);
  return {
    counts: result,
    rows,
    searchRows,
    seconds,
    contactsPerSecond: Math.round(result.contacts / seconds),
    rowsPerSecond: Math.round(rows / seconds),
  };
}
