/**
 * Recording and lifting a restriction of processing (GDPR art. 18, see restriction.ts): the privacy
 * officer's action (`privacy.erase`: restriction is the other answer to a request to erase). Each is
 * one command in the journal, which they may undo, and one audit entry.
 */
import type { RecordView } from '../../../shared/recordTypes';
import { localDay } from '../../../shared/localDay';
import type { RESTRICTION_GROUNDS } from '../../../shared/registry';
import { KluisError } from '../errors';
import { audit } from '../session/openInstall';
import { activeFields } from './fields';
import { restrictedSince } from './restriction';
import { readRow, type Row } from './rows';
import { requireRowFor, searchableKeys, viewOf, type WriteContext } from './service';

export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

function write(ctx: WriteContext, id: number, before: Row, values: Pick<Row, 'restricted_since' | 'restriction_ground'>): RecordView {
  const after: Row = { ...before, ...values, updated_at: new Date().toISOString() };
  ctx.command.write({ entity: 'contact', id, before, after }, searchableKeys(activeFields(ctx.db, 'contact')));
  return viewOf(ctx.db, ctx.access, 'contact', readRow(ctx.db, 'contact', id)!);
}

/** Restricts the processing of a contact's data from today, on `ground`. */
export function restrictProcessing(ctx: WriteContext, id: number, ground: RestrictionGround): RecordView {
  const before = requireRowFor(ctx, 'contact', id, 'read');
  if (restrictedSince(before) !== null) throw new KluisError('CONFLICT', 'records.alreadyRestricted');
  const view = write(ctx, id, before, { restricted_since: localDay(), restriction_ground: ground });
  // Ids only, as every audit entry: the ground is in the record.
  audit(ctx.open, { actor: ctx.user.id, action: 'privacy.restricted', target: `contact:${id}` });
  return view;
}

/** Lifts a restriction: the person's data may be used again (after they were told, art. 18(3)). */
export function liftRestriction(ctx: WriteContext, id: number): RecordView {
  const before = requireRowFor(ctx, 'contact', id, 'read');
  if (restrictedSince(before) === null) throw new KluisError('CONFLICT', 'records.notRestricted');
  const view = write(ctx, id, before, { restricted_since: null, restriction_ground: null });
  audit(ctx.open, { actor: ctx.user.id, action: 'privacy.restrictionLifted', target: `contact:${id}` });
  return view;
}
