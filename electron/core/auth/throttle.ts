/**
 * Slows down guessing per username, in a file beside the database (the database itself is locked
 * while someone is trying to get in). The first few failures are free — people mistype — after
 * that each one doubles the wait, up to 15 minutes. Failures also wait here to be written to the
 * audit log at the next unlock. Usernames appear only as keyed hashes.
 *
 * Each username has two counts: one of failed ways in, one of wrong second-factor codes. A failed
 * sign-in or unlock counts on both, whichever part was wrong, so the wait it leads to never tells a
 * guesser whether the password was right; a wrong step-up code (someone at an open window) counts on
 * the codes only. A right answer clears only its own kind, since a right password says nothing about
 * a guessed code: else whoever knows the password could lock and unlock between guesses of the code
 * and never wait.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../install/atomicFile';
import { normalizeUsername } from '../vault/slots';

export const THROTTLE_FILE = 'sign-in-attempts.json';
const FREE_FAILURES = 3;
const MAX_DELAY_SECONDS = 15 * 60;
const MAX_PENDING = 1_000;

const fileSchema = z.object({
  subjects: z.record(z.string(), z.object({ failures: z.number().int().min(0), lastFailureAt: z.number() })),
  pending: z.array(z.object({ at: z.string(), subject: z.string(), action: z.string() })),
});
type ThrottleFile = z.infer<typeof fileSchema>;
export interface ThrottleSubjects {
  password: string;
  code: string;
}
export type PendingFailure = ThrottleFile['pending'][number];

export class SignInThrottle {
  private readonly path: string;

  constructor(
    dataDir: string,
    private readonly installId: string,
    private readonly now: () => number = Date.now,
  ) {
    this.path = join(dataDir, THROTTLE_FILE);
  }

  subjectFor(username: string): string {
    return createHmac('sha256', `kluis-throttle:${this.installId}`).update(normalizeUsername(username)).digest('hex');
  }

  /** The counts of wrong passwords and of wrong codes for one username. */
  subjectsFor(username: string): ThrottleSubjects {
    const code = createHmac('sha256', `kluis-throttle-code:${this.installId}`).update(normalizeUsername(username)).digest('hex');
    return { password: this.subjectFor(username), code };
  }

  private read(): ThrottleFile {
    try {
      return fileSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      return { subjects: {}, pending: [] };
    }
  }

  /** Seconds to wait before the next attempt for these subjects (the longest wait); 0 when it may try now. */
  retryAfterSeconds(...subjects: string[]): number {
    const file = this.read();
    return Math.max(
      0,
      ...subjects.map((subject) => {
        const entry = file.subjects[subject];
        if (!entry || entry.failures < FREE_FAILURES) return 0;
        const delay = Math.min(2 ** (entry.failures - FREE_FAILURES), MAX_DELAY_SECONDS);
        return Math.ceil(entry.lastFailureAt / 1000 + delay - this.now() / 1000);
      }),
    );
  }

  /**
   * Counts one failure on each subject given; unless it was already written to the open log, queues
   * it (once, under the first subject) for the audit.
   */
  recordFailure(subjects: string | readonly string[], action: string, options: { audited?: boolean } = {}): void {
    const file = this.read();
    const all = typeof subjects === 'string' ? [subjects] : subjects;
    for (const subject of all) {
      const entry = file.subjects[subject] ?? { failures: 0, lastFailureAt: 0 };
      file.subjects[subject] = { failures: entry.failures + 1, lastFailureAt: this.now() };
    }
    if (!options.audited && all[0] !== undefined) {
      file.pending = [...file.pending, { at: new Date(this.now()).toISOString(), subject: all[0], action }].slice(-MAX_PENDING);
    }
    writeJsonAtomic(this.path, file);
  }

  recordSuccess(subject: string): void {
    const file = this.read();
    if (!(subject in file.subjects)) return;
    delete file.subjects[subject];
    writeJsonAtomic(this.path, file);
  }

  /** Hands over the failures that still have to be audited, and forgets them. */
  takePending(): PendingFailure[] {
    const file = this.read();
    if (file.pending.length === 0) return [];
    writeJsonAtomic(this.path, { ...file, pending: [] });
    return file.pending;
  }
}
