/**
 * Recording that a person withdrew their consent (GDPR art. 7(3)). The consent is kept, with the
 * day it was withdrawn: when consent was given and when it ended is what proves that processing in
 * between was lawful, and that it stopped. The day is today (the install's) unless told otherwise,
 * never in the future and never before the consent was given. One journal command, one audit entry.
 */
import type { RecordView } from '../../../shared/recordTypes';
import { localDay } from '../../../shared/localDay';
import { fieldErrorDetails, KluisError } from '../errors';
import { rowInScope, type Access } from '../access/access';
import { audit } from '../session/openInstall';
import { activeFields } from './fields';
import { readRow, type Row } from './rows';
import { readableInFull, requireRowFor, searchableKeys, viewOf, type WriteContext } from './service';
import { checkValue, type FieldErrors } from './validate';
import { consentDayErrors } from './consentDays';

const FIELD = 'withdrawn_at';

/** Why the day cannot be the day of withdrawal, by the input's key (`day`), or null when it can. */
function dayProblem(ctx: WriteContext, consent: Row, day: string): FieldErrors | null {
  // The field may be empty on a consent; a withdrawal without its day is no withdrawal.
  if (day === '') return { day: { id: 'records.required' } };
  const field = activeFields(ctx.db, 'consent').find((f) => f.key === FIELD)!;
  const checked = checkValue(field, day);
  if ('error' in checked) return { day: checked.error };
  const problem = consentDayErrors({ ...consent, withdrawn_at: day }, ['withdrawn_at']).withdrawn_at;
  return problem ? { day: problem } : null;
}

/**
 * Whether the caller may record that this consent (one they may read) was withdrawn: who may update
 * it, and also who may give consents. Withdrawing must be as easy as giving (art. 7(3)): field
 * sales record a consent on the road, and must be able to record its withdrawal there too, without
 * the right to change what the consent says.
 */
export function mayRecordWithdrawal(access: Access, consent: Row): boolean {
  return rowInScope(access, 'consent', 'update', consent) || access.scope('consent', 'create') !== 'none';
}

export function recordConsentWithdrawal(ctx: WriteContext, id: number, day: string = localDay()): RecordView {
  const before = requireRowFor(ctx, 'consent', id, 'read');
  if (!mayRecordWithdrawal(ctx.access, before)) throw new KluisError('FORBIDDEN', 'records.mayNotRecordWithdrawal');
  const field = activeFields(ctx.db, 'consent').find((f) => f.key === FIELD)!;
  if (ctx.access.field('consent', FIELD, field.sensitivity) !== 'edit') {
    throw new KluisError('FORBIDDEN', { id: 'records.mayNotChangeField', values: { field: field.label } });
  }
  // The day is checked against the day the consent was given: for someone who may not read that
  // day, "not before it" would answer, guess by guess, what they may not read.
  if (!readableInFull(ctx.access, 'consent', ['given_at'])) throw new KluisError('FORBIDDEN', 'records.withdrawalNeedsGivenDay');
  if (before.withdrawn_at) throw new KluisError('CONFLICT', 'records.consentAlreadyWithdrawn');
  const problem = dayProblem(ctx, before, day.trim());
  if (problem) throw new KluisError('VALIDATION', 'records.invalidValues', fieldErrorDetails(problem));
  const after: Row = { ...before, [FIELD]: day.trim(), updated_at: new Date().toISOString() };
  ctx.command.write({ entity: 'consent', id, before, after }, searchableKeys(activeFields(ctx.db, 'consent')));
  // Ids only, as every audit entry: the day is in the record, the purpose may say too much.
  audit(ctx.open, { actor: ctx.user.id, action: 'privacy.consentWithdrawn', target: `consent:${id}` });
  return viewOf(ctx.db, ctx.access, 'consent', readRow(ctx.db, 'consent', id)!);
}
