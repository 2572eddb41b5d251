/**
 * CSV import for contacts and organisations (DESIGN §6): preview, run, cancel. Only columns mapped
 * to fields in force are stored; the rest are named as left out.
 */
import type { ImportPreview, ImportSummary } from '../../../../shared/recordTypes';
import type { RecordContext } from '../service';
import type { ImportInput } from './plan';
import { previewImport as preview } from './preview';
import { cancelImport as cancel, runImport as run, type RunInput } from './run';

export type { ImportInput, RunInput };

/** Read-only: runs inside the dispatcher's transaction. */
export function previewImport(ctx: RecordContext, input: ImportInput): ImportPreview {
  return preview(ctx, input);
}

/** Manages its own transactions, one per batch, and reports progress after each. */
export function runImport(ctx: RecordContext, input: RunInput, progress: (done: number, total: number) => void): Promise<ImportSummary> {
  return run(ctx, input, progress);
}

export function cancelImport(jobId: string): boolean {
  return cancel(jobId);
}
