/**
 * Lists (keyset pages, never OFFSET: page 20,000 costs what page 1 costs), detail with related
 * records, and search. Filtering happens in SQL; nothing is fetched to be thrown away.
 */
import type { ListPage, RecordDetail, SearchGroup, SearchHit } from '../../../shared/recordTypes';
import { ENTITIES, type EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { KluisError } from '../errors';
import { activeFields } from './fields';
import { fold } from './fold';
import { fromSearchRowid, readRow, titleOf } from './rows';
import { requireRow, viewOf } from './service';
import { prepared } from '../db/statements';

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


/** Sort columns, most significant first; the id always ends it so the order is total. */
function sortColumns(entity: EntityName, sort: ListSort): string[] {
  if (sort === 'due') {
    if (entity === 'activity') return ['done', "coalesce(due_at, '9999-12-31')", 'id'];
    if (entity === 'invoice') return ['due_on', 'id'];
    throw new KluisError('VALIDATION', `A ${entity} list cannot be sorted by due date.`);
  }
  return ['sort_key', 'id'];
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length && values.every((v) => ['string', 'number'].includes(typeof v))) return values;
  } catch {
    // fall through
  }
  throw new KluisError('VALIDATION', 'The page cursor is not valid.');
}

/** The SQL of a list page, apart so tests can check its query plan. */
export function buildListQuery(db: Db, query: ListQuery, userId: number): { sql: string; params: unknown[]; columns: string[]; limit: number } {
  const { entity } = query;
  const table = ENTITIES[entity].table;
  const fields = activeFields(db, entity);
  const limit = Math.min(query.limit ?? 50, 200);
  const columns = sortColumns(entity, query.sort ?? 'name');
  const where = ['deleted_at IS NULL'];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(query.where ?? {})) {
    const field = fields.find((f) => f.key === key && !f.custom && ['enum', 'boolean', 'reference'].includes(f.type));
    if (!field) throw new KluisError('VALIDATION', `Cannot filter on "${key}".`);
    where.push(`${key} = ?`);
    params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
  if (query.mine) {
    where.push('owner_id = ?');
    params.push(userId);
  }
  if (query.after) {
    const cursor = decodeCursor(query.after, columns.length);
    where.push(`(${columns.join(', ')}) > (${columns.map(() => '?').join(', ')})`);
    params.push(...cursor);
  }
  const sql = `SELECT *, ${columns.map((c, i) => `${c} AS __k${i}`).join(', ')} FROM ${table} WHERE ${where.join(' AND ')} ORDER BY ${columns.join(', ')} LIMIT ?`;
  return { sql, params: [...params, limit + 1], columns, limit };
}

export function listRecords(db: Db, query: ListQuery, userId: number): ListPage {
  const { sql, params, columns, limit } = buildListQuery(db, query, userId);
  const fields = activeFields(db, query.entity);
  const rows = prepared(db, sql).all(...params) as Record<string, string | number | null>[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => viewOf(db, query.entity, row, fields)),
    next: rows.length > limit && last ? encodeCursor(columns.map((_, i) => last[`__k${i}`])) : null,
  };
}

export function countRecords(db: Db, entity: EntityName): number {
  return (prepared(db, `SELECT count(*) AS n FROM ${ENTITIES[entity].table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
}


const RELATED_LIMIT = 50;

export function recordDetail(db: Db, entity: EntityName, id: number): RecordDetail {
  const record = viewOf(db, entity, requireRow(db, entity, id));
  const related: RecordDetail['related'] = [];
  for (const other of Object.values(ENTITIES)) {
    if (other.name === 'activity') continue;
    for (const field of activeFields(db, other.name)) {
      if (field.type !== 'reference' || field.references !== entity) continue;
      const count = (prepared(db, `SELECT count(*) AS n FROM ${other.table} WHERE ${field.key} = ? AND deleted_at IS NULL`).get(id) as { n: number }).n;
      if (count === 0) continue;
      const rows = db
        .prepare(`SELECT * FROM ${other.table} WHERE ${field.key} = ? AND deleted_at IS NULL ORDER BY sort_key, id LIMIT ?`)
        .all(id, RELATED_LIMIT) as Record<string, string | number | null>[];
      related.push({ entity: other.name, via: field.key, count, rows: rows.map((row) => viewOf(db, other.name, row)) });
    }
  }
  const via = { contact: 'contact_id', organisation: 'organisation_id', deal: 'deal_id' }[entity as string];
  const timeline = via
    ? (db
        .prepare(`SELECT * FROM activities WHERE ${via} = ? AND deleted_at IS NULL ORDER BY coalesce(due_at, created_at) DESC, id DESC LIMIT 20`)
        .all(id) as Record<string, string | number | null>[]).map((row) => viewOf(db, 'activity', row))
    : [];
  return { record, related, timeline };
}



/** Words → an FTS5 query: every word must match as a prefix, accents and case ignored. */
export function searchExpression(text: string): string | null {
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

function subtitleOf(db: Db, entity: EntityName, row: Record<string, string | number | null>): string {
  const refTitle = (target: EntityName, id: unknown) => {
    const r = typeof id === 'number' ? readRow(db, target, id) : null;
    return r && !r.deleted_at ? String(r.name ?? r.title ?? '') : '';
  };
  switch (entity) {
    case 'contact':
      return [refTitle('organisation', row.organisation_id), row.email].filter(Boolean).join(' · ');
    case 'organisation':
      return String(row.city ?? '');
    case 'deal':
      return [refTitle('organisation', row.organisation_id), row.stage].filter(Boolean).join(' · ');
    default:
      return [row.kind, row.due_at].filter(Boolean).join(' · ');
  }
}

/** Best matches first (bm25, the title weighing ten times the rest), grouped by kind. */
export function searchRecords(db: Db, text: string, limit = 50): SearchGroup[] {
  const expression = searchExpression(text);
  if (!expression) return [];
  const matches = db
    .prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 10.0, 1.0) LIMIT ?')
    .all(expression, limit) as { rowid: number }[];
  const groups = new Map<EntityName, SearchHit[]>();
  for (const { rowid } of matches) {
    const target = fromSearchRowid(rowid);
    if (!target) continue;
    const row = readRow(db, target.entity, target.id);
    if (!row || row.deleted_at) continue;
    const hit: SearchHit = {
      entity: target.entity,
      id: target.id,
      title: titleOf(target.entity, row),
      subtitle: subtitleOf(db, target.entity, row as Record<string, string | number | null>),
    };
    groups.set(target.entity, [...(groups.get(target.entity) ?? []), hit]);
  }
  return [...groups].map(([entity, hits]) => ({ entity, hits }));
}
