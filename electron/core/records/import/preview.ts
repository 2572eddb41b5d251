/**
 * The preview: how the columns would be mapped, which rows would fail and why, which contacts
 * already exist by e-mail, and which columns would be left out. Reads only; writes nothing.
 */
import type { ImportPreview, ImportRowProblem } from '../../../../shared/recordTypes';
import type { RecordContext } from '../service';
import { checkRow, contactByEmail, makePlan, rowProblem, sampleOf, unmappedRequiredReasons, type ImportInput } from './plan';

const SAMPLE_ROWS = 10;

export function previewImport(ctx: RecordContext, input: ImportInput): ImportPreview {
  const plan = makePlan(ctx.db, ctx.access, input);
  const problems: ImportRowProblem[] = unmappedRequiredReasons(plan).map((reason) => rowProblem(plan.headerRow, [reason]));
  const duplicates: ImportPreview['duplicates'] = [];
  const existing = plan.entity === 'contact' ? contactByEmail(ctx.db) : null;
  const earlier = new Set<string>();
  let validRows = 0;
  for (const record of plan.records) {
    const checked = checkRow(plan, record);
    if (!checked.ok) {
      if (checked.reasons.length > 0) problems.push(rowProblem(checked.row, checked.reasons));
      continue;
    }
    validRows++;
    if (existing && checked.email) {
      const key = checked.email.toLowerCase();
      if (earlier.has(key) || existing(checked.email) !== null) duplicates.push({ row: checked.row, email: checked.email });
      earlier.add(key);
    }
  }
  return {
    headers: plan.headers,
    suggestedMapping: plan.mapping,
    totalRows: plan.records.length,
    validRows,
    problems,
    duplicates,
    sample: plan.records.slice(0, SAMPLE_ROWS).map((record) => sampleOf(plan, record)),
    leftOut: plan.leftOut,
  };
}
