import type { Migration } from '../migrate';

/**
 * Fewer index pages written by every edit. An edit writes its record, a journal command with its
 * change, and an audit entry, each page of them encrypted at the commit; two of the indexes those
 * rows fed served a rare query and were paid for by every edit (docs/performance.md).
 *
 * - The audit log by target held every record change, to serve one query: a person's own recent
 *   sign-ins (Account). It now holds sign-ins only.
 * - Commands by time served the retention job's pruning of the journal at sign-in. The journal
 *   holds no more than the trash's retention (30 days by default) of commands, which that job
 *   reads through once, while every edit wrote an entry into this index.
 */
export const editIndexes: Migration = {
  version: 12,
  name: 'edit indexes',
  up: (db) => {
    db.exec(`
      DROP INDEX audit_log_target;
      CREATE INDEX audit_sign_ins ON audit_log (target, seq) WHERE action IN ('session.signIn', 'session.signIn.failed');
      DROP INDEX commands_by_time;
    `);
  },
};
