/**
 * The import itself. Rows are written in batches of 500, each batch in its own transaction; every
 * row is checked before anything of it is written, so a row that fails leaves no trace while the
 * others go in (a row that also creates an organisation gets a savepoint of its own). Between
 * batches the event loop runs (progress events, a cancel, other calls). A cancelled run — or one
 * that stops on an unexpected error, or whose database is closed by a lock, a sign-out or quitting
 * — takes back everything it wrote: created rows are deleted, merged contacts get their earlier
 * values back. A finished run is one command in the journal, "Import 1,204 contacts", which Ctrl+Z
 * takes back as a whole. A run that writes nothing opens no command, so the redo stack stays.
 * While the run goes, its user's undo and redo are refused (`startImportRun`): between two batches
 * its command holds only part of the import, and undo must not take back that part.
 */
import type { ImportRowProblem, ImportSummary } from '../../../../shared/recordTypes';
import type { EntityName } from '../../../../shared/registry';
import type { FieldReason } from '../../../../shared/coreMessages';
import { KluisError, type FieldErrorDetails } from '../../errors';
import { audit, mirrorAuditHead, type OpenInstall } from '../../session/openInstall';
import { Command, startImportRun } from '../../history/journal';
import { discardCommand } from '../../history/undo';
import { readRow, type Row } from '../rows';
import { Jobs, yieldToEventLoop, type Job } from '../jobs';
import { refuseWhileRestricted } from '../restriction';
import { insertRecord, requireRowFor, titleFor, updateRecord, type RecordContext, type WriteContext } from '../service';
import type { Mapping } from './mapping';
import { checkRow, existingMatch, fieldReasons, makePlan, organisationByFoldedName, organisationKey, rowProblem, unmappedRequiredMessage, type CheckedRow, type ImportInput, type ImportPlan, type RowMatch } from './plan';

export const BATCH_SIZE = 500;

export interface RunInput extends ImportInput {
  mapping: Mapping;
  duplicates: 'skip' | 'merge';
  jobId: string;
}

const jobs = new Jobs('records.importRunning');

/** Asks a running import to stop; it takes back what it wrote. False when no such import runs. */
export function cancelImport(jobId: string): boolean {
  return jobs.cancel(jobId);
}

/** Everything a run wrote, so a cancel can take it back. */
interface Written {
  created: Set<number>;
  /** Contacts merged into, with the row as it was before this run first changed it. */
  merged: Map<number, Row>;
  organisations: number[];
}

interface Counts {
  imported: number;
  merged: number;
  skipped: number;
  failed: ImportRowProblem[];
}

/** Why the core refused a row's record: per field when it named fields, else its message. */
function reasonsOf(plan: ImportPlan, error: KluisError): FieldReason[] {
  const { fieldMessages } = (error.details ?? {}) as Partial<FieldErrorDetails>;
  if (fieldMessages && Object.keys(fieldMessages).length > 0) return fieldReasons(plan.fields, new Map(Object.entries(fieldMessages)));
  return [{ field: null, message: error.coreMessage }];
}

/** The database was closed under the run (a lock, a sign-out): the close took the run back first. */
function ensureOpen(ctx: RecordContext): void {
  if (!ctx.db.open) throw new KluisError('LOCKED', 'records.lockedDuringImport');
}

class Importer {
  readonly written: Written = { created: new Set(), merged: new Map(), organisations: [] };
  readonly counts: Counts = { imported: 0, merged: 0, skipped: 0, failed: [] };
  /** RowMatch key → the record this run created or merged into for it. */
  private readonly matches = new Map<string, number>();
  /** Folded organisation name → an organisation this run created. */
  private readonly createdOrganisations = new Map<string, number>();
  /** The live record a row's match names (existingMatch), if the caller may read it. */
  private readonly existing: (match: RowMatch) => number | null;
  private readonly existingOrganisation: (folded: string) => number | null;
  private readonly totalChanges: () => number;

  /**
   * The run's command, opened by the first row that writes: opening a command ends the user's redo
   * stack, which a run that writes nothing (every row failing or skipped) must leave alone.
   */
  private opened: Command | null = null;

  get command(): Command | null {
    return this.opened;
  }

  private writeContext(): WriteContext {
    this.opened ??= Command.begin(this.ctx.db, this.ctx.user.id, { verb: 'import', entity: this.plan.entity, count: 0, title: null }, { task: 'data.import', endsRedoWhenFinished: true });
    return { ...this.ctx, command: this.opened };
  }

  constructor(
    private readonly ctx: RecordContext,
    private readonly plan: ImportPlan,
    private readonly duplicates: 'skip' | 'merge',
  ) {
    this.existing = existingMatch(ctx.db, ctx.access);
    this.existingOrganisation = organisationByFoldedName(ctx.db, ctx.access);
    const changes = ctx.db.prepare('SELECT total_changes()').pluck();
    this.totalChanges = (): number => changes.get() as number;
  }

  /** An organisation this run created under that (folded) name, else a live one the caller may read that has it. */
  private organisationId(folded: string): number | null {
    return this.createdOrganisations.get(folded) ?? this.existingOrganisation(folded);
  }

  /** One row: fails, is skipped, or is written whole. Runs inside the batch's transaction. */
  importRow(checked: CheckedRow): void {
    if (!checked.ok) {
      if (checked.reasons.length > 0) this.counts.failed.push(rowProblem(checked.row, checked.reasons));
      return;
    }
    const { match } = checked;
    const key = match?.key ?? null;
    const duplicateOf = match === null ? null : (this.matches.get(match.key) ?? this.existing(match));
    if (duplicateOf !== null && this.duplicates === 'skip') {
      this.counts.skipped++;
      return;
    }
    const newOrganisations: { folded: string; id: number }[] = [];
    // Opened here, outside the row's own savepoint, so that a refused row cannot roll the command back.
    const ctx = this.writeContext();
    const write = (): { id: number; before: Row | null } => {
      // A record one may read but not change is refused as any edit of it would be, before anything
      // is written, also when the row would change none of its values; so is a restricted person.
      if (duplicateOf !== null) {
        const match = requireRowFor(ctx, this.plan.entity, duplicateOf, 'update');
        if (this.plan.entity === 'contact') refuseWhileRestricted(match, 'update', titleFor(ctx.access, 'contact', match));
      }
      const references: Record<string, number> = {};
      for (const ref of checked.references) {
        const folded = organisationKey(ref.name);
        let orgId = newOrganisations.find((o) => o.folded === folded)?.id ?? this.organisationId(folded);
        if (orgId === null) {
          orgId = insertRecord(ctx, 'organisation', { name: ref.name });
          newOrganisations.push({ folded, id: orgId });
        }
        references[ref.field.key] = orgId;
      }
      if (duplicateOf !== null) {
        const before = readRow(this.ctx.db, this.plan.entity, duplicateOf);
        const changes: Record<string, unknown> = { ...references };
        // The fields that matched stay as they are (a capital, an accent).
        for (const [field, value] of Object.entries(checked.values)) if (value !== null && !match!.fields.includes(field)) changes[field] = value;
        if (Object.keys(changes).length > 0) updateRecord(ctx, this.plan.entity, duplicateOf, changes);
        return { id: duplicateOf, before };
      }
      return { id: insertRecord(ctx, this.plan.entity, { ...checked.values, ...references }), before: null };
    };
    // A row that creates an organisation writes more than once, so it gets a savepoint: if the record is
    // then refused, the organisation goes too. Other rows write once, after every check (a savepoint per
    // row would make the import half again as slow); that nothing was written before a refusal is checked.
    const writesTwice = checked.references.some((ref) => this.organisationId(organisationKey(ref.name)) === null);
    const changesBefore = writesTwice ? 0 : this.totalChanges();
    let outcome: { id: number; before: Row | null };
    try {
      outcome = writesTwice ? this.ctx.db.transaction(write)() : write();
    } catch (error) {
      if (!(error instanceof KluisError)) throw error;
      if (!writesTwice && this.totalChanges() !== changesBefore) throw new Error('A row was refused after part of it had been written.');
      this.counts.failed.push(rowProblem(checked.row, reasonsOf(this.plan, error)));
      return;
    }
    // The row is in: only now does the run remember what it wrote.
    for (const org of newOrganisations) {
      this.createdOrganisations.set(org.folded, org.id);
      this.written.organisations.push(org.id);
    }
    const { id, before } = outcome;
    if (duplicateOf !== null) {
      this.counts.merged++;
      if (before && !this.written.merged.has(id) && !this.written.created.has(id)) this.written.merged.set(id, before);
    } else {
      this.counts.imported++;
      this.written.created.add(id);
    }
    if (key !== null) this.matches.set(key, id);
  }
}

/** Takes back everything the run wrote, in one transaction, and records that it did. */
function takeBack(ctx: RecordContext, entity: EntityName, command: Command, reason: 'cancelled' | 'failed' | 'locked'): void {
  ctx.db
    .transaction(() => {
      const { reverted, kept } = discardCommand(ctx.db, command.id);
      audit(ctx.open, { actor: ctx.user.id, action: `import.${reason}`, details: { entity, reverted, kept } });
    })
    .immediate();
}

/**
 * An import the process did not live to finish — a crash, a kill, the power — leaves the batches it
 * committed and its command still at count 0 (finish() sets the count). When someone next comes in
 * (sign-in, unlock), such a run is taken back whole, as a cancel would have, and audited. A finished
 * import always has a count: one that wrote nothing has no command at all.
 */
export function takeBackInterruptedImports(open: OpenInstall): number {
  const { db } = open;
  const runs = db.prepare("SELECT id, user_id, entity FROM commands WHERE verb = 'import' AND count = 0 AND state = 'done'").all() as {
    id: number;
    user_id: number | null;
    entity: EntityName;
  }[];
  for (const run of runs) {
    db.transaction(() => {
      const { reverted, kept } = discardCommand(db, run.id);
      audit(open, { actor: run.user_id, action: 'import.interrupted', details: { entity: run.entity, reverted, kept } });
    }).immediate();
  }
  return runs.length;
}

export function runImport(ctx: RecordContext, input: RunInput, progress: (done: number, total: number) => void): Promise<ImportSummary> {
  return jobs.run(input.jobId, (job) => importRows(ctx, input, progress, job));
}

async function importRows(ctx: RecordContext, input: RunInput, progress: (done: number, total: number) => void, job: Job): Promise<ImportSummary> {
  let importer: Importer | null = null;
  let takenBack = false;
  let release = (): unknown => undefined;
  // Until the run has ended (finished, cancelled, failed), the user's undo and redo wait for it.
  const endRun = startImportRun(ctx.db, ctx.user.id);
  try {
    const plan = makePlan(ctx.db, ctx.access, input);
    // Contacts and organisations each have one required field, so there is at most one to name here;
    // the preview lists every one.
    const [unmapped] = plan.unmappedRequired;
    if (unmapped) throw new KluisError('VALIDATION', unmappedRequiredMessage(plan, unmapped));
    const current = new Importer(ctx, plan, input.duplicates);
    importer = current;
    // A lock, sign-out or quit closes the database between two batches without asking the import;
    // once closed, the key is gone and the batches written so far would stay. So the close first
    // takes this run back (between batches only: a batch never yields).
    const takeBackOnClose = (): void => {
      if (takenBack || !current.command || ctx.db.inTransaction) return;
      takenBack = true;
      takeBack(ctx, plan.entity, current.command, 'locked');
      mirrorAuditHead(ctx.open);
    };
    ctx.open.beforeClose.add(takeBackOnClose);
    release = () => ctx.open.beforeClose.delete(takeBackOnClose);
    const total = plan.records.length;
    for (let start = 0; start < total && !job.cancelled; start += BATCH_SIZE) {
      ensureOpen(ctx);
      const batch = plan.records.slice(start, start + BATCH_SIZE);
      ctx.db.transaction(() => {
        for (const record of batch) current.importRow(checkRow(plan, record));
      }).immediate();
      progress(start + batch.length, total);
      await yieldToEventLoop();
    }
    ensureOpen(ctx);
    if (job.cancelled) {
      if (current.command) takeBack(ctx, plan.entity, current.command, 'cancelled');
      return { imported: 0, merged: 0, skipped: 0, organisationsCreated: 0, failed: [], leftOut: plan.leftOut, cancelled: true };
    }
    const { imported, merged, skipped, failed } = current.counts;
    const organisationsCreated = current.written.organisations.length;
    const command = current.command;
    ctx.db
      .transaction(() => {
        command?.finish({ count: imported + merged, title: null });
        audit(ctx.open, {
          actor: ctx.user.id,
          action: 'import.completed',
          details: { entity: plan.entity, imported, merged, skipped, failed: failed.length, leftOut: plan.leftOut.length, organisationsCreated },
        });
      })
      .immediate();
    return { imported, merged, skipped, organisationsCreated, failed, leftOut: plan.leftOut, cancelled: false };
  } catch (error) {
    // Nothing half-written: whatever went in before the error comes out again, if the database is
    // still there (when it was closed, the close took the run back).
    const command = importer?.command;
    if (command && !takenBack && ctx.db.open && !ctx.db.inTransaction) {
      try {
        takeBack(ctx, input.entity, command, 'failed');
      } catch {
        // The original error is the one to report.
      }
    }
    throw error;
  } finally {
    release();
    endRun();
  }
}
