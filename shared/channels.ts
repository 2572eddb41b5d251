/**
 * The names of every IPC channel and event, without their schemas, so the sandboxed preload can
 * whitelist them without bundling zod. `api.ts` is checked against this list at compile time.
 */
export const CHANNEL_NAMES = [
  'app.state',
  'app.setDisplayLanguage',
  'setup.createInstall',
  'session.signIn',
  'session.signOut',
  'session.verifyCode',
  'session.changeInitialPassword',
  'mfa.beginEnrolment',
  'mfa.confirmEnrolment',
  'session.unlock',
  'session.lock',
  'session.touch',
  'session.stepUp',
  'install.status',
  'install.check',
  'install.backup',
  'account.changePassword',
  'account.regenerateRecoveryCodes',
  'account.recentSignIns',
  'account.recoveryCodesLeft',
  'users.list',
  'users.create',
  'users.disable',
  'users.enable',
  'users.resetPassword',
  'users.resetMfa',
  'policy.get',
  'policy.update',
  'audit.verify',
  'audit.list',
  'records.list',
  'records.count',
  'records.get',
  'records.create',
  'records.update',
  'records.deleteImpact',
  'records.delete',
  'history.list',
  'history.undo',
  'history.redo',
  'trash.list',
  'trash.restore',
  'trash.purge',
  'privacy.erase',
  'privacy.accessReport',
  'privacy.mentions',
  'privacy.retentionReview',
  'privacy.restrict',
  'privacy.liftRestriction',
  'privacy.recordObjection',
  'search.query',
  'fields.list',
  'fields.setEnabled',
  'fields.addCustom',
  'invoices.sendReminder',
  'invoices.nextNumber',
  'import.preview',
  'import.run',
  'import.cancel',
  'export.cancel',
  'records.export',
  'records.reveal',
  'records.reassign',
  'consents.recordWithdrawal',
  'campaigns.publish',
  'consents.purposes',
  'campaigns.recipients',
  'campaigns.exportRecipients',
  'roles.list',
  'roles.save',
  'teams.list',
  'teams.create',
  'users.access',
  'users.setAccess',
  'access.explain',
  'access.viewAs',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * The channels that write a step into the caller's journal (electron/core/history/journal.ts): each
 * such step ends what could be redone, and is what Ctrl+Z reaches next. The window drops a toast
 * offering Undo or Redo of an earlier step once one of these succeeds, rather than offer what would
 * then be refused as stale.
 */
export const JOURNALED_CHANNELS: readonly ChannelName[] = [
  'records.create',
  'records.update',
  'records.delete',
  'records.reassign',
  'trash.restore',
  'trash.purge',
  'privacy.erase',
  'privacy.restrict',
  'privacy.liftRestriction',
  'privacy.recordObjection',
  'invoices.sendReminder',
  'consents.recordWithdrawal',
  'campaigns.publish',
  'import.run',
  'fields.setEnabled',
];

/** Events the main process pushes to the renderer. */
export const EVENT_NAMES = ['session.changed', 'import.progress', 'export.progress', 'menu.command'] as const;

/** What the application menu asks the renderer to do; it decides, since it knows where focus is. */
export const MENU_COMMANDS = ['undo', 'redo', 'history'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type EventName = (typeof EVENT_NAMES)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** The two Electron IPC names behind `window.kluis`: one for calls, one for pushed events. */
export const IPC_INVOKE = 'kluis:invoke';
export const IPC_EVENT = 'kluis:event';
