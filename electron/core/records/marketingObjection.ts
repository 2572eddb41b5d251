/**
 * Recording that a person objected to direct marketing (GDPR art. 21(2)-(3)) as the privacy
 * officer's action. Whoever may edit the person records it in the form (the day is an ordinary field,
 * docs/records.md); the officer, who handles the person's requests but edits no one, records it
 * here with their task (`privacy.dsar`), as they record a restriction or a withdrawal (3 December,
 * from a privacy officer's walk: they had to ask office staff). An objection only protects, so it
 * is recorded also while the person's processing is restricted. One journal command, one audit entry.
 */
import type { RecordView } from '../../../shared/recordTypes';
import { localDay } from '../../../shared/localDay';
import { fieldErrorDetails, KluisError } from '../errors';
import { audit } from '../session/openInstall';
import { activeFields } from './fields';
import { readRow, type Row } from './rows';
import { readableInFull, requireRowFor, searchableKeys, viewOf, type WriteContext } from './service';
import { checkValue } from './validate';

const FIELD = 'marketing_objection_on';

export function recordMarketingObjection(ctx: WriteContext, id: number, day: string = localDay()): RecordView {
  const before = requireRowFor(ctx, 'contact', id, 'read');
  const field = activeFields(ctx.db, 'contact').find((f) => f.key === FIELD)!;
  // "Objected already" would tell, asked again, what the caller may not read.
  if (!readableInFull(ctx.access, 'contact', [FIELD])) throw new KluisError('FORBIDDEN', { id: 'records.mayNotChangeField', values: { field: field.label } });
  if (before[FIELD]) throw new KluisError('CONFLICT', 'records.alreadyObjected');
  const checked = day.trim() === '' ? { error: { id: 'records.required' } as const } : checkValue(field, day);
  if ('error' in checked) throw new KluisError('VALIDATION', 'records.invalidValues', fieldErrorDetails({ day: checked.error }));
  const after: Row = { ...before, [FIELD]: checked.value, updated_at: new Date().toISOString() };
  ctx.command.write({ entity: 'contact', id, before, after }, searchableKeys(activeFields(ctx.db, 'contact')));
  audit(ctx.open, { actor: ctx.user.id, action: 'privacy.objectionRecorded', target: `contact:${id}` });
  return viewOf(ctx.db, ctx.access, 'contact', readRow(ctx.db, 'contact', id)!);
}
