/**
 * The preview: how the columns would be mapped, which rows would fail and why, which rows name a
 * record already there (a contact by e-mail, or name and organisation; an organisation by name)
 * among those the caller may read (and whether that is a person whose processing is restricted, whom
 * a merge may not change), and which columns would be left out. Reads only; writes nothing.
 */
import type { ImportPreview, ImportRowProblem } from '../../../../shared/recordTypes';
import { restrictedSince } from '../restriction';
import { readRow } from '../rows';
import type { RecordContext } from '../service';
import { checkRow, existingMatch, makePlan, rowProblem, sampleOf, unmappedRequiredReasons, type ImportInput } from './plan';

const SAMPLE_ROWS = 10;

export function previewImport(ctx: RecordContext, input: ImportInput): ImportPreview {
  const plan = makePlan(ctx.db, ctx.access, input);
  const problems: ImportRowProblem[] = unmappedRequiredReasons(plan).map((reason) => rowProblem(plan.headerRow, [reason]));
  const duplicates: ImportPreview['duplicates'] = [];
  const existing = existingMatch(ctx.db, ctx.access);
  // The first row of each match: a later one names it, so the user sees which rows meet in one record.
  const earlier = new Map<string, number>();
  let validRows = 0;
  let withoutMatch = 0;
  for (const record of plan.records) {
    const checked = checkRow(plan, record);
    if (!checked.ok) {
      if (checked.reasons.length > 0) problems.push(rowProblem(checked.row, checked.reasons));
      continue;
    }
    validRows++;
    if (!checked.match) withoutMatch++;
    else {
      const { key, shown } = checked.match;
      const found = existing(checked.match);
      const sameAs = earlier.get(key);
      if (found !== null && plan.entity === 'contact' && restrictedSince(readRow(ctx.db, 'contact', found) ?? {}) !== null) {
        duplicates.push({ row: checked.row, value: shown, restricted: true });
      } else if (sameAs !== undefined) duplicates.push({ row: checked.row, value: shown, sameAs });
      else if (found !== null) duplicates.push({ row: checked.row, value: shown });
      if (sameAs === undefined) earlier.set(key, checked.row);
    }
  }
  return {
    headers: plan.headers,
    suggestedMapping: plan.mapping,
    totalRows: plan.records.length,
    validRows,
    problems,
    duplicates,
    withoutMatch,
    sample: plan.records.slice(0, SAMPLE_ROWS).map((record) => sampleOf(plan, record)),
    leftOut: plan.leftOut,
    notEditable: plan.notEditable.map(({ column, field }) => ({ column, field: field.label })),
    editableFields: plan.fields.map((field) => field.key),
  };
}
