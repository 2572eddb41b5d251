/**
 * A broken audit chain's reason in English, for where Kluis speaks English only: the CLI's
 * `audit verify` (and its --json `message`). The renderer words the same codes in the reader's
 * language (renderer/src/audit/strings.ts); a test holds its English to these sentences.
 */
import type { AuditBreak } from './apiTypes';

export function auditBreakText(reason: AuditBreak): string {
  switch (reason.code) {
    case 'missing':
      return `entry ${reason.entry} is missing`;
    case 'notFollowing':
      return `entry ${reason.entry} does not follow entry ${reason.previous}`;
    case 'altered':
      return `entry ${reason.entry} was altered`;
    case 'tailCut':
      return `the log ends at entry ${reason.last}, but vault.json recorded ${reason.recorded} entries: the tail was cut`;
    case 'headDiffers':
      return `entry ${reason.entry} differs from the head recorded in vault.json`;
  }
}
