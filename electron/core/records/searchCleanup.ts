/**
 * Search entries taken out later, in short batches (migration 016). FTS5's secure-delete removes a
 * record's words from the index pages themselves, which costs about a millisecond a record: done in
 * the transaction of a bulk change (undoing an import of 10,000 contacts, emptying a list into the
 * trash) it held every other call back for seconds. Such a change, whose values the journal keeps
 * anyway for redo or restore, notes its entries in `search_removals` instead; the cleanup then
 * removes them a few dozen milliseconds at a time, with the event loop let in between. Search reads
 * every hit's record and passes over one that is gone or in the trash, so a waiting entry is never
 * shown. A record that comes back before its turn is simply indexed again (rows.ts reindex). The
 * list is in the database, so what a lock or a quit interrupts is finished at the next sign-in.
 */
import { isBusy, type Db } from '../db/open';
import { prepared } from '../db/statements';
import { yieldToEventLoop } from './jobs';

/** How long one batch should hold the core: short enough for a keystroke's search to get in between. */
const BATCH_MS = 30;
/** After another process's write lock (a CLI backup), the next try. */
const BUSY_RETRY_MS = 1_000;
/** The first batch, before the pace is known, and the largest. */
const FIRST_BATCH = 10;
const MAX_BATCH = 1_000;

const running = new WeakMap<Db, Promise<void>>();

/** Notes an entry to be taken out by the cleanup; call inside the change's transaction. */
export function queueSearchRemoval(db: Db, rowid: number): void {
  prepared(db, 'INSERT OR IGNORE INTO search_removals (rowid) VALUES (?)').run(rowid);
  startSearchCleanup(db);
}

/** Forgets a noted entry (its record was indexed again, or its entry removed at once). True if one was noted. */
export function unqueueSearchRemoval(db: Db, rowid: number): boolean {
  return prepared(db, 'DELETE FROM search_removals WHERE rowid = ?').run(rowid).changes > 0;
}

/**
 * Removes up to `count` noted entries in one transaction. Returns how many are left. FTS5 does the
 * work of a secure delete when the transaction commits, so a batch is sized by count (see below).
 */
export function removeQueuedEntries(db: Db, count: number): number {
  // Read inside the write transaction, so a record another process brought back meanwhile keeps its entry.
  return db.transaction(() => {
    const rowids = prepared(db, 'SELECT rowid FROM search_removals LIMIT ?').pluck().all(count) as number[];
    for (const rowid of rowids) {
      prepared(db, 'DELETE FROM search_index WHERE rowid = ?').run(rowid);
      unqueueSearchRemoval(db, rowid);
    }
    return prepared(db, 'SELECT count(*) FROM search_removals').pluck().get() as number;
  }).immediate();
}

/** The next batch's size: as many entries as the last batch's pace fits in BATCH_MS, at most twice as many. */
function nextBatchSize(size: number, tookMs: number): number {
  const fitting = Math.floor((size * BATCH_MS) / Math.max(tookMs, 1));
  return Math.max(1, Math.min(size * 2, fitting, MAX_BATCH));
}

/**
 * Starts the cleanup for this connection unless it runs already. It begins after the current call
 * (so after the transaction that queued the entries) and stops when the list is empty or the
 * database is closed.
 */
export function startSearchCleanup(db: Db): Promise<void> {
  const current = running.get(db);
  if (current) return current;
  const run = (async () => {
    try {
      let size = FIRST_BATCH;
      for (;;) {
        await yieldToEventLoop();
        if (!db.open) return;
        try {
          const started = performance.now();
          const left = removeQueuedEntries(db, size);
          if (left === 0) return;
          size = nextBatchSize(size, performance.now() - started);
        } catch (error) {
          if (!isBusy(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
        }
      }
    } catch {
      // Left for the next start (the next bulk change or sign-in); search passes over such entries.
    } finally {
      running.delete(db);
    }
  })();
  running.set(db, run);
  return run;
}

/** Resolves once the noted entries are gone (or the cleanup stopped): for the tests, and for a caller that must wait. */
export function searchCleanupDone(db: Db): Promise<void> {
  return running.get(db) ?? Promise.resolve();
}
