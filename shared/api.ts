/**
 * The IPC contract: every channel, its input schema (unknown keys rejected), its output type, the
 * right it needs and its flags. The dispatcher, the preload whitelist, the CLI and the renderer all
 * read this one list (DESIGN §4).
 */
import { z } from 'zod';
import type { ChannelName, MenuCommand } from './channels';
import type { Result } from './errors';
import type { RecordAction, RightKey, RoleDefinition } from './access/model';
import { FIELD_ACCESS, MODULES, RECORD_ACTIONS, SCOPES, SECURED_ENTITIES, TASKS } from './access/model';
import type { Permission } from './permissions';
import {
  ORG_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_PATTERN,
  USERNAME_PROBLEM_TEXT,
  usernameProblem,
} from './policy';

export type * from './apiTypes';
import type {
  AppState,
  AuditEntry,
  AuditVerdict,
  CampaignRecipients,
  CreatedInstall,
  InstallStatus,
  BackupResult,
  IntegrityVerdict,
  Explanation,
  Policy,
  SessionInfo,
  Team,
  UserAccess,
  SignInProgress,
  SignInRecord,
  TotpEnrolment,
  UserSummary,
} from './apiTypes';
import type { FieldInfo, ImportPreview, ImportSummary, ListPage, Mentions, RecordDetail, RecordView, ReminderLetter, RetentionReview, SearchGroup } from './recordTypes';
import { COLUMN_NAME_MAX } from './recordTypes';
import { ENTITY_NAMES, LEGAL_BASES, RESTRICTION_GROUNDS, SENSITIVITIES } from './registry';
export type * from './recordTypes';
import type { AccessReport } from './accessReportTypes';
export type * from './accessReportTypes';
import { DELETE_MAX, TRASH_RESTORE_MAX, type CommandSummary, type DeleteImpact, type DeleteResult, type HistoryResult, type TrashPage } from './historyTypes';
export type * from './historyTypes';

const username = z
  .string()
  .trim()
  .normalize('NFC')
  .regex(USERNAME_PATTERN, USERNAME_PROBLEM_TEXT.format)
  .superRefine((name, ctx) => {
    const problem = usernameProblem(name);
    if (problem && problem !== 'format') ctx.addIssue({ code: 'custom', message: USERNAME_PROBLEM_TEXT[problem] });
  });
/**
 * A name shown in lists, the audit log and the admin tool's tables: one line, with no control
 * characters. A line break or a terminal's escape code in a name could forge a row in `user list`
 * or recolour the admin's terminal, and a bidirectional override could make one name read as another.
 */
const oneLine = (schema: z.ZodString) => schema.regex(/^[^\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]*$/u, 'Use one line of text, without control characters');
const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

const code = z.string().trim().min(6).max(32);
const userId = z.number().int().positive();
const empty = z.strictObject({});

/**
 * Who may call: `public` in any state; `pending` between password and second factor; `locked` on
 * the lock screen; `session` only when fully signed in (a locked session answers LOCKED).
 */
export type ChannelAuth = 'public' | 'pending' | 'locked' | 'session';

export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
  auth: ChannelAuth;
  /** The right the caller needs, or null when any signed-in user may call it. */
  permission: Permission | null;
  mutates: boolean;
  /**
   * Needs a TOTP code entered in the last five minutes, else STEP_UP_REQUIRED. `each`: what cannot
   * be undone (an erasure, a deletion for good) needs a code confirmed for it, not the sign-in's, and
   * each such action spends it, so the next asks again.
   */
  stepUp: boolean | 'each';
  /** For channels on `input.entity`: the record action whose scope must not be "none". */
  record?: RecordAction;
  /**
   * Only the admin CLI may call it: the channel names a path on this computer to write to, which is
   * the admin's to give at a command line, never a window's (a renderer is not trusted).
   */
  adminToolOnly?: true;
}

/** `channel<Output>()({ ... })`: the output type is named, the input type is inferred. */
function channel<O>() {
  return <I extends z.ZodType>(spec: Omit<ChannelSpec<I, O>, 'output'>): ChannelSpec<I, O> => ({
    ...spec,
    output: undefined as O,
  });
}

const open = { permission: null, mutates: false, stepUp: false } as const;
const entity = z.enum(ENTITY_NAMES);
const recordId = z.number().int().positive();
/** What narrows a list, and its count: equality filters (fields the core checks) and own records. */
const listFilter = {
  where: z.record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  mine: z.boolean().optional(),
};
/** A selection to delete: distinct ids, at most a thousand at once. */
const recordIds = z
  .array(recordId)
  .min(1)
  .max(DELETE_MAX)
  .refine((ids) => new Set(ids).size === ids.length, 'Each record once');
/** Records to bring back from the trash, of any kinds: each once, at most a thousand at once. */
const trashItems = z
  .array(z.strictObject({ entity, id: recordId }))
  .min(1)
  .max(TRASH_RESTORE_MAX)
  .refine((items) => new Set(items.map((item) => `${item.entity}:${item.id}`)).size === items.length, 'Each record once');
/** The `total` of the impact the user reviewed; the core refuses when the deletion has grown since. */
const reviewedTotal = z.number().int().min(0);
/**
 * One record value over the wall: bounded, but far above any field's own maximum (10,000 characters
 * for notes), so that a value too long for its field is refused by the core's field check, which
 * names the field and its limit in the reader's language, and not here with zod's words.
 */
const FIELD_VALUE_TRANSPORT_MAX = 1_000_000;
const fieldValues = z.record(z.string().max(64), z.union([z.string().max(FIELD_VALUE_TRANSPORT_MAX), z.number(), z.boolean(), z.null()]));
const localized = (max: number) => z.strictObject({ en: z.string().max(max), nl: z.string().max(max) });
/** A CSV file as base64 (at most 50 MB of text). */
const csvFile = z.string().max(70_000_000);
const mapping = z.record(z.string().max(COLUMN_NAME_MAX), z.string().max(64).nullable());

export const api = {
  'app.state': channel<AppState>()({ input: empty, auth: 'public', ...open }),
  /** The window's language, for the app's next start (electron/core/install/displayLanguage.ts). */
  'app.setDisplayLanguage': channel<{ saved: boolean }>()({ input: z.strictObject({ language: z.enum(['en', 'nl']) }), auth: 'public', ...open }),
  'setup.createInstall': channel<CreatedInstall>()({
    input: z.strictObject({
      orgName: oneLine(z.string().trim().min(1, 'Enter the organisation name').max(ORG_NAME_MAX_LENGTH)),
      adminUsername: username,
      password: newPassword,
      /** Policy: refuse passphrase-only mode when no OS keychain answers. */
      requireKeychain: z.boolean().optional(),
      /** Enrol the admin's TOTP now and return it (the CLI); the app enrols at first sign-in. */
      enrolTotp: z.boolean().optional(),
    }),
    auth: 'public',
    ...open,
    mutates: true,
  }),
  'session.signIn': channel<SignInProgress>()({
    input: z.strictObject({ username: z.string().max(256), password: z.string().max(PASSWORD_MAX_LENGTH) }),
    auth: 'public',
    ...open,
  }),
  'session.signOut': channel<{ signedOut: true }>()({ input: empty, auth: 'public', ...open }),
  'session.verifyCode': channel<SignInProgress>()({
    input: z.strictObject({ code }),
    auth: 'pending',
    ...open,
  }),
  'session.changeInitialPassword': channel<SignInProgress>()({
    input: z.strictObject({ newPassword }),
    auth: 'pending',
    ...open,
  }),
  'mfa.beginEnrolment': channel<TotpEnrolment>()({ input: empty, auth: 'pending', ...open }),
  'mfa.confirmEnrolment': channel<{ recoveryCodes: string[]; progress: SignInProgress }>()({
    input: z.strictObject({ code }),
    auth: 'pending',
    ...open,
  }),
  'session.unlock': channel<SessionInfo>()({
    input: z.strictObject({ password: z.string().max(PASSWORD_MAX_LENGTH), code: code.optional() }),
    auth: 'locked',
    ...open,
  }),
  'session.lock': channel<{ locked: true }>()({ input: empty, auth: 'session', ...open }),
  'session.touch': channel<{ idleLockSeconds: number }>()({ input: empty, auth: 'session', ...open }),
  'session.stepUp': channel<{ validUntil: string }>()({
    input: z.strictObject({ code }),
    auth: 'session',
    ...open,
  }),
  'install.status': channel<InstallStatus>()({ input: empty, auth: 'session', ...open, permission: 'install.read' }),
  'install.check': channel<IntegrityVerdict>()({ input: empty, auth: 'session', ...open, permission: 'install.read' }),
  'install.backup': channel<BackupResult>()({
    // The folder to write the backup to: new or empty.
    input: z.strictObject({ to: z.string().trim().min(1).max(4096) }),
    auth: 'session',
    ...open,
    permission: 'install.backup',
    adminToolOnly: true,
  }),
  'account.changePassword': channel<{ changed: true }>()({
    input: z.strictObject({ currentPassword: z.string().max(PASSWORD_MAX_LENGTH), newPassword }),
    auth: 'session',
    ...open,
    mutates: true,
  }),
  /**
   * New codes are a second factor of their own, and the old ones stop working: a code confirmed for
   * this, not the sign-in's, so a window taken over right after sign-in cannot quietly make its own.
   */
  'account.regenerateRecoveryCodes': channel<{ recoveryCodes: string[] }>()({
    input: empty,
    auth: 'session',
    ...open,
    mutates: true,
    stepUp: 'each',
  }),
  'account.recentSignIns': channel<SignInRecord[]>()({ input: empty, auth: 'session', ...open }),
  /** How many of one's own recovery codes are left unused (the codes themselves exist only as hashes). */
  'account.recoveryCodesLeft': channel<{ unused: number }>()({ input: empty, auth: 'session', ...open }),
  'users.list': channel<UserSummary[]>()({ input: empty, auth: 'session', ...open, permission: 'users.manage' }),
  'users.create': channel<{ user: UserSummary; oneTimePassword: string }>()({
    input: z.strictObject({
      username,
      displayName: oneLine(z.string().trim().min(1, 'Enter a name').max(200)),
      email: z.email('Enter a valid e-mail address').max(320).optional(),
      role: z.string().regex(/^[a-z0-9-]{2,60}$/, 'Choose a role'),
    }),
    auth: 'session',
    permission: 'users.manage',
    mutates: true,
    stepUp: true,
  }),
  'users.disable': channel<{ user: UserSummary }>()({
    input: z.strictObject({ userId }),
    auth: 'session',
    permission: 'users.manage',
    mutates: true,
    stepUp: true,
  }),
  'users.enable': channel<{ user: UserSummary; oneTimePassword: string }>()({
    input: z.strictObject({ userId }),
    auth: 'session',
    permission: 'users.manage',
    mutates: true,
    stepUp: true,
  }),
  'users.resetPassword': channel<{ user: UserSummary; oneTimePassword: string }>()({
    input: z.strictObject({ userId }),
    auth: 'session',
    permission: 'users.manage',
    mutates: true,
    stepUp: true,
  }),
  'users.resetMfa': channel<{ user: UserSummary }>()({
    input: z.strictObject({ userId }),
    auth: 'session',
    permission: 'users.manage',
    mutates: true,
    stepUp: true,
  }),
  'policy.get': channel<Policy>()({ input: empty, auth: 'session', ...open }),
  'policy.update': channel<Policy>()({
    input: z.strictObject({
      idleLockSeconds: z.number().int().min(5).max(24 * 60 * 60).optional(),
      unlockRequiresCode: z.boolean().optional(),
      trashRetentionDays: z.number().int().min(1).max(3_650).optional(),
      bulkConfirmThreshold: z.number().int().min(2).max(1_000).optional(),
    }),
    auth: 'session',
    permission: 'policy.manage',
    mutates: true,
    stepUp: true,
  }),
  'audit.verify': channel<AuditVerdict>()({ input: empty, auth: 'session', ...open, permission: 'audit.read' }),
  'audit.list': channel<AuditEntry[]>()({
    input: z.strictObject({
      limit: z.number().int().min(1).max(500).optional(),
      /** Only entries older than this one (its seq): the next page down. */
      before: z.number().int().min(1).optional(),
      /** Only entries about this record ("contact:12"): a person's trail, from their page. */
      target: z
        .string()
        .regex(/^[a-z]+:[1-9]\d{0,15}$/)
        .optional(),
    }),
    auth: 'session',
    ...open,
    permission: 'audit.read',
  }),
  'records.list': channel<ListPage>()({
    input: z.strictObject({
      entity,
      sort: z.enum(['name', 'due']).optional(),
      ...listFilter,
      after: z.string().max(2_000).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    auth: 'session',
    ...open,
    record: 'read',
  }),
  /** A list's total: with a filter as the list has it, and overdue ones by `dueBefore` (today). */
  'records.count': channel<{ count: number }>()({
    input: z.strictObject({
      entity,
      ...listFilter,
      dueBefore: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    }),
    auth: 'session',
    ...open,
    record: 'read',
  }),
  'records.get': channel<RecordDetail>()({ input: z.strictObject({ entity, id: recordId }), auth: 'session', ...open, record: 'read' }),
  'records.create': channel<RecordView>()({
    input: z.strictObject({ entity, values: fieldValues }),
    auth: 'session',
    ...open,
    record: 'create',
    mutates: true,
  }),
  /** `expected`: the values the form was opened with, so a change made since is not overwritten unseen. */
  'records.update': channel<RecordView>()({
    input: z.strictObject({ entity, id: recordId, values: fieldValues, expected: fieldValues.optional() }),
    auth: 'session',
    ...open,
    record: 'update',
    mutates: true,
  }),
  /** What a deletion would take with it, and how carefully it must be confirmed (DESIGN §7). */
  'records.deleteImpact': channel<DeleteImpact>()({
    input: z.strictObject({ entity, ids: recordIds, mode: z.enum(['trash', 'purge', 'erase']) }),
    auth: 'session',
    ...open,
    record: 'read',
  }),
  'records.delete': channel<DeleteResult>()({
    input: z.strictObject({ entity, ids: recordIds, reviewedTotal: reviewedTotal.optional() }),
    auth: 'session',
    ...open,
    record: 'delete',
    mutates: true,
  }),
  'history.list': channel<CommandSummary[]>()({
    input: z.strictObject({ limit: z.number().int().min(1).max(200).optional() }),
    auth: 'session',
    ...open,
  }),
  'history.undo': channel<HistoryResult>()({ input: empty, auth: 'session', ...open, mutates: true }),
  'history.redo': channel<HistoryResult>()({ input: empty, auth: 'session', ...open, mutates: true }),
  'trash.list': channel<TrashPage>()({
    input: z.strictObject({ after: z.string().max(200).optional(), limit: z.number().int().min(1).max(200).optional() }),
    auth: 'session',
    ...open,
  }),
  'trash.restore': channel<HistoryResult>()({
    // Several records, of one kind or more, come back as one command (one undo).
    input: z.strictObject({ items: trashItems }),
    auth: 'session',
    ...open,
    record: 'restore',
    mutates: true,
  }),
  'trash.purge': channel<DeleteResult>()({
    input: z.strictObject({ entity, ids: recordIds, reviewedTotal }),
    auth: 'session',
    ...open,
    permission: 'trash.purge',
    mutates: true,
    // As final as an erasure: a fresh second factor, so a window left unlocked cannot do it.
    stepUp: 'each',
  }),
  /** GDPR art. 17: the one deletion undo cannot reverse. Needs a fresh second factor. */
  'privacy.erase': channel<DeleteResult>()({
    input: z.strictObject({ entity: z.literal('contact'), id: recordId, reviewedTotal }),
    auth: 'session',
    ...open,
    permission: 'privacy.erase',
    mutates: true,
    stepUp: 'each',
  }),
  /**
   * GDPR art. 15 and 20: everything held about a person, unmasked, with purpose, legal basis and
   * retention per value (electron/core/records/accessReport.ts). Needs a fresh second factor.
   */
  'privacy.accessReport': channel<AccessReport>()({
    input: z.strictObject({ entity: z.literal('contact'), id: recordId }),
    auth: 'session',
    ...open,
    permission: 'privacy.dsar',
    record: 'read',
    stepUp: true,
  }),
  /**
   * Beside an access request: the records that name the person in their text without linking to
   * them, so the report leaves them out (electron/core/records/mentions.ts). Titles only, and only
   * what the caller may read, as a search for the name would find.
   */
  'privacy.mentions': channel<Mentions>()({
    input: z.strictObject({ entity: z.literal('contact'), id: recordId }),
    auth: 'session',
    ...open,
    permission: 'privacy.dsar',
    record: 'read',
  }),
  /**
   * The people silent for longer than their data is kept (storage limitation), for the privacy
   * officer to erase: electron/core/records/retention.ts.
   */
  'privacy.retentionReview': channel<RetentionReview>()({
    input: empty,
    auth: 'session',
    ...open,
    permission: 'privacy.erase',
  }),
  /**
   * GDPR art. 18: the person's data is kept as it is and no longer used (changed, deleted, erased
   * or exported) until the restriction is lifted: electron/core/records/restriction.ts. Undoable.
   */
  'privacy.restrict': channel<RecordView>()({
    input: z.strictObject({ entity: z.literal('contact'), id: recordId, ground: z.enum(RESTRICTION_GROUNDS) }),
    auth: 'session',
    ...open,
    permission: 'privacy.erase',
    record: 'read',
    mutates: true,
  }),
  /** The day a person objected to direct marketing, today when left out: the officer's record of it (records/marketingObjection.ts). */
  'privacy.recordObjection': channel<RecordView>()({
    input: z.strictObject({ entity: z.literal('contact'), id: recordId, day: z.string().max(10).optional() }),
    auth: 'session',
    ...open,
    permission: 'privacy.dsar',
    record: 'read',
    mutates: true,
  }),
  'privacy.liftRestriction': channel<RecordView>()({
    input: z.strictObject({ entity: z.literal('contact'), id: recordId }),
    auth: 'session',
    ...open,
    permission: 'privacy.erase',
    record: 'read',
    mutates: true,
  }),
  'search.query': channel<SearchGroup[]>()({
    input: z.strictObject({ text: z.string().max(200), limit: z.number().int().min(1).max(100).optional() }),
    auth: 'session',
    ...open,
  }),
  'fields.list': channel<FieldInfo[]>()({ input: empty, auth: 'session', ...open }),
  'fields.setEnabled': channel<{ enabled: boolean; purged: number }>()({
    input: z.strictObject({
      entity,
      field: z.string().max(64),
      enabled: z.boolean(),
      /** Switching off: the number of values the user was told would be deleted. */
      confirmValueCount: z.number().int().min(0).optional(),
    }),
    auth: 'session',
    ...open,
    permission: 'fields.manage',
    mutates: true,
    // Switching off a field that holds values deletes them for good: that call needs a fresh code,
    // asked by the core after the count is confirmed (fieldAdmin.ts), so the warning comes first.
  }),
  'fields.addCustom': channel<FieldInfo>()({
    input: z.strictObject({
      entity,
      label: localized(100),
      type: z.enum(['text', 'longText', 'email', 'phone', 'url', 'date', 'integer', 'boolean']),
      purpose: localized(500),
      // Checked by the core with a message of its own, so a missing basis is explained, not just refused.
      legalBasis: z.union([z.enum(LEGAL_BASES), z.literal('')]).optional(),
      sensitivity: z.enum(SENSITIVITIES),
      retention: localized(200),
      /** Search finds records by its values: text, e-mail and phone fields that are not special-category. */
      searchable: z.boolean().optional(),
    }),
    auth: 'session',
    ...open,
    permission: 'fields.manage',
    mutates: true,
  }),
  'invoices.sendReminder': channel<ReminderLetter>()({
    input: z.strictObject({ id: recordId }),
    auth: 'session',
    ...open,
    permission: 'finance.sendPaymentReminder',
    mutates: true,
  }),
  /** The number a new invoice is offered, the install's series continued; null when none follows (records/invoiceNumbers.ts). */
  'invoices.nextNumber': channel<{ number: string | null }>()({
    input: z.strictObject({ entity: z.literal('invoice') }),
    auth: 'session',
    ...open,
    record: 'create',
  }),
  'import.preview': channel<ImportPreview>()({
    input: z.strictObject({ entity: z.enum(['contact', 'organisation']), file: csvFile, mapping: mapping.optional() }),
    auth: 'session',
    ...open,
    permission: 'data.import',
    // An import makes records: the task alone is not a right to create them.
    record: 'create',
  }),
  'import.run': channel<ImportSummary>()({
    input: z.strictObject({
      entity: z.enum(['contact', 'organisation']),
      file: csvFile,
      mapping,
      duplicates: z.enum(['skip', 'merge']),
      jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    }),
    auth: 'session',
    ...open,
    permission: 'data.import',
    record: 'create',
    mutates: true,
  }),
  'import.cancel': channel<{ cancelled: boolean }>()({
    input: z.strictObject({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
    auth: 'session',
    ...open,
    permission: 'data.import',
  }),
  'records.export': channel<{ fileName: string; csv: string; count: number; restricted: number; cancelled: boolean }>()({
    input: z.strictObject({
      entity,
      // The language of the file's headers and labels, and so of its separators (the CLI: English).
      language: z.enum(['en', 'nl']).default('en'),
      /** For export.cancel and the export.progress events. */
      jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
      // The list's filter, when it has one: what is exported is what the list shows.
      ...listFilter,
    }),
    auth: 'session',
    ...open,
    permission: 'data.export',
    record: 'export',
    stepUp: true,
  }),
  'export.cancel': channel<{ cancelled: boolean }>()({
    input: z.strictObject({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
    auth: 'session',
    ...open,
    permission: 'data.export',
  }),
  'records.reveal': channel<{ value: string | number | null }>()({
    input: z.strictObject({ entity, id: recordId, field: z.string().max(64) }),
    auth: 'session',
    ...open,
    record: 'read',
  }),
  'records.reassign': channel<{ ownerId: number }>()({
    input: z.strictObject({ entity, id: recordId, ownerId: userId }),
    auth: 'session',
    ...open,
    permission: 'records.reassign',
    record: 'update',
    mutates: true,
  }),
  'consents.recordWithdrawal': channel<RecordView>()({
    // The day of withdrawal, YYYY-MM-DD; today when left out. The core checks it (not after today,
    // not before the consent was given) and says why by field.
    input: z.strictObject({ entity: z.literal('consent'), id: recordId, day: z.string().max(10).optional() }),
    auth: 'session',
    ...open,
    // Read: who may update the consent, or give consents, records it (mayRecordWithdrawal in the core).
    record: 'read',
    mutates: true,
  }),
  'campaigns.publish': channel<{ publishedAt: string }>()({
    input: z.strictObject({ id: recordId }),
    auth: 'session',
    ...open,
    permission: 'marketing.publish',
    mutates: true,
  }),
  /** The purposes of the standing consents the caller can see, most people first: what a campaign may name. */
  'consents.purposes': channel<CampaignRecipients['purposes']>()({
    input: z.strictObject({ entity: z.literal('consent') }),
    auth: 'session',
    ...open,
    record: 'read',
  }),
  'campaigns.recipients': channel<CampaignRecipients>()({
    input: z.strictObject({ entity: z.literal('campaign'), id: recordId }),
    auth: 'session',
    ...open,
    record: 'read',
  }),
  /** The people a published campaign goes to, as CSV: sending is publishing, so Marketing's task. */
  'campaigns.exportRecipients': channel<{ fileName: string; csv: string; count: number }>()({
    input: z.strictObject({ entity: z.literal('campaign'), id: recordId, language: z.enum(['en', 'nl']).default('en') }),
    auth: 'session',
    ...open,
    permission: 'marketing.publish',
    record: 'read',
    stepUp: true,
  }),
  'roles.list': channel<RoleDefinition[]>()({ input: empty, auth: 'session', ...open }),
  'roles.save': channel<RoleDefinition>()({
    input: z.strictObject({
      id: z.string().max(64).optional(),
      name: localized(100),
      rights: z.strictObject({
        modules: z.array(z.enum(MODULES)),
        records: z.record(z.enum(SECURED_ENTITIES), z.record(z.enum(RECORD_ACTIONS), z.enum(SCOPES))),
        fields: z.record(z.string().max(80), z.enum(FIELD_ACCESS)),
        fieldDefaults: z.strictObject({ normal: z.enum(FIELD_ACCESS), personal: z.enum(FIELD_ACCESS), special: z.enum(FIELD_ACCESS) }),
        tasks: z.array(z.enum(TASKS)),
      }),
    }),
    auth: 'session',
    permission: 'roles.manage',
    mutates: true,
    stepUp: true,
  }),
  'teams.list': channel<Team[]>()({ input: empty, auth: 'session', ...open, permission: 'users.manage' }),
  'teams.create': channel<Team>()({
    input: z.strictObject({ name: oneLine(z.string().trim().min(1).max(100)) }),
    auth: 'session',
    ...open,
    permission: 'users.manage',
    mutates: true,
  }),
  'users.access': channel<UserAccess>()({ input: z.strictObject({ userId }), auth: 'session', ...open, permission: 'users.manage' }),
  'users.setAccess': channel<UserAccess>()({
    input: z.strictObject({
      userId,
      role: z.string().max(64),
      teamIds: z.array(z.number().int().positive()).max(100),
      overrides: z
        .array(
          z.strictObject({
            // Checked against the list of rights by the core, with a message naming the bad one.
            right: z.string().max(120) as unknown as z.ZodType<RightKey>,
            effect: z.enum(['grant', 'deny']),
            scope: z.enum(SCOPES).optional(),
            access: z.enum(FIELD_ACCESS).optional(),
          }),
        )
        .max(200),
    }),
    auth: 'session',
    permission: 'users.manage',
    mutates: true,
    stepUp: true,
  }),
  'access.explain': channel<Explanation>()({
    input: z.strictObject({ userId, right: z.string().max(120) }),
    auth: 'session',
    ...open,
    permission: 'users.manage',
  }),
  'access.viewAs': channel<SessionInfo>()({
    input: z.strictObject({ userId: userId.nullable() }),
    auth: 'session',
    // Checked by the handler against the signed-in user, not the previewed one (who could not stop it).
    ...open,
  }),
} satisfies Record<ChannelName, ChannelSpec<z.ZodType, unknown>>;

export type Api = typeof api;
export type ChannelInput<C extends ChannelName> = z.input<Api[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Api[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Api[C]['output'];

/** Payloads of the events the main process pushes. */
export interface EventPayloads {
  /**
   * accountDisabled, passwordReset: signed out because an administrator disabled the account or
   * reset its password (the window says so).
   */
  'session.changed': { reason: 'signedIn' | 'signedOut' | 'locked' | 'unlocked' | 'pending' | 'accountDisabled' | 'passwordReset' | 'mfaReset' | 'rightsChanged' };
  'import.progress': { jobId: string; done: number; total: number };
  'export.progress': { jobId: string; done: number; total: number };
  'menu.command': { command: MenuCommand };
}

/** What `window.kluis` offers the renderer; the preload and the preview bridge both implement it. */
export interface KluisBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends keyof EventPayloads>(event: E, callback: (payload: EventPayloads[E]) => void): () => void;
}
