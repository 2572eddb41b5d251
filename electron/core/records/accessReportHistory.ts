/**
 * The undo history's part of an access request. The journal keeps every change's row before and
 * after for as long as the trash keeps records (history/destroy.ts), so it still holds past values
 * of the person — a name before a correction, an earlier e-mail address — and the values of changes
 * that were undone. Those are held data too (GDPR art. 15). Reported per change: the fields in force
 * that it set, with their values before and after, as the rest of the report shows values (a
 * switched-off field's values were purged from the journal along with the records).
 */
import type { AccessReportChange, AccessReportChangedValue } from '../../../shared/accessReportTypes';
import type { CommandState, CommandVerb } from '../../../shared/historyTypes';
import type { StoredValue } from '../../../shared/recordTypes';
import type { EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { activeFields, type ActiveField } from './fields';
import type { Row } from './rows';
import { customOf } from './service';

export interface ReportedRecordKey {
  entity: EntityName;
  id: number;
}

interface JournalChange {
  command_id: number;
  seq: number;
  at: string;
  verb: CommandVerb;
  state: CommandState;
  before: string | null;
  after: string | null;
}

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
 * The changes the journal holds of these records, oldest first. A change that set no field in force
 * (a move to the trash and back) holds no values beyond the record's own, so it is left out; the
 * audit entries say when it happened.
 */
export function journalChangesOf(db: Db, records: readonly ReportedRecordKey[]): AccessReportChange[] {
  // command_changes_by_record leads with (entity, record_id): this reads only these records' changes.
  const select = prepared(
    db,
    `SELECT cc.command_id, cc.seq, c.at, c.verb, c.state, cc.before, cc.after
       FROM command_changes cc JOIN commands c ON c.id = cc.command_id
      WHERE cc.entity = ? AND cc.record_id = ?`,
  );
  const found: { change: AccessReportChange; command: number; seq: number }[] = [];
  for (const { entity, id } of records) {
    for (const change of select.all(entity, id) as JournalChange[]) {
      const before = change.before === null ? null : (JSON.parse(change.before) as Row);
      const after = change.after === null ? null : (JSON.parse(change.after) as Row);
      const values = changedValues(db, entity, before, after);
      if (values.length === 0) continue;
      found.push({
        change: { at: change.at, verb: change.verb, state: change.state, target: `${entity}:${id}`, values },
        command: change.command_id,
        seq: change.seq,
      });
    }
  }
  // In the order they were made: by command, then by the order of its changes.
  found.sort((a, b) => a.command - b.command || a.seq - b.seq);
  return found.map((entry) => entry.change);
}
