/**
 * What is about a person, as the links between records say it: their own contact record, and every
 * record that links to it (a deal's contact, an activity's, a consent's). An access request reports
 * these, an erasure removes them, and both look for the same in the journal's past rows: a note that
 * was on the person's card before it was moved to a colleague's is held about the person, and so is
 * every value written while it was there, also after the move (accessReportHistory.ts).
 */
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../../../shared/registry';
import type { CommandState, CommandVerb } from '../../../shared/historyTypes';
import type { Db } from '../db/open';
import type { Row } from './rows';

/** The reference fields that point at a contact. */
export function linksToContacts(): { entity: EntityName; field: string }[] {
  return ENTITY_NAMES.flatMap((entity) => ENTITIES[entity].fields.filter((f) => f.type === 'reference' && f.references === 'contact').map((f) => ({ entity, field: f.key })));
}

/** The people `row` (of `entity`, id `id`) is about: the contact itself, or the contacts it links to. */
export function peopleOf(entity: EntityName, id: number, row: Row | null): number[] {
  if (row === null) return [];
  if (entity === 'contact') return [id];
  return linksToContacts().flatMap((link) => (link.entity === entity && typeof row[link.field] === 'number' ? [row[link.field] as number] : []));
}

export interface PersonChange {
  command_id: number;
  seq: number;
  at: string;
  verb: CommandVerb;
  state: CommandState;
  entity: EntityName;
  record_id: number;
  before: string | null;
  after: string | null;
}

/** A journal change with its command's time, verb and state, as PersonChange holds it. */
const CHANGES_SELECT = `SELECT cc.command_id, cc.seq, c.at, c.verb, c.state, cc.entity, cc.record_id, cc.before, cc.after
         FROM command_changes cc JOIN commands c ON c.id = cc.command_id`;

/**
 * Every change the journal holds whose row before or after is about the person, in the order they
 * were made. It reads the whole journal, which holds a few weeks of changes (the trash's retention).
 */
export function journalChangesAbout(db: Db, personId: number): PersonChange[] {
  const linked = linksToContacts().map(
    ({ entity, field }) => `(cc.entity = '${entity}' AND (json_extract(cc.before, '$.${field}') = @person OR json_extract(cc.after, '$.${field}') = @person))`,
  );
  return db
    .prepare(
      `${CHANGES_SELECT}
        WHERE (cc.entity = 'contact' AND cc.record_id = @person) OR ${linked.join(' OR ')}
        ORDER BY cc.command_id, cc.seq`,
    )
    .all({ person: personId }) as PersonChange[];
}

/**
 * Every change the journal holds of every record that was ever about the person, in the order they
 * were made: also what came after on a record since moved to someone else (a note rewritten on a
 * colleague's card still holds, in its row before, the text written about the person).
 */
export function journalOfRecordsAbout(db: Db, personId: number): PersonChange[] {
  const records = [...new Set(journalChangesAbout(db, personId).map((change) => `${change.entity}:${change.record_id}`))];
  if (records.length === 0) return [];
  return db
    .prepare(
      `${CHANGES_SELECT}
        WHERE cc.entity || ':' || cc.record_id IN (SELECT value FROM json_each(?))
        ORDER BY cc.command_id, cc.seq`,
    )
    .all(JSON.stringify(records)) as PersonChange[];
}
