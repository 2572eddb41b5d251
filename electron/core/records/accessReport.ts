/**
 * The answer to a data subject's access request (GDPR art. 15, and art. 20 as a JSON file), for the
 * task `privacy.dsar`: the person's record and every record that points at it, each value in full
 * with its field's purpose, legal basis and retention from the registry, the audit entries about
 * the person's record and about each of those records, and the past values of all of them that the
 * undo history still holds (accessReportHistory.ts).
 *
 * Deliberately unlike the record's page:
 * - nothing is masked or left out for the caller's field rights: the right of access is to
 *   everything held, and the officer answering it needs to hand that over (the task, a fresh
 *   second factor and the audit entry are the guard instead);
 * - linked records are included whatever the caller's read scope on them: an answer that left out
 *   what the officer's role does not list would be an incomplete answer;
 * - records in the trash are included, marked `inTrash`: they are still held until the trash's
 *   retention deletes them (or an erasure does).
 * The person's own record must be in the caller's read scope, as for any record (NOT_FOUND else).
 */
import type { AccessReport, AccessReportLinked, AccessReportRecord, AccessReportValue } from '../../../shared/accessReportTypes';
import type { Mentions } from '../../../shared/recordTypes';
import { lowerCase } from '../../../shared/coreMessages';
import { ENTITIES, LEGAL_BASIS_LABELS, type EntityName } from '../../../shared/registry';
import { rowInScope } from '../access/access';
import { auditEntriesForTargets } from '../audit/chain';
import { prepared } from '../db/statements';
import { KluisError } from '../errors';
import { getMeta } from '../install/meta';
import { readPolicy } from '../install/policy';
import { audit } from '../session/openInstall';
import { journalChangesOf } from './accessReportHistory';
import { linksToContacts } from './personLinks';
import { mentionsOf } from './mentions';
import { activeFields } from './fields';
import { readLinkedRow, readRow, titleOf, type Row } from './rows';
import { customOf } from './rows';
import type { RecordContext } from './service';

/** The values a record holds, in the fields in force (a switched-off field's values were purged). */
function reportedRecord(ctx: RecordContext, entity: EntityName, row: Row): AccessReportRecord {
  const custom = customOf(row);
  const values: AccessReportValue[] = [];
  for (const field of activeFields(ctx.db, entity)) {
    const value = field.custom ? (custom[field.key] ?? null) : (row[field.key] ?? null);
    if (value === null || value === '') continue;
    const reported: AccessReportValue = {
      key: field.key,
      label: field.label,
      value,
      purpose: field.purpose,
      legalBasis: field.legalBasis,
      legalBasisLabel: LEGAL_BASIS_LABELS[field.legalBasis],
      sensitivity: field.sensitivity,
      retention: field.retention,
    };
    if (field.type === 'reference' && field.references && typeof value === 'number') {
      const target = readLinkedRow(ctx.db, field.references, value);
      reported.linkTitle = target ? titleOf(field.references, target) : null;
    }
    values.push(reported);
  }
  return {
    entity,
    entityLabel: ENTITIES[entity].label.singular,
    id: row.id as number,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    inTrash: row.deleted_at !== null,
    deletedAt: (row.deleted_at as string | null) ?? null,
    values,
  };
}

/** The records that point at the contact, live or in the trash, by kind and then id. */
function linkedRecords(ctx: RecordContext, contactId: number): AccessReportLinked[] {
  const linked: AccessReportLinked[] = [];
  for (const { entity, field } of linksToContacts()) {
    // Every link has an index led by it (docs/records.md), so this reads only the person's records.
    const rows = prepared(ctx.db, `SELECT * FROM ${ENTITIES[entity].table} WHERE ${field} = ? ORDER BY id`).all(contactId) as Row[];
    for (const row of rows) linked.push({ ...reportedRecord(ctx, entity, row), via: field });
  }
  return linked;
}

/** The person's record, when the caller may read it (NOT_FOUND else, as for any record). */
function personRow(ctx: RecordContext, contactId: number): Row {
  const row = readRow(ctx.db, 'contact', contactId);
  if (!row || !rowInScope(ctx.access, 'contact', 'read', row)) {
    throw new KluisError('NOT_FOUND', { id: 'common.noSuchRecord', values: { entity: lowerCase(ENTITIES.contact.label.singular) } });
  }
  return row;
}

/**
 * The records the report leaves out because only their text names the person (mentions.ts): the
 * report has the person and every record that links to them, and the officer checks these by hand.
 * Not part of the report itself, which goes to the person: these records are about others too.
 */
export function mentionsBesideReport(ctx: RecordContext, contactId: number): Mentions {
  const row = personRow(ctx, contactId);
  const reported = new Set([`contact:${contactId}`]);
  for (const { entity, field } of linksToContacts()) {
    const ids = prepared(ctx.db, `SELECT id FROM ${ENTITIES[entity].table} WHERE ${field} = ?`).pluck().all(contactId) as number[];
    for (const id of ids) reported.add(`${entity}:${id}`);
  }
  return mentionsOf(ctx.db, ctx.access, row, reported);
}

/** Builds the report and audits that it was made, with counts only: the log holds no personal data. */
export function accessReport(ctx: RecordContext, contactId: number): AccessReport {
  const row = personRow(ctx, contactId);
  const target = `contact:${contactId}`;
  const linked = linkedRecords(ctx, contactId);
  const reported = [{ entity: 'contact' as const, id: contactId }, ...linked];
  const report: AccessReport = {
    format: 'kluis.accessReport',
    version: 2,
    generatedAt: new Date().toISOString(),
    organisation: getMeta(ctx.db, 'org_name') ?? '',
    subject: reportedRecord(ctx, 'contact', row),
    linked,
    // What was done to the person's consents, activities, deals and invoices is about them too.
    audit: auditEntriesForTargets(ctx.db, reported.map((record) => `${record.entity}:${record.id}`)),
    history: { keptForDays: readPolicy(ctx.db).trashRetentionDays, changes: journalChangesOf(ctx.db, contactId) },
  };
  audit(ctx.open, {
    actor: ctx.user.id,
    action: 'privacy.accessReported',
    target,
    details: {
      values: report.subject.values.length,
      linked: report.linked.length,
      auditEntries: report.audit.length,
      pastChanges: report.history.changes.length,
      inTrash: report.subject.inTrash,
    },
  });
  return report;
}
