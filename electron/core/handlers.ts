/**
 * What each channel does, once the dispatcher has checked who may call it. Three kinds:
 * - `lifecycle`: setup, sign-in steps, lock: async, they open and close the database themselves;
 * - `transaction`: synchronous work on the open database, run inside the dispatcher's transaction;
 * - `async`: signed-in work that must wait for Argon2id (new key slots), with its own transactions.
 */
import { TASK_NAMES } from '../../shared/access';
import type { ChannelOutput, ParsedInput } from '../../shared/api';
import type { SessionUser } from '../../shared/apiTypes';
import type { ChannelName } from '../../shared/channels';
import { listAudit, recentSignIns, verifyAuditChain } from './audit/chain';
import { issueRecoveryCodes, unusedRecoveryCodes } from './auth/recoveryCodes';
import { createUser, disableUser, enableUser, resetMfa, resetPassword } from './auth/userAdmin';
import { listUsers, userSummary } from './auth/users';
import type { Db } from './db/open';
import { writeDisplayLanguage } from './install/displayLanguage';
import { readPolicy, writePolicy } from './install/policy';
import { loadAccess, type Access } from './access/access';
import { createTeam, explain, listTeams, publishCampaign, reassignRecord, revealField, setUserAccess, userAccess } from './access/admin';
import { listRoles, saveRole } from './access/roles';
import { findUserById, sessionUser } from './auth/users';
import { KluisError } from './errors';
import type { ActiveSession, KluisCore } from './kluis';
import { audit, type OpenInstall } from './session/openInstall';
import { readVaultFile } from './vault/vaultFile';
import { addCustomField, listFieldInfo, setFieldEnabled } from './records/fieldAdmin';
import { cancelImport, previewImport, runImport } from './records/import';
import { countRecords, listRecords, recordDetail, searchRecords } from './records/queries';
import { accessReport, mentionsBesideReport } from './records/accessReport';
import { liftRestriction, restrictProcessing } from './records/restrictProcessing';
import { retentionReview } from './records/retention';
import { cancelExport, exportRecords } from './records/export';
import { sendPaymentReminder } from './records/reminder';
import { nextInvoiceNumber } from './records/invoiceNumbers';
import { campaignRecipients, consentPurposes, exportCampaignRecipients } from './records/campaignRecipients';
import { recordConsentWithdrawal } from './records/consentWithdrawal';
import { recordMarketingObjection } from './records/marketingObjection';
import { createRecord, updateRecord } from './records/service';
import { eraseContact, purgeFromTrash } from './history/destroy';
import { reviewImpact } from './history/impact';
import { listCommands, runCommand } from './history/journal';
import { checkIntegrity } from './db/integrity';
import { listTrash, moveToTrash, restoreFromTrash } from './history/trash';
import { redoLast, undoLast } from './history/undo';

export interface TransactionContext {
  core: KluisCore;
  db: Db;
  user: SessionUser;
  open: OpenInstall;
  access: Access;
}

type Out<C extends ChannelName> = ChannelOutput<C>;
type In<C extends ChannelName> = ParsedInput<C>;

export type Handler<C extends ChannelName> =
  | { kind: 'lifecycle'; run: (input: In<C>, core: KluisCore) => Promise<Out<C>> | Out<C> }
  | { kind: 'transaction'; run: (input: In<C>, ctx: TransactionContext) => Out<C> }
  | { kind: 'async'; run: (input: In<C>, ctx: ActiveSession & { core: KluisCore }) => Promise<Out<C>> };

export type Handlers = { [C in ChannelName]: Handler<C> };

export const handlers: Handlers = {
  'app.state': { kind: 'lifecycle', run: (_input, core) => core.state() },
  'app.setDisplayLanguage': {
    kind: 'lifecycle',
    run: (input, core) => {
      try {
        writeDisplayLanguage(core.dataDir, input.language);
        return { saved: true };
      } catch {
        // A folder that cannot be written: dates keep the system's format, nothing else is lost.
        return { saved: false };
      }
    },
  },
  'setup.createInstall': { kind: 'lifecycle', run: (input, core) => core.createInstall(input) },
  'session.signIn': { kind: 'lifecycle', run: (input, core) => core.signIn(input.username, input.password) },
  'session.signOut': {
    kind: 'lifecycle',
    run: async (_input, core) => {
      await core.signOut();
      return { signedOut: true };
    },
  },
  'session.verifyCode': { kind: 'lifecycle', run: (input, core) => core.verifyCode(input.code) },
  'session.changeInitialPassword': { kind: 'lifecycle', run: (input, core) => core.changeInitialPassword(input.newPassword) },
  'mfa.beginEnrolment': { kind: 'lifecycle', run: (_input, core) => core.beginEnrolment() },
  'mfa.confirmEnrolment': { kind: 'lifecycle', run: (input, core) => core.confirmEnrolment(input.code) },
  'session.unlock': { kind: 'lifecycle', run: (input, core) => core.unlock(input.password, input.code) },
  'session.lock': {
    kind: 'lifecycle',
    run: async (_input, core) => {
      await core.lock('manual');
      return { locked: true };
    },
  },
  'session.touch': { kind: 'lifecycle', run: (_input, core) => ({ idleLockSeconds: core.touch() }) },
  'session.stepUp': { kind: 'lifecycle', run: (input, core) => core.stepUp(input.code) },
  'install.status': { kind: 'transaction', run: (_input, { core, db }) => core.installStatus(db) },
  'install.check': { kind: 'transaction', run: (_input, { db }) => checkIntegrity(db) },
  // Outside the dispatcher's transaction: SQLite copies the database in a read of its own.
  'install.backup': { kind: 'async', run: (input, { core }) => core.backup(input.to) },
  'account.changePassword': {
    kind: 'async',
    run: async (input, { core }) => {
      await core.changePassword(input.currentPassword, input.newPassword);
      return { changed: true };
    },
  },
  'account.regenerateRecoveryCodes': {
    kind: 'transaction',
    run: (_input, { db, user, open }) => {
      const recoveryCodes = issueRecoveryCodes(db, user.id);
      audit(open, { actor: user.id, action: 'mfa.recoveryCodes.regenerated', target: `user:${user.id}` });
      return { recoveryCodes };
    },
  },
  'account.recentSignIns': { kind: 'transaction', run: (_input, { db, user }) => recentSignIns(db, user.id) },
  'account.recoveryCodesLeft': { kind: 'transaction', run: (_input, { db, user }) => ({ unused: unusedRecoveryCodes(db, user.id) }) },
  'users.list': { kind: 'transaction', run: (_input, { db }) => listUsers(db).map(userSummary) },
  'users.create': { kind: 'async', run: (input, { core, open, user }) => createUser(open, user.id, input, core.kdf) },
  'users.disable': { kind: 'transaction', run: (input, { open, user }) => ({ user: disableUser(open, user.id, input.userId) }) },
  'users.enable': { kind: 'async', run: (input, { core, open, user }) => enableUser(open, user.id, input.userId, core.kdf) },
  'users.resetPassword': { kind: 'async', run: (input, { core, open, user }) => resetPassword(open, user.id, input.userId, core.kdf) },
  'users.resetMfa': { kind: 'transaction', run: (input, { open, user }) => ({ user: resetMfa(open, user.id, input.userId) }) },
  'policy.get': { kind: 'transaction', run: (_input, { db }) => readPolicy(db) },
  'policy.update': {
    kind: 'transaction',
    run: (input, { core, db, user, open }) => {
      const policy = writePolicy(db, input);
      audit(open, { actor: user.id, action: 'policy.updated', details: { ...input } });
      core.applyPolicy(policy);
      return policy;
    },
  },
  'audit.verify': {
    kind: 'transaction',
    run: (_input, { db, open }) => verifyAuditChain(db, open.auditKey, readVaultFile(open.dataDir).auditHead),
  },
  'audit.list': { kind: 'transaction', run: (input, { db }) => listAudit(db, input.limit ?? 100, input.before, input.target) },
  'records.list': { kind: 'transaction', run: (input, { db, access }) => listRecords(db, access, input) },
  'records.count': { kind: 'transaction', run: (input, { db, access }) => ({ count: countRecords(db, access, input) }) },
  'records.get': { kind: 'transaction', run: (input, { db, access }) => recordDetail(db, access, input.entity, input.id) },
  'records.create': {
    kind: 'transaction',
    run: (input, ctx) => runCommand(ctx, { verb: 'create', entity: input.entity, count: 1 }, {}, (w) => createRecord(w, input.entity, input.values)).value,
  },
  'records.update': {
    kind: 'transaction',
    run: (input, ctx) => runCommand(ctx, { verb: 'update', entity: input.entity, count: 1 }, {}, (w) => updateRecord(w, input.entity, input.id, input.values, input.expected)).value,
  },
  'records.deleteImpact': {
    kind: 'transaction',
    run: (input, ctx) => {
      // Moving to the trash is checked per record (the delete scope); the other modes are tasks.
      if (input.mode === 'purge' && !ctx.access.task('trash.purge')) throw new KluisError('FORBIDDEN', 'session.mayNotPurge');
      if (input.mode === 'erase' && !ctx.access.task('privacy.erase')) throw new KluisError('FORBIDDEN', 'session.mayNotErase');
      return reviewImpact(ctx, input.entity, input.ids, input.mode);
    },
  },
  'records.delete': { kind: 'transaction', run: (input, ctx) => moveToTrash(ctx, input.entity, input.ids, input.reviewedTotal) },
  'history.list': { kind: 'transaction', run: (input, { db, user, access }) => listCommands(db, user.id, input.limit ?? 50, access) },
  'history.undo': { kind: 'transaction', run: (_input, ctx) => undoLast(ctx) },
  'history.redo': { kind: 'transaction', run: (_input, ctx) => redoLast(ctx) },
  'trash.list': { kind: 'transaction', run: (input, ctx) => listTrash(ctx, input) },
  'trash.restore': { kind: 'transaction', run: (input, ctx) => restoreFromTrash(ctx, input.items) },
  'trash.purge': {
    kind: 'async',
    run: async (input, { db, user, open, access }) => {
      const result = db.transaction(() => purgeFromTrash({ db, user, open, access }, input.entity, input.ids, input.reviewedTotal)).immediate();
      // What is gone for good must leave the file too, not linger in old WAL frames.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return result;
    },
  },
  'privacy.erase': {
    kind: 'async',
    run: async (input, { db, user, open, access }) => {
      const result = db.transaction(() => eraseContact({ db, user, open, access }, input.id, input.reviewedTotal)).immediate();
      db.pragma('wal_checkpoint(TRUNCATE)');
      return result;
    },
  },
  'privacy.accessReport': {
    kind: 'transaction',
    run: (input, ctx) => {
      // The report goes past the officer's field rights; in "view as" the task would be borrowed
      // by an admin who does not hold it, and the audit entry would name the wrong person.
      if (ctx.core.viewingAs) throw new KluisError('FORBIDDEN', 'session.previewNoAccessReport');
      return accessReport(ctx, input.id);
    },
  },
  'privacy.mentions': { kind: 'transaction', run: (input, ctx) => mentionsBesideReport(ctx, input.id) },
  'privacy.retentionReview': { kind: 'transaction', run: (_input, { db, access }) => retentionReview(db, access) },
  'privacy.restrict': {
    kind: 'transaction',
    run: (input, ctx) =>
      runCommand(ctx, { verb: 'restrict', entity: 'contact', count: 1 }, { task: 'privacy.erase' }, (w) => restrictProcessing(w, input.id, input.ground)).value,
  },
  'privacy.liftRestriction': {
    kind: 'transaction',
    run: (input, ctx) => runCommand(ctx, { verb: 'liftRestriction', entity: 'contact', count: 1 }, { task: 'privacy.erase' }, (w) => liftRestriction(w, input.id)).value,
  },
  'privacy.recordObjection': {
    kind: 'transaction',
    run: (input, ctx) =>
      runCommand(ctx, { verb: 'recordObjection', entity: 'contact', count: 1 }, { task: 'privacy.dsar' }, (w) => recordMarketingObjection(w, input.id, input.day)).value,
  },
  'search.query': { kind: 'transaction', run: (input, { db, access }) => searchRecords(db, access, input.text, input.limit) },
  'fields.list': { kind: 'transaction', run: (_input, { db }) => listFieldInfo(db) },
  'fields.setEnabled': {
    kind: 'async',
    run: async (input, { core, db, user, open }) => {
      const result = db.transaction(() => setFieldEnabled({ db, user, open }, input, () => core.requireFreshCode())).immediate();
      // Purged values (in records and in the journal) must leave the file too, not linger in old WAL frames.
      if (!result.enabled) db.pragma('wal_checkpoint(TRUNCATE)');
      return result;
    },
  },
  'fields.addCustom': { kind: 'transaction', run: (input, ctx) => addCustomField(ctx, input) },
  'invoices.sendReminder': {
    kind: 'transaction',
    run: (input, ctx) =>
      runCommand(ctx, { verb: 'sendReminder', entity: 'invoice', count: 1 }, { task: 'finance.sendPaymentReminder' }, (w) => sendPaymentReminder(w, input.id)).value,
  },
  'invoices.nextNumber': { kind: 'transaction', run: (_input, { db }) => ({ number: nextInvoiceNumber(db) }) },
  'import.preview': { kind: 'transaction', run: (input, ctx) => previewImport(ctx, input) },
  'import.run': {
    kind: 'async',
    run: (input, { core, db, user, open, access }) =>
      runImport({ db, user, open, access }, input, (done, total) => {
        // A long import is activity: it must not be cut off by the idle lock half-way.
        core.touch();
        core.events.emit('import.progress', { jobId: input.jobId, done, total });
      }),
  },
  'import.cancel': { kind: 'lifecycle', run: (input) => ({ cancelled: cancelImport(input.jobId) }) },
  'records.export': {
    kind: 'async',
    run: (input, ctx) =>
      exportRecords(ctx, input, (done, total) => {
        // A long export is activity too (see import.run).
        ctx.core.touch();
        if (input.jobId !== undefined) ctx.core.events.emit('export.progress', { jobId: input.jobId, done, total });
      }),
  },
  'export.cancel': { kind: 'lifecycle', run: (input) => ({ cancelled: cancelExport(input.jobId) }) },
  'records.reveal': {
    kind: 'transaction',
    run: (input, ctx) => {
      // A few reveals are part of the work; more need a fresh code each few (see REVEALS_PER_CODE).
      ctx.core.requireRevealAllowance();
      const revealed = revealField(ctx, input.entity, input.id, input.field);
      ctx.core.countReveal();
      return revealed;
    },
  },
  'records.reassign': {
    kind: 'transaction',
    run: (input, ctx) =>
      runCommand(ctx, { verb: 'reassign', entity: input.entity, count: 1 }, { task: 'records.reassign' }, (w) => reassignRecord(w, input.entity, input.id, input.ownerId)).value,
  },
  'consents.recordWithdrawal': {
    kind: 'transaction',
    run: (input, ctx) => runCommand(ctx, { verb: 'withdrawConsent', entity: 'consent', count: 1 }, {}, (w) => recordConsentWithdrawal(w, input.id, input.day)).value,
  },
  'campaigns.publish': {
    kind: 'transaction',
    run: (input, ctx) => runCommand(ctx, { verb: 'publish', entity: 'campaign', count: 1 }, { task: 'marketing.publish' }, (w) => publishCampaign(w, input.id)).value,
  },
  'consents.purposes': { kind: 'transaction', run: (_input, ctx) => consentPurposes(ctx) },
  'campaigns.recipients': { kind: 'transaction', run: (input, ctx) => campaignRecipients(ctx, input.id) },
  // Its own transactions, as records.export: a read, then the audit entry written on its own.
  'campaigns.exportRecipients': { kind: 'async', run: (input, ctx) => Promise.resolve(exportCampaignRecipients(ctx, input.id, input.language)) },
  'roles.list': { kind: 'transaction', run: (_input, { db }) => listRoles(db) },
  'roles.save': {
    kind: 'transaction',
    run: (input, { db, user, open }) => {
      const { role, changed } = saveRole(db, user, input);
      if (changed) audit(open, { actor: user.id, action: 'roles.saved', target: `role:${role.id}` });
      return role;
    },
  },
  'teams.list': { kind: 'transaction', run: (_input, { db }) => listTeams(db) },
  'teams.create': { kind: 'transaction', run: (input, ctx) => createTeam(ctx, input.name) },
  'users.access': { kind: 'transaction', run: (input, { db }) => userAccess(db, input.userId) },
  'users.setAccess': { kind: 'transaction', run: (input, ctx) => setUserAccess(ctx, input) },
  'access.explain': { kind: 'transaction', run: (input, { db }) => explain(db, input.userId, input.right) },
  'access.viewAs': {
    kind: 'transaction',
    run: (input, { core, db, user, open }) => {
      if (!loadAccess(db, user).task('users.manage')) throw new KluisError('FORBIDDEN', { id: 'common.noRight', values: { right: TASK_NAMES['users.manage'] } });
      const target = input.userId === null ? null : findUserById(db, input.userId);
      if (input.userId !== null && (!target || target.status !== 'active')) throw new KluisError('NOT_FOUND', 'common.noSuchUser');
      audit(open, { actor: user.id, action: target ? 'access.viewAsStarted' : 'access.viewAsStopped', target: target ? `user:${target.id}` : null });
      core.setViewAs(target ? sessionUser(target) : null);
      return core.sessionInfo();
    },
  },
};
