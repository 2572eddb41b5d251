/**
 * The undo history's part of an access request. The journal keeps every change's row before and
 * after for as long as the trash keeps records (history/destroy.ts), so it still holds past values
 * of the person — a name before a correction, an earlier e-mail address, a note since moved to
 * another card — and the values of changes that were undone. Those are held data too (GDPR art.
 * 15). Reported per change: the fields in force that it set, with their values before and after, as
 * the rest of the report shows values (a switched-off field's values were purged from the journal
 * along with the records).
 */
import type { AccessReportChange, AccessReportChangedValue } from '../../../shared/accessReportTypes';
import type { StoredValue } from '../../../shared/recordTypes';
import type { EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { activeFields, type ActiveField } from './fields';
import { aboutPerson, journalChangesAbout } from './personLinks';
import type { Row } from './rows';
import { customOf } from './service';

function fieldValue(row: Row | null, field: ActiveField): StoredValue {
  if (row === null) return null;
  const value = field.custom ? customOf(row)[field.key] : row[field.key];
  return value === undefined || value === '' ? null : (value as StoredValue);
}

/** The fields in force whose value the change altered. */
function changedValues(db: Db, entity: EntityName, before: Row | null, after: Row | null): AccessReportChangedValue[] {
  const values: AccessReportChangedValue[] = [];
  for (const field of activeFields(db, entity)) {
    const was = fieldValue(before, field);
    const is = fieldValue(after, field);
    if (was !== is) values.push({ key: field.key, label: field.label, before: was, after: is });
  }
  return values;
}

/**
 * The changes the journal holds about the person, oldest first: of their own record, and of every
 * record while it linked to them (personLinks.ts), whether it still does or not. A side of a change
 * from when the record was about someone else (a note moved from the person's card to a colleague's,
 * and rewritten there) is not theirs to have: it is reported as empty. A change that set no field in
 * force (a move to the trash and back) holds no values beyond the record's own, so it is left out;
 * the audit entries say when it happened.
 */
export function journalChangesOf(db: Db, personId: number): AccessReportChange[] {
  const changes: AccessReportChange[] = [];
  for (const change of journalChangesAbout(db, personId)) {
    const { entity, record_id: id } = change;
    const before = change.before === null ? null : (JSON.parse(change.before) as Row);
    const after = change.after === null ? null : (JSON.parse(change.after) as Row);
    const values = changedValues(db, entity, aboutPerson(entity, id, before, personId) ? before : null, aboutPerson(entity, id, after, personId) ? after : null);
    if (values.length > 0) changes.push({ at: change.at, verb: change.verb, state: change.state, target: `${entity}:${id}`, values });
  }
  return changes;
}
