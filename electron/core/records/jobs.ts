/**
 * Long runs the renderer can stop: an import, an export. Each kind keeps its own registry, so a
 * cancel reaches only a run of the kind its channel's right covers. The run itself checks
 * `cancelled` between batches; the id is the caller's, random per run.
 */
import { KluisError } from '../errors';
import type { CoreMessageId } from '../../../shared/coreMessages';

export interface Job {
  cancelled: boolean;
}

export class Jobs {
  private readonly running = new Map<string, Job>();

  /** `busy`: the message when a run with this id is already going. */
  constructor(private readonly busy: CoreMessageId) {}

  /** Runs `work` as job `id`, which cancel(id) can then stop. */
  async run<T>(id: string, work: (job: Job) => Promise<T>): Promise<T> {
    if (this.running.has(id)) throw new KluisError('CONFLICT', this.busy);
    const job: Job = { cancelled: false };
    this.running.set(id, job);
    try {
      return await work(job);
    } finally {
      this.running.delete(id);
    }
  }

  /** Asks the run to stop. False when no run has this id. */
  cancel(id: string): boolean {
    const job = this.running.get(id);
    if (!job) return false;
    job.cancelled = true;
    return true;
  }
}

/** Lets the event loop run between two batches: progress events, a cancel, other calls. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
