/**
 * Export of one entity as CSV: only records inside the caller's export scope (in SQL), only the
 * fields they may see (masked ones stay masked), and the export itself is audited with a count.
 */
import { ENTITIES, type EntityName } from '../../../shared/registry';
import { scopeCondition } from '../access/access';
import { prepared } from '../db/statements';
import { audit } from '../session/openInstall';
import { viewOf, visibleFields, type RecordContext } from './service';

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote what needs it, and defuse formulas a spreadsheet would run (=, +, -, @).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportRecords(ctx: RecordContext, entity: EntityName): { fileName: string; csv: string; count: number } {
  const fields = visibleFields(ctx.db, ctx.access, entity);
  const scope = scopeCondition(ctx.access, entity, 'export');
  const rows = prepared(ctx.db, `SELECT * FROM ${ENTITIES[entity].table} WHERE deleted_at IS NULL AND ${scope.sql} ORDER BY sort_key, id`).all(...scope.params) as Record<
    string,
    string | number | null
  >[];
  const lines = [fields.map((f) => csvCell(f.label.en)).join(',')];
  for (const row of rows) {
    const view = viewOf(ctx.db, ctx.access, entity, row, fields);
    lines.push(fields.map((f) => csvCell(f.type === 'reference' ? (view.refs[f.key]?.title ?? '') : view.values[f.key])).join(','));
  }
  audit(ctx.open, { actor: ctx.user.id, action: 'data.exported', details: { entity, count: rows.length } });
  return { fileName: `kluis-${ENTITIES[entity].table}-${new Date().toISOString().slice(0, 10)}.csv`, csv: `${lines.join('\r\n')}\r\n`, count: rows.length };
}
