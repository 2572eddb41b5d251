/** The shapes that cross the wall, shared by the core, the CLI and the renderer. */
import type { Reason } from './access/evaluate';
import type { FieldAccess, Module, Override, RecordAction, Scope, SecuredEntity, Task } from './access/model';
import type { Permission, Role } from './permissions';

export type KeyMode = 'keychain' | 'passphrase-only';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** A user's effective rights, for the renderer to hide what cannot be used. The core still checks. */
export interface RightsSummary {
  role: string;
  modules: Module[];
  tasks: Task[];
  records: Record<SecuredEntity, Record<RecordAction, Scope>>;
  /** Per field (`contact.email`). */
  fields: Record<string, FieldAccess>;
}

export interface SessionInfo {
  user: SessionUser;
  orgName: string;
  keyMode: KeyMode;
  /** The task rights of the signed-in user, so the interface can hide what they cannot use. */
  permissions: Permission[];
  /** All effective rights: modules, record scopes, field access, tasks. */
  rights: RightsSummary;
  /** During a read-only "view as" preview: whose rights are shown. */
  viewAs: SessionUser | null;
  /** Seconds of inactivity after which the core locks itself. */
  idleLockSeconds: number;
}

/** What a signed-in-but-not-yet-through user must do next. */
export type PendingStep = 'code' | 'changePassword' | 'enrol';

export type SignInProgress = { next: PendingStep } | { next: 'done'; session: SessionInfo };

/** Why the session locked: idle time, Ctrl+L, the computer's sleep or screen lock, or three wrong step-up codes. */
export type LockReason = 'idle' | 'manual' | 'system' | 'wrongCodes';

export type AppState =
  | { phase: 'setup' }
  | { phase: 'signedOut'; keyMode: KeyMode }
  | { phase: 'pending'; step: PendingStep; keyMode: KeyMode }
  | { phase: 'locked'; user: { username: string; displayName: string }; keyMode: KeyMode; unlockNeedsCode: boolean; reason: LockReason }
  | { phase: 'signedIn'; session: SessionInfo };

/** `install.check`: whether every page of the database reads and holds together, and how many there are. */
export interface IntegrityVerdict {
  ok: boolean;
  pages: number;
}

/** `install.backup`: where the backup went, and what its checks found (every page read, the audit chain whole). */
export interface BackupResult {
  folder: string;
  pages: number;
  bytes: number;
  auditEntries: number;
}

export interface InstallStatus {
  installId: string;
  cipher: string;
  keyMode: KeyMode;
  schemaVersion: number;
  userCount: number;
}

export interface TotpEnrolment {
  /** Base32, shown once as text for apps that cannot scan. */
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as an SVG QR code (markup, rendered as an image, never as HTML). */
  qrSvg: string;
}

export interface CreatedInstall {
  keyMode: KeyMode;
  installId: string;
  /** Only when the admin's TOTP was enrolled during setup (the CLI does; the app enrols at first sign-in). */
  otpauthUri?: string;
  recoveryCodes?: string[];
}

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  status: 'active' | 'disabled';
  mfaEnrolled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface SignInRecord {
  at: string;
  outcome: 'success' | 'failure';
  /** Signed in with a recovery code instead of the authenticator. */
  recoveryCode?: true;
}

export interface Policy {
  idleLockSeconds: number;
  unlockRequiresCode: boolean;
  /** Days a record stays in the trash before the retention job removes it for good. */
  trashRetentionDays: number;
  /** From this many records, a deletion asks to type the number (DESIGN §7). */
  bulkConfirmThreshold: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: number | null;
  /** The actor's display name as it is now (joined at read time, never stored in the log); null for the install's own jobs or a removed user. */
  actorName: string | null;
  action: string;
  target: string | null;
  details: Record<string, string | number | boolean | null>;
}

/**
 * Why the audit chain does not hold: a code and the entry numbers it names, so each reader words it
 * in its own language (the renderer's audit page; `auditBreakText` in English for the CLI).
 */
export type AuditBreak =
  | { code: 'missing'; entry: number }
  | { code: 'notFollowing'; entry: number; previous: number }
  | { code: 'altered'; entry: number }
  /** The log ends at entry `last`, but vault.json recorded `recorded` entries. */
  | { code: 'tailCut'; last: number; recorded: number }
  /** The entry at the head vault.json recorded is not the one it recorded. */
  | { code: 'headDiffers'; entry: number };

export type AuditBreakCode = AuditBreak['code'];

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: AuditBreak };

export interface Team {
  id: number;
  name: string;
  memberIds: number[];
}

/** A user's role, teams and personal overrides, as an admin sets them. */
export interface UserAccess {
  userId: number;
  role: string;
  teamIds: number[];
  overrides: Override[];
}

export interface Explanation {
  right: string;
  allowed: boolean;
  /** The scope, field access, or "allowed"/"denied". */
  value: string;
  reasons: Reason[];
}

/**
 * Whom a campaign may go to (electron/core/records/campaignRecipients.ts): counts only, never a
 * name; the names leave only in the file of a published campaign.
 */
export interface CampaignRecipients {
  channel: string;
  /** The consent the campaign relies on, as written on it; null while it names none. */
  purpose: string | null;
  /** False for a channel that addresses no one (social media): nothing else is counted. */
  addressed: boolean;
  /** People with a standing consent of the purpose whom the law and the channel leave in. */
  recipients: number;
  /** Each person once, under the first reason that applies, in this order. */
  leftOut: {
    /** Processing restricted (GDPR art. 18). */
    restricted: number;
    /** Objected to direct marketing (art. 21(3)). */
    objected: number;
    /** No e-mail address, or for post no organisation with an address the caller can read. */
    unreachable: number;
    /** Consented and withdrew (art. 7(3)); not among the others. */
    withdrawn: number;
  };
  /**
   * Where the campaign reaches no one: the purposes of the standing consents one can see, most
   * people first, to find the one it meant. Empty otherwise.
   */
  purposes: { purpose: string; people: number }[];
}
