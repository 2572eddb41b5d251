/**
 * A consent's two days hold together: it is given and withdrawn on days that have come, and never
 * withdrawn before it was given. Together they prove when processing was allowed (GDPR art. 7(1)),
 * so a day typed wrong would make the proof say something else. Recording a withdrawal checks its day
 * (consentWithdrawal.ts); creating or editing a consent checks the days it changes, here.
 */
import { localDay } from '../../../shared/localDay';
import type { Access } from '../access/access';
import { KluisError } from '../errors';
import type { Row } from './rows';
import { readableInFull } from './service';
import type { FieldErrors } from './validate';

const DAYS = ['given_at', 'withdrawn_at'] as const;

/** What is wrong with the days of `row` (the consent as it would be) among the `changed` ones, by field. */
export function consentDayErrors(row: Row, changed: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!DAYS.some((key) => changed.includes(key))) return errors;
  const today = localDay();
  for (const key of DAYS) {
    const day = row[key];
    if (changed.includes(key) && typeof day === 'string' && day > today) errors[key] = { id: 'records.dayInFuture' };
  }
  const { given_at: given, withdrawn_at: withdrawn } = row;
  if (Object.keys(errors).length === 0 && typeof given === 'string' && typeof withdrawn === 'string' && withdrawn < given) {
    if (changed.includes('withdrawn_at')) errors.withdrawn_at = { id: 'records.withdrawnBeforeGiven' };
    else errors.given_at = { id: 'records.givenAfterWithdrawn' };
  }
  return errors;
}

/**
 * Refuses a change of one day where the other, stored, is not the caller's to read: "not after the
 * day it was withdrawn" would answer, guess by guess, what they may not read.
 */
export function refuseUnreadableCounterpart(access: Access, before: Row, changed: readonly string[]): void {
  for (const [key, other] of [['given_at', 'withdrawn_at'], ['withdrawn_at', 'given_at']] as const) {
    if (changed.includes(key) && typeof before[other] === 'string' && !readableInFull(access, 'consent', [other])) {
      throw new KluisError('FORBIDDEN', 'records.consentDaysNeedBoth');
    }
  }
}
