/**
 * The operations the benchmark times, on one install, each through the code the app runs:
 * searchRecords (the app's FTS5 query, first 50 hits), keyset list pages scoped as a Field sales
 * user, a contact's detail, one field change through the journal and its undo, and the same search
 * through the whole dispatcher (validation, session, rights, scope, masking, audit).
 */
import { fold } from '../../electron/core/records/fold';
import { loadAccess, type Access } from '../../electron/core/access/access';
import { runCommand } from '../../electron/core/history/journal';
import { undoLast } from '../../electron/core/history/undo';
import { listCursorAt, listRecords, recordDetail, searchRecords } from '../../electron/core/records/queries';
import { updateRecord, type RecordContext } from '../../electron/core/records/service';
import type { BenchInstall } from './install';
import { prng } from './stats';

export interface Samples {
  /** Search texts: prefixes (2–6 letters) of real names, some with accents, some with them folded away. */
  queries: string[];
  /** Keyset positions to page from: (sort key, id) of random contacts. */
  positions: [string, number][];
  /** Contacts to open, change and restore. */
  contactIds: number[];
}

/** A letter outside ASCII: an accent, a cedilla, a diaeresis. */
const ACCENTED = /[^ -~]/;

/** Draws the samples from the data; the same seed and data give the same samples on both sides. */
export function drawSamples(install: BenchInstall, count: number, seed = 7): Samples {
  const { db } = install.core.requireActive();
  const random = prng(seed);
  const maxId = db.prepare('SELECT max(id) FROM contacts').pluck().get() as number;
  const byId = db.prepare('SELECT id, first_name, last_name, sort_key FROM contacts WHERE id >= ? ORDER BY id LIMIT 1');
  const pick = () => byId.get(1 + Math.floor(random() * maxId)) as { id: number; first_name: string | null; last_name: string; sort_key: string };
  const contacts = Array.from({ length: count * 4 }, pick);
  const names = contacts.flatMap((c) => [c.last_name, c.first_name ?? '']).flatMap((n) => n.split(/[\s'-]+/)).filter((n) => n.length >= 2);
  const accented = names.filter((n) => ACCENTED.test(n));
  const plain = names.filter((n) => !ACCENTED.test(n));
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    // One in four from a name with accents (when the data has them): half typed with, half without.
    const pool = i % 4 === 0 && accented.length > 0 ? accented : plain;
    const name = pool[Math.floor(random() * pool.length)]!;
    const length = 2 + Math.floor(random() * 5);
    let text = name.slice(0, length);
    if (ACCENTED.test(text) && i % 8 === 4) text = fold(text);
    queries.push(text);
  }
  return {
    queries,
    positions: contacts.slice(0, count).map((c) => [c.sort_key, c.id]),
    contactIds: contacts.slice(count, count * 2).map((c) => c.id),
  };
}

export interface Operations {
  search(text: string): void;
  /** The list page after samples.positions[i]. */
  listPage(i: number): void;
  detail(id: number): void;
  update(id: number, value: string): void;
  undo(): void;
  dispatchSearch(text: string): Promise<void>;
}

export function operations(install: BenchInstall, samples: Samples): Operations {
  const session = install.core.requireActive();
  const { db } = session;
  const admin: Access = loadAccess(db, session.user);
  const salesUser = db.prepare('SELECT id, role FROM users WHERE id = ?').get(install.salesUserId) as { id: number; role: string };
  const sales: Access = loadAccess(db, salesUser);
  // Sealed before the timing, as the window holds the cursor a page gave it (records/cursor.ts).
  const cursors = samples.positions.map((position) => listCursorAt(sales, 'contact', 'name', position));
  const ctx: RecordContext = { db, user: session.user, open: session.open, access: admin };
  return {
    search: (text) => void searchRecords(db, admin, text, 50),
    listPage: (i) => {
      const page = listRecords(db, sales, { entity: 'contact', sort: 'name', after: cursors[i], limit: 50 });
      if (page.rows.length === 0 && page.next !== null) throw new Error('An empty page that claims more.');
    },
    detail: (id) => void recordDetail(db, admin, 'contact', id),
    update: (id, value) =>
      void db.transaction(() => runCommand(ctx, { verb: 'update', entity: 'contact', count: 1 }, {}, (w) => updateRecord(w, 'contact', id, { job_title: value })))(),
    undo: () => void db.transaction(() => undoLast(ctx))(),
    dispatchSearch: async (text) => {
      const result = (await install.call('search.query', { text, limit: 50 })) as { ok: boolean; error?: { message: string } };
      if (!result.ok) throw new Error(`search.query: ${result.error?.message}`);
    },
  };
}
