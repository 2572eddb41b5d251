import { ENTITIES, type EntityName } from '../../../../shared/registry';
import type { Db } from '../open';
import { sortKeyOf, type Row } from '../../records/rows';

/** Journal changes read at a time: better-sqlite3 cannot write while a query is still being iterated. */
const BATCH = 2_000;

/**
 * Puts today's sort key (sortKeyOf) into the journal's copies of rows that `where` picks (SQL on
 * `before` and `after`, with `params`), for migrations that change how sort keys are written: undo
 * and redo compare a record with the journal's copy, and must still find it unchanged. A copy
 * without its title's fields (an erased record's) cannot say its key and is left alone.
 */
export function rewriteJournalSortKeys(db: Db, where: string, params: readonly unknown[]): void {
  const changes = db.prepare(
    `SELECT command_id, seq, entity, before, after FROM command_changes
     WHERE (command_id, seq) > (?, ?) AND (${where}) ORDER BY command_id, seq LIMIT ${BATCH}`,
  );
  const setKey = {
    before: db.prepare("UPDATE command_changes SET before = json_set(before, '$.sort_key', ?) WHERE command_id = ? AND seq = ?"),
    after: db.prepare("UPDATE command_changes SET after = json_set(after, '$.sort_key', ?) WHERE command_id = ? AND seq = ?"),
  };
  let last = { command_id: 0, seq: -1 };
  for (;;) {
    const batch = changes.all(last.command_id, last.seq, ...params) as { command_id: number; seq: number; entity: string; before: string | null; after: string | null }[];
    if (batch.length === 0) break;
    for (const change of batch) {
      const def = ENTITIES[change.entity as EntityName] as (typeof ENTITIES)[EntityName] | undefined;
      if (!def) continue;
      for (const side of ['before', 'after'] as const) {
        const text = change[side];
        if (text === null) continue;
        const row = JSON.parse(text) as Row;
        if (typeof row.sort_key !== 'string' || !def.titleFields.every((key) => key in row)) continue;
        const sortKey = sortKeyOf(def.name, row);
        if (sortKey !== row.sort_key) setKey[side].run(sortKey, change.command_id, change.seq);
      }
    }
    last = batch.at(-1)!;
  }
}
