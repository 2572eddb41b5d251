/**
 * The core of one install: its data folder, the open database while someone is signed in, and
 * that person's session — signed out, half-way through sign-in, signed in, or locked. Plain Node:
 * used by Electron's main process, the CLI and the preview bridge alike.
 */
import { emptyExpiredTrash } from './history/destroy';
import { takeBackInterruptedImports } from './records/import/run';
import { startSearchCleanup } from './records/searchCleanup';
import type {
  AppState,
  BackupResult,
  CreatedInstall,
  InstallStatus,
  KeyMode,
  LockReason,
  PendingStep,
  Policy,
  SessionInfo,
  SessionUser,
  SignInProgress,
  TotpEnrolment,
} from '../../shared/apiTypes';
import type { Permission, Role } from '../../shared/permissions';
import { loadAccess, previewAccess, summarize, type Access } from './access/access';
import { deriveAuditKey } from './audit/chain';
import { assertStrongPassword } from './auth/passwordStrength';
import { issueRecoveryCodes, looksLikeRecoveryCode } from './auth/recoveryCodes';
import { useSecondFactor } from './auth/secondFactor';
import { SignInThrottle, type ThrottleSubjects } from './auth/throttle';
import { newTotpSecret, qrSvg, totpUri, verifyTotp } from './auth/totp';
import { readDeviceSecret, unlockWithPassword, wrongCredentials } from './auth/unlock';
import { countUsers, findActiveUserBySlot, findUserById, listUsers, sessionUser, updateUser, type UserRecord } from './auth/users';
import { migrate, schemaVersion } from './db/migrate';
import { prepared } from './db/statements';
import { openDatabase, type Db, type OpenOptions } from './db/open';
import { fieldErrorDetails, KluisError } from './errors';
import { CoreEvents } from './events';
import { describeError, stderrLogger, type Logger } from './log';
import { backupInstall } from './install/backup';
import { createInstall, refuseInstallFolder } from './install/createInstall';
import { getMeta } from './install/meta';
import { dataPaths, holdsInstall, isFileNotFolder } from './install/paths';
import { readPolicy } from './install/policy';
import { audit, auditLeaving, closeInstall, mirrorAuditHead, settleBeforeClose, updateVault, type OpenInstall } from './session/openInstall';
import type { KdfCost } from './vault/kdf';
import { osKeychain, type Keychain } from './vault/keychain';
import { SecretStore } from './vault/secretStore';
import { openSlot, rewrapSlot } from './vault/slots';
import { readVaultFile, type VaultFile } from './vault/vaultFile';

/** A code entered this recently counts for sensitive actions (DESIGN §1, step-up). */
export const STEP_UP_WINDOW_MS = 5 * 60 * 1000;
/**
 * Wrong codes in a row at a step-up before Kluis locks itself. A step-up guards export, user and
 * role changes and erasure; someone at an unattended, unlocked window could otherwise guess codes
 * for as long as they liked. Locked, the password is needed again (and the sign-in throttle counts).
 */
export const STEP_UP_FAILURES_BEFORE_LOCK = 3;
/**
 * Masked values one may reveal per code entered (at sign-in or a step-up). Revealing one phone
 * number to call someone is the work; revealing hundreds in a loop, from a window left unlocked or
 * a renderer gone bad, is a copy of what the mask protects. Past this, the next reveal asks for a
 * fresh code (STEP_UP_REQUIRED), and the count starts again.
 */
export const REVEALS_PER_CODE = 10;

/** How long a sign-in may wait between the password and the last step before it is dropped. */
export const PENDING_SIGN_IN_MS = 10 * 60 * 1000;

/** A new password that is the one it replaces, said under the new-password field. */
function samePasswordAgain(): KluisError {
  return new KluisError('VALIDATION', 'session.newPasswordSame', fieldErrorDetails({ newPassword: { id: 'session.newPasswordSame' } }));
}

export interface KluisOptions {
  dataDir: string;
  nativeBinding?: string | undefined;
  keychain?: Keychain;
  /** Lower Argon2id cost for new slots; tests of unrelated behaviour use it to stay fast. */
  kdfCost?: KdfCost;
  /** Where session keys are held; tests pass their own to check they are zeroed. */
  secrets?: SecretStore;
  now?: () => number;
  /** Local diagnostics (stderr unless given): ids and codes only, never values or secrets. */
  logger?: Logger;
  /**
   * The benchmark's plain twin (`npm run bench`): the same database without a key, to measure what
   * encryption costs. The app, the CLI and the preview never set it.
   */
  unencryptedForBenchmark?: boolean;
  /**
   * How often an idle session reads the security policy again (POLICY_RECHECK_MS unless given), so
   * a shorter idle lock set in another instance reaches a window nobody touches. Tests shorten it.
   */
  policyRecheckMs?: number;
}

/** See KluisOptions.policyRecheckMs: a one-row read once a minute while someone is signed in. */
const POLICY_RECHECK_MS = 60_000;

type Stage =
  | { kind: 'signedOut' }
  /** Between the password and the second factor. `open` is null when the password was wrong. */
  | { kind: 'pending'; step: PendingStep; open: OpenInstall | null; userId: number | null; subjects: ThrottleSubjects }
  | {
      kind: 'active';
      open: OpenInstall;
      user: SessionUser;
      policy: Policy;
      lastCodeAt: number;
      /** When a code was last confirmed for a step (session.stepUp), not at sign-in; 0 once spent. */
      stepUpCodeAt: number;
      lastActivity: number;
      viewAs: SessionUser | null;
      /** The rights the window was last told of (noticeRightsChange), to tell it when they change. */
      rightsSeen: string | null;
    } & CodeCounts
  | { kind: 'locked'; user: SessionUser; keyMode: KeyMode; unlockNeedsCode: boolean; reason: LockReason; counts: CodeCounts };

/**
 * What a session counts from the last code entered. A lock keeps them, and an unlock with the
 * password alone goes on from them: else locking and unlocking would buy ten more reveals, or three
 * more guesses of the code, each time.
 */
interface CodeCounts {
  /** Wrong step-up codes since the last right one (see STEP_UP_FAILURES_BEFORE_LOCK). */
  stepUpFailures: number;
  /** Masked values revealed since the last code entered (see REVEALS_PER_CODE). */
  revealsSinceCode: number;
}

const NOTHING_COUNTED: CodeCounts = { stepUpFailures: 0, revealsSinceCode: 0 };

export interface ActiveSession {
  db: Db;
  user: SessionUser;
  open: OpenInstall;
  /** The rights in force for this call (the previewed user's during "view as"). */
  access: Access;
}

export class KluisCore {
  readonly events = new CoreEvents();
  readonly dataDir: string;
  private readonly keychain: Keychain;
  private readonly openOptions: OpenOptions;
  private readonly kdfCost: KdfCost | undefined;
  private readonly secrets: SecretStore;
  private readonly now: () => number;
  private readonly logger: Logger;
  private readonly policyRecheckMs: number;
  private stage: Stage = { kind: 'signedOut' };
  private idleTimer: NodeJS.Timeout | null = null;
  /** Lifecycle steps (setup, sign-in, lock, unlock, sign-out) run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: KluisOptions) {
    this.dataDir = options.dataDir;
    this.keychain = options.keychain ?? osKeychain();
    this.openOptions = { nativeBinding: options.nativeBinding, plain: options.unencryptedForBenchmark === true };
    this.kdfCost = options.kdfCost;
    this.secrets = options.secrets ?? new SecretStore();
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? stderrLogger;
    this.policyRecheckMs = options.policyRecheckMs ?? POLICY_RECHECK_MS;
  }

  serial<T>(step: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- state ---------------------------------------------------------------------------------

  state(): AppState {
    const stage = this.stage;
    switch (stage.kind) {
      case 'active':
        return { phase: 'signedIn', session: this.sessionInfo() };
      case 'pending':
        return { phase: 'pending', step: stage.step, keyMode: this.keyMode() };
      case 'locked':
        return {
          phase: 'locked',
          user: { username: stage.user.username, displayName: stage.user.displayName },
          keyMode: stage.keyMode,
          unlockNeedsCode: stage.unlockNeedsCode,
          reason: stage.reason,
        };
      case 'signedOut':
        return holdsInstall(this.dataDir) ? { phase: 'signedOut', keyMode: this.keyMode() } : { phase: 'setup' };
    }
  }

  private keyMode(): KeyMode {
    return readVaultFile(this.dataDir).keyMode;
  }

  get stageKind(): Stage['kind'] {
    return this.stage.kind;
  }

  /** The open database and user of a fully signed-in session; LOCKED or UNAUTHENTICATED otherwise. */
  requireActive(): ActiveSession {
    const stage = this.stage;
    if (stage.kind === 'active') {
      const user = this.currentUser(stage);
      const access = this.access();
      this.noticeRightsChange(stage, access);
      return { db: stage.open.db, user, open: stage.open, access };
    }
    if (stage.kind === 'locked') throw new KluisError('LOCKED', 'session.locked');
    throw new KluisError('UNAUTHENTICATED', 'common.signInFirst');
  }

  /**
   * The signed-in user as the database holds them now. An administrator may have disabled the
   * account or changed its role since sign-in — in this window, with the CLI, or from another
   * instance on the same file — and that counts from the next call: a disabled account's session
   * ends there (audited), a new role is the one in force. Runs before the call's transaction.
   */
  private currentUser(stage: Extract<Stage, { kind: 'active' }>): SessionUser {
    const now = prepared(stage.open.db, 'SELECT status, role, must_change_password AS mustChange, totp_secret IS NULL AS noFactor FROM users WHERE id = ?').get(stage.user.id) as
      | { status: string; role: Role; mustChange: 0 | 1; noFactor: 0 | 1 }
      | undefined;
    if (now?.status !== 'active') this.endSessionBecause(stage.open, stage.user.id, 'accountDisabled');
    // A session is active only once its user chose their own password: one that must change it now
    // was reset by an administrator meanwhile (someone else may know the password), so it ends.
    if (now.mustChange === 1) this.endSessionBecause(stage.open, stage.user.id, 'passwordReset');
    // Nor without the second factor it signed in with: one reset meanwhile (a lost phone) ends it too,
    // so a window left open on a stolen laptop does not outlive the reset.
    if (now.noFactor === 1) this.endSessionBecause(stage.open, stage.user.id, 'mfaReset');
    if (now.role !== stage.user.role) stage.user = { ...stage.user, role: now.role };
    // The security policy too: an admin may have changed it in another instance on the file.
    const policy = readPolicy(stage.open.db);
    if ((Object.keys(policy) as (keyof Policy)[]).some((key) => policy[key] !== stage.policy[key])) this.applyPolicy(policy);
    return stage.user;
  }

  /**
   * Ends the session for what an administrator did to the account meanwhile (audited in `open`, the
   * session's database or the one an unlock just opened), and says so.
   */
  private endSessionBecause(open: OpenInstall, userId: number, reason: 'accountDisabled' | 'passwordReset' | 'mfaReset'): never {
    open.db.transaction(() => audit(open, { actor: userId, action: 'session.ended', details: { reason } }))();
    mirrorAuditHead(open);
    closeInstall(open);
    this.endSession();
    this.events.emit('session.changed', { reason });
    throw new KluisError('UNAUTHENTICATED', `session.${reason}`);
  }

  /**
   * An administrator may change a signed-in user's role, the role itself, their personal exceptions
   * or teams, from another window, instance or the CLI. The core applies the new rights at once; the
   * window hears of it too (`rightsChanged`), and reads the session again, so it stops offering what
   * the core would now refuse (a walk on 3 December kept seeing Import after a demotion).
   */
  private noticeRightsChange(stage: Extract<Stage, { kind: 'active' }>, access: Access): void {
    const seen = JSON.stringify([stage.viewAs?.id ?? null, access.role, access.overrides, access.teamIds]);
    const before = stage.rightsSeen;
    stage.rightsSeen = seen;
    if (before !== null && before !== seen) this.events.emit('session.changed', { reason: 'rightsChanged' });
  }

  /** Compatibility name used by the dispatcher and tests: same as requireActive. */
  requireSession(): ActiveSession {
    return this.requireActive();
  }

  get isSignedIn(): boolean {
    return this.stage.kind === 'active';
  }

  /**
   * The rights in force for this call, read fresh so an admin's change counts at once. During a
   * "view as" preview, what both the admin and the previewed user may do (previewAccess): the
   * preview never lends the admin a right they lack, nor lifts one of their own denies.
   */
  access(): Access {
    const stage = this.stage;
    if (stage.kind !== 'active') throw new KluisError('UNAUTHENTICATED', 'common.signInFirst');
    return stage.viewAs ? previewAccess(stage.open.db, stage.user, stage.viewAs) : loadAccess(stage.open.db, stage.user);
  }

  hasPermission(_user: SessionUser, permission: Permission): boolean {
    return this.access().task(permission);
  }

  /** The user whose rights a "view as" preview shows, or null. */
  get viewingAs(): SessionUser | null {
    return this.stage.kind === 'active' ? this.stage.viewAs : null;
  }

  setViewAs(user: SessionUser | null): void {
    const stage = this.stage;
    if (stage.kind !== 'active') throw new KluisError('UNAUTHENTICATED', 'common.signInFirst');
    stage.viewAs = user;
    // The window reads the session again for this event: the next call takes the preview's rights as seen.
    stage.rightsSeen = null;
    this.events.emit('session.changed', { reason: 'signedIn' });
  }

  sessionInfo(): SessionInfo {
    const stage = this.stage;
    if (stage.kind !== 'active') throw new KluisError('UNAUTHENTICATED', 'common.signInFirst');
    const rights = summarize(this.access());
    return {
      user: stage.user,
      orgName: getMeta(stage.open.db, 'org_name') ?? '',
      keyMode: stage.open.keyMode,
      permissions: rights.tasks,
      rights,
      viewAs: stage.viewAs,
      idleLockSeconds: stage.policy.idleLockSeconds,
    };
  }

  /** STEP_UP_REQUIRED once REVEALS_PER_CODE masked values were revealed since the last code. */
  requireRevealAllowance(): void {
    const stage = this.stage;
    if (stage.kind === 'active' && stage.revealsSinceCode >= REVEALS_PER_CODE) throw new KluisError('STEP_UP_REQUIRED', 'records.revealNeedsCode');
  }

  countReveal(): void {
    if (this.stage.kind === 'active') this.stage.revealsSinceCode++;
  }

  isStepUpFresh(): boolean {
    return this.stage.kind === 'active' && this.now() - this.stage.lastCodeAt < STEP_UP_WINDOW_MS;
  }

  /** STEP_UP_REQUIRED unless a code was entered within STEP_UP_WINDOW_MS (the dispatcher's check, for a handler that decides late). */
  requireFreshCode(): void {
    if (!this.isStepUpFresh()) throw new KluisError('STEP_UP_REQUIRED', 'session.stepUpRequired');
  }

  /**
   * For what cannot be undone (`stepUp: 'each'`): STEP_UP_REQUIRED unless a code was confirmed for a
   * step within STEP_UP_WINDOW_MS and not spent yet. The sign-in's code does not count: whoever finds
   * a window signed in a minute ago must not erase with it.
   */
  requireCodeForOneAction(): void {
    const stage = this.stage;
    if (stage.kind !== 'active' || stage.stepUpCodeAt === 0 || this.now() - stage.stepUpCodeAt >= STEP_UP_WINDOW_MS) {
      throw new KluisError('STEP_UP_REQUIRED', 'session.stepUpEachTime');
    }
  }

  /** The action that needed the code is done: the next one asks again. */
  spendStepUpCode(): void {
    if (this.stage.kind === 'active') this.stage.stepUpCodeAt = 0;
  }

  // ---- setup ---------------------------------------------------------------------------------

  createInstall(input: {
    orgName: string;
    adminUsername: string;
    password: string;
    requireKeychain?: boolean | undefined;
    enrolTotp?: boolean | undefined;
  }): Promise<CreatedInstall> {
    return this.serial(async () => {
      refuseInstallFolder(this.dataDir);
      await assertStrongPassword(input.password, [input.orgName, input.adminUsername], 'password');
      return createInstall({
        dataDir: this.dataDir,
        keychain: this.keychain,
        openOptions: this.openOptions,
        orgName: input.orgName,
        adminUsername: input.adminUsername,
        password: input.password,
        requireKeychain: input.requireKeychain === true,
        enrolTotp: input.enrolTotp === true,
        ...(this.kdfCost ? { kdfCost: this.kdfCost } : {}),
      });
    });
  }

  // ---- sign-in -------------------------------------------------------------------------------

  private throttle(vault: VaultFile): SignInThrottle {
    return new SignInThrottle(this.dataDir, vault.installId, this.now);
  }

  private refuseWhileThrottled(throttle: SignInThrottle, ...subjects: string[]): void {
    const wait = throttle.retryAfterSeconds(...subjects);
    if (wait > 0) {
      throw new KluisError('UNAUTHENTICATED', wait === 1 ? 'session.tooManySignInsOne' : { id: 'session.tooManySignIns', values: { seconds: wait } }, { retryAfterSeconds: wait });
    }
  }

  /** Password → database key. Returns the open install, or null for wrong credentials. */
  private async openWithPassword(vault: VaultFile, username: string, password: string): Promise<OpenInstall | null> {
    const deviceSecret = await readDeviceSecret(vault, this.keychain);
    if (deviceSecret) this.secrets.hold(deviceSecret);
    let unlocked;
    try {
      unlocked = await unlockWithPassword(vault, deviceSecret, username, password);
    } catch (error) {
      if (error instanceof KluisError && error.code === 'UNAUTHENTICATED') {
        this.secrets.wipe();
        return null;
      }
      this.secrets.wipe();
      throw error;
    }
    const dek = this.secrets.hold(unlocked.dek);
    const privateKey = this.secrets.hold(unlocked.privateKey);
    let db: Db | undefined;
    try {
      db = openDatabase(dataPaths(this.dataDir).db, dek, this.openOptions);
      migrate(db);
    } catch (error) {
      db?.close();
      this.secrets.wipe();
      throw error;
    }
    return {
      db,
      dataDir: this.dataDir,
      installId: vault.installId,
      keyMode: vault.keyMode,
      slotId: unlocked.slotId,
      dek,
      privateKey,
      auditKey: this.secrets.hold(deriveAuditKey(dek)),
      deviceSecret,
      secrets: this.secrets,
      mirroredHead: vault.auditHead,
      beforeClose: new Set(),
    };
  }

  /** Writes the failures that waited outside the locked database into the audit log. */
  private flushPendingFailures(open: OpenInstall, throttle: SignInThrottle): void {
    const pending = throttle.takePending();
    if (pending.length === 0) return;
    const bySubject = new Map(
      listUsers(open.db).flatMap((u) => {
        const subjects = throttle.subjectsFor(u.username);
        return [
          [subjects.password, u.id],
          [subjects.code, u.id],
        ] as const;
      }),
    );
    open.db.transaction(() => {
      for (const failure of pending) {
        const userId = bySubject.get(failure.subject);
        audit(open, { actor: null, action: failure.action, target: userId ? `user:${userId}` : null, at: failure.at });
      }
    })();
  }

  signIn(username: string, password: string): Promise<SignInProgress> {
    return this.serial(async () => {
      this.endSession();
      if (isFileNotFolder(this.dataDir)) throw new KluisError('NOT_FOUND', { id: 'session.dataDirNotFolder', values: { dataDir: this.dataDir } });
      if (!holdsInstall(this.dataDir)) throw new KluisError('NOT_FOUND', { id: 'session.notSetUp', values: { dataDir: this.dataDir } });
      const vault = readVaultFile(this.dataDir);
      const throttle = this.throttle(vault);
      const subjects = throttle.subjectsFor(username);
      // A sign-in is a guess of both: it waits out wrong passwords and wrong codes alike.
      this.refuseWhileThrottled(throttle, subjects.password, subjects.code);

      const open = await this.openWithPassword(vault, username, password);
      const user = open ? findActiveUserBySlot(open.db, open.slotId) : null;
      if (!open || !user) {
        if (open) closeInstall(open);
        // On both counts, as a wrong code after a right password is: the wait must not tell which it was.
        throttle.recordFailure([subjects.password, subjects.code], 'session.signIn.failed');
        // Ask for a code all the same: the answer must not tell which part was wrong.
        this.enterPending({ kind: 'pending', step: 'code', open: null, userId: null, subjects });
        // The same event as for a right password: a watching window must not learn which it was.
        this.events.emit('session.changed', { reason: 'pending' });
        return { next: 'code' };
      }
      this.flushPendingFailures(open, throttle);
      mirrorAuditHead(open);
      const step = this.firstStepFor(user);
      if (step === null) return this.activate(open, user, subjects, { codeEntered: false });
      this.enterPending({ kind: 'pending', step, open, userId: user.id, subjects });
      this.events.emit('session.changed', { reason: 'pending' });
      return { next: step };
    });
  }

  /**
   * Between password and code the database is open: someone who walks away from the code prompt
   * must not leave it so. After a few minutes the half-finished sign-in is dropped.
   */
  private enterPending(stage: Extract<Stage, { kind: 'pending' }>): void {
    this.stage = stage;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.stage !== stage) return;
      void this.serial(async () => {
        if (this.stage !== stage) return;
        this.endSession();
        this.events.emit('session.changed', { reason: 'signedOut' });
      });
    }, PENDING_SIGN_IN_MS);
    this.idleTimer.unref();
  }

  private firstStepFor(user: UserRecord): PendingStep | null {
    if (user.totpSecret) return 'code';
    return this.nextStepAfterCode(user);
  }

  /** After the code: a one-time password is changed first, then the authenticator is set up. */
  private nextStepAfterCode(user: UserRecord): PendingStep | null {
    if (user.mustChangePassword) return 'changePassword';
    if (!user.totpSecret) return 'enrol';
    return null;
  }

  private requirePending(step: PendingStep): { open: OpenInstall; user: UserRecord; subjects: ThrottleSubjects } {
    const stage = this.stage;
    if (stage.kind !== 'pending' || stage.step !== step) throw new KluisError('UNAUTHENTICATED', 'common.signInFirst');
    if (!stage.open || stage.userId === null) throw wrongCredentials();
    const user = findUserById(stage.open.db, stage.userId);
    if (!user || user.status !== 'active') throw wrongCredentials();
    return { open: stage.open, user, subjects: stage.subjects };
  }

  verifyCode(code: string): Promise<SignInProgress> {
    return this.serial(async () => {
      const stage = this.stage;
      if (stage.kind !== 'pending' || stage.step !== 'code') throw new KluisError('UNAUTHENTICATED', 'common.signInFirst');
      const vault = readVaultFile(this.dataDir);
      const throttle = this.throttle(vault);
      const fail = (): never => {
        if (stage.open && stage.userId !== null) {
          const open = stage.open;
          open.db.transaction(() => audit(open, { actor: null, action: 'session.signIn.failed', target: `user:${stage.userId}` }))();
          mirrorAuditHead(open);
          throttle.recordFailure([stage.subjects.password, stage.subjects.code], 'session.signIn.failed', { audited: true });
        }
        // A wrong password was already counted (and queued for the audit log) at the first step.
        this.endSession();
        this.events.emit('session.changed', { reason: 'signedOut' });
        throw wrongCredentials();
      };
      if (!stage.open || stage.userId === null) return fail();
      const open = stage.open;
      const user = findUserById(open.db, stage.userId);
      if (!user || user.status !== 'active') return fail();
      const used = open.db.transaction(() => {
        const result = useSecondFactor(open.db, user, code, { allowRecovery: true, nowMs: this.now() });
        if (result?.method === 'recovery') {
          audit(open, { actor: user.id, action: 'mfa.recoveryCode.used', target: `user:${user.id}`, details: { remaining: result.remaining } });
        }
        return result;
      })();
      if (!used) return fail();
      // A right code clears the count of wrong ones now, also when a new password or the authenticator comes next.
      throttle.recordSuccess(stage.subjects.code);
      const next = this.nextStepAfterCode(findUserById(open.db, user.id)!);
      if (next === null) return this.activate(open, user, stage.subjects, { codeEntered: used.method === 'totp', recoveryCode: used.method === 'recovery' });
      this.enterPending({ ...stage, step: next });
      return { next };
    });
  }

  changeInitialPassword(newPassword: string): Promise<SignInProgress> {
    return this.serial(async () => {
      const { open, user, subjects } = this.requirePending('changePassword');
      const orgName = getMeta(open.db, 'org_name') ?? '';
      await assertStrongPassword(newPassword, [orgName, user.username, user.displayName], 'newPassword');
      // The one-time password is known to the admin who handed it out: it cannot become one's own.
      if (await this.opensOwnSlot(open, newPassword)) throw samePasswordAgain();
      await this.rewrapOwnSlot(open, newPassword);
      open.db.transaction(() => {
        updateUser(open.db, user.id, { must_change_password: 0 });
        audit(open, { actor: user.id, action: 'account.password.changed', target: `user:${user.id}`, details: { initial: true } });
      })();
      const next = this.nextStepAfterCode(findUserById(open.db, user.id)!);
      if (next === null) return this.activate(open, user, subjects, { codeEntered: false });
      this.enterPending({ kind: 'pending', step: next, open, userId: user.id, subjects });
      return { next };
    });
  }

  beginEnrolment(): Promise<TotpEnrolment> {
    return this.serial(async () => {
      const { open, user } = this.requirePending('enrol');
      // A second window (or a repeated call) gets the same secret, so no screen shows a stale one.
      const secret = user.totpPendingSecret ?? newTotpSecret();
      if (!user.totpPendingSecret) updateUser(open.db, user.id, { totp_pending_secret: secret });
      const orgName = getMeta(open.db, 'org_name') ?? 'Kluis';
      const otpauthUri = totpUri(secret, `Kluis (${orgName})`, user.username);
      return { secret, otpauthUri, qrSvg: await qrSvg(otpauthUri) };
    });
  }

  confirmEnrolment(code: string): Promise<{ recoveryCodes: string[]; progress: SignInProgress }> {
    return this.serial(async () => {
      const { open, user, subjects } = this.requirePending('enrol');
      if (!user.totpPendingSecret) throw new KluisError('CONFLICT', 'session.enrolFirst');
      const step = verifyTotp(user.totpPendingSecret, code, null, this.now());
      if (step === null) {
        throw new KluisError('VALIDATION', 'session.enrolCodeWrong', fieldErrorDetails({ code: { id: 'session.codeWrong' } }));
      }
      const recoveryCodes = open.db.transaction(() => {
        updateUser(open.db, user.id, { totp_secret: user.totpPendingSecret, totp_pending_secret: null, totp_last_step: step });
        audit(open, { actor: user.id, action: 'mfa.enrolled', target: `user:${user.id}` });
        return issueRecoveryCodes(open.db, user.id);
      })();
      const progress = this.activate(open, user, subjects, { codeEntered: true });
      return { recoveryCodes, progress };
    });
  }

  private activate(open: OpenInstall, user: UserRecord, subjects: ThrottleSubjects, how: { codeEntered: boolean; recoveryCode?: boolean }): SignInProgress {
    const throttle = this.throttle(readVaultFile(this.dataDir));
    throttle.recordSuccess(subjects.password);
    if (how.codeEntered || how.recoveryCode) throttle.recordSuccess(subjects.code);
    // A recovery code proves less than a fresh code from the authenticator: no step-up credit. It is
    // noted with the sign-in, so the account page can show a use its owner does not recognise.
    this.enterActive(open, user, { action: 'session.signIn', event: 'signedIn', codeEntered: how.codeEntered, recoveryCode: how.recoveryCode === true });
    return { next: 'done', session: this.sessionInfo() };
  }

  /** Audits the way in, and starts the signed-in stage with its idle timer. */
  private enterActive(
    open: OpenInstall,
    user: UserRecord,
    how: { action: 'session.signIn' | 'session.unlock'; event: 'signedIn' | 'unlocked'; codeEntered: boolean; recoveryCode?: boolean; counts?: CodeCounts },
  ): void {
    const details = how.recoveryCode ? { recoveryCode: true } : undefined;
    open.db.transaction(() => audit(open, { actor: user.id, action: how.action, target: `user:${user.id}`, ...(details ? { details } : {}) }))();
    // An import the process did not live to finish is taken back before anyone works on.
    takeBackInterruptedImports(open);
    // Search entries a lock or quit left noted for removal are taken out now, in the background.
    startSearchCleanup(open.db);
    // The trash's retention job runs whenever someone comes in: a laptop may stay shut for weeks.
    const emptied = open.db.transaction(() => emptyExpiredTrash(open.db, open, new Date(this.now()))).immediate();
    if (emptied.removed > 0) open.db.pragma('wal_checkpoint(TRUNCATE)');
    mirrorAuditHead(open);
    const now = this.now();
    this.stage = {
      kind: 'active',
      open,
      user: sessionUser(user),
      policy: readPolicy(open.db),
      lastCodeAt: how.codeEntered ? now : 0,
      stepUpCodeAt: 0,
      lastActivity: now,
      viewAs: null,
      rightsSeen: null,
      ...(how.codeEntered ? NOTHING_COUNTED : (how.counts ?? NOTHING_COUNTED)),
    };
    this.scheduleIdleLock();
    this.events.emit('session.changed', { reason: how.event });
  }

  // ---- lock and unlock -----------------------------------------------------------------------

  touch(): number {
    const stage = this.stage;
    if (stage.kind !== 'active') return 0;
    stage.lastActivity = this.now();
    return stage.policy.idleLockSeconds;
  }

  /**
   * Locks when the idle time has passed since the last activity. The timer also wakes at least every
   * policyRecheckMs to read the policy again: calls read it too (currentUser), but an idle window
   * makes none, and an admin in another instance may have shortened the idle time meanwhile.
   */
  private scheduleIdleLock(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const stage = this.stage;
    if (stage.kind !== 'active') return;
    const due = stage.lastActivity + stage.policy.idleLockSeconds * 1000 - this.now();
    this.idleTimer = setTimeout(() => {
      const current = this.stage;
      if (current.kind !== 'active') return;
      this.rereadPolicy(current);
      if (this.now() - current.lastActivity >= current.policy.idleLockSeconds * 1000) void this.lock('idle');
      else this.scheduleIdleLock();
    }, Math.max(Math.min(due, this.policyRecheckMs), 250));
    // The timer must not keep a CLI process alive.
    this.idleTimer.unref();
  }

  /**
   * The policy as the database holds it now, for a session with no call to read it. A read another
   * process's write lock holds up keeps the policy known so far: the next wake or call reads again.
   */
  private rereadPolicy(stage: Extract<Stage, { kind: 'active' }>): void {
    try {
      stage.policy = readPolicy(stage.open.db);
    } catch (error) {
      this.logger.error('session.policyNotRead', describeError(error));
    }
  }

  /** Closes the database and zeroes every key, keeping only who was signed in. */
  lock(reason: Exclude<LockReason, 'wrongCodes'>): Promise<void> {
    return this.serial(async () => this.lockNow(reason));
  }

  /** The lock itself, for a step that already holds the lifecycle queue (see serial). */
  private lockNow(reason: LockReason): void {
    const stage = this.stage;
    if (stage.kind !== 'active') return;
    // First what must not outlive the key (a running import takes itself back), then the lock.
    settleBeforeClose(stage.open);
    this.noteUnaudited(auditLeaving(stage.open, { actor: stage.user.id, action: 'session.lock', details: { reason } }), 'session.lock');
    const unlockNeedsCode = stage.policy.unlockRequiresCode;
    closeInstall(stage.open);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const counts = { stepUpFailures: stage.stepUpFailures, revealsSinceCode: stage.revealsSinceCode };
    this.stage = { kind: 'locked', user: stage.user, keyMode: stage.open.keyMode, unlockNeedsCode, reason, counts };
    this.events.emit('session.changed', { reason: 'locked' });
  }

  unlock(password: string, code: string | undefined): Promise<SessionInfo> {
    return this.serial(async () => {
      const stage = this.stage;
      if (stage.kind !== 'locked') throw new KluisError('UNAUTHENTICATED', 'common.notLocked');
      const vault = readVaultFile(this.dataDir);
      const throttle = this.throttle(vault);
      const subjects = throttle.subjectsFor(stage.user.username);
      this.refuseWhileThrottled(throttle, ...(stage.unlockNeedsCode ? [subjects.password, subjects.code] : [subjects.password]));
      const open = await this.openWithPassword(vault, stage.user.username, password);
      const user = open ? findActiveUserBySlot(open.db, open.slotId) : null;
      const passwordOk = open !== null && user !== null && user.id === stage.user.id;
      // A recovery code unlocks too, as it signs in: someone without their phone keeps the work
      // the lock interrupted instead of signing out to use one.
      const codeOk = passwordOk && (!stage.unlockNeedsCode || (code !== undefined && this.useCodeAtUnlock(open, user, code)));
      if (!passwordOk || !codeOk) {
        if (open) closeInstall(open);
        // On both counts whichever part was wrong, as at sign-in: the wait must not tell which it was.
        throttle.recordFailure([subjects.password, subjects.code], 'session.unlock.failed');
        throw wrongCredentials();
      }
      this.flushPendingFailures(open, throttle);
      throttle.recordSuccess(subjects.password);
      if (stage.unlockNeedsCode) throttle.recordSuccess(subjects.code);
      // The password that opened is a one-time password an administrator gave out while the
      // window was locked: it starts a first sign-in, never the session it interrupts.
      if (user.mustChangePassword) this.endSessionBecause(open, user.id, 'passwordReset');
      // So does an unlock after the second factor was reset: the user enrols again at a sign-in.
      if (user.totpSecret === null) this.endSessionBecause(open, user.id, 'mfaReset');
      this.enterActive(open, user, { action: 'session.unlock', event: 'unlocked', codeEntered: stage.unlockNeedsCode, counts: stage.counts });
      return this.sessionInfo();
    });
  }

  /** The second factor at an unlock: an authenticator code or a recovery code (its use audited, as at sign-in). */
  private useCodeAtUnlock(open: OpenInstall, user: UserRecord, code: string): boolean {
    return open.db.transaction(() => {
      const used = useSecondFactor(open.db, user, code, { allowRecovery: true, nowMs: this.now() });
      if (used?.method === 'recovery') {
        audit(open, { actor: user.id, action: 'mfa.recoveryCode.used', target: `user:${user.id}`, details: { remaining: used.remaining } });
      }
      return used !== null;
    })();
  }

  // ---- sign-out ------------------------------------------------------------------------------

  signOut(): Promise<void> {
    return this.serial(async () => {
      const stage = this.stage;
      if (stage.kind === 'signedOut') return;
      if (stage.kind === 'active' && stage.open.db.open) {
        this.noteUnaudited(auditLeaving(stage.open, { actor: stage.user.id, action: 'session.signOut' }), 'session.signOut');
      }
      this.endSession();
      this.events.emit('session.changed', { reason: 'signedOut' });
    });
  }

  /** Closes the database and zeroes the keys. Safe to call more than once. */
  close(): Promise<void> {
    return this.signOut();
  }

  /** A lock or sign-out that could not be logged still happened: the gap goes to the local diagnostics. */
  private noteUnaudited(written: boolean, action: string): void {
    if (!written) this.logger.error('audit.leavingNotWritten', { action });
  }

  private endSession(): void {
    const stage = this.stage;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if ((stage.kind === 'active' || stage.kind === 'pending') && stage.open) closeInstall(stage.open);
    this.secrets.wipe();
    this.stage = { kind: 'signedOut' };
  }

  // ---- the signed-in user's own account ------------------------------------------------------

  stepUp(code: string): Promise<{ validUntil: string }> {
    return this.serial(async () => {
      const { open, user } = this.requireActive();
      const stage = this.stage as Extract<Stage, { kind: 'active' }>;
      // Said plainly (as the CLI does), rather than "That code is not right" for a code that is.
      if (looksLikeRecoveryCode(code)) throw new KluisError('VALIDATION', 'session.recoveryCodeNotFresh');
      // Step-up codes go on the throttle's count of codes: guessing here is guessing a sign-in code.
      const throttle = this.throttle(readVaultFile(this.dataDir));
      const subject = throttle.subjectsFor(user.username).code;
      this.refuseWhileThrottled(throttle, subject);
      const record = findUserById(open.db, user.id)!;
      const ok = open.db.transaction(() => {
        const used = useSecondFactor(open.db, record, code, { allowRecovery: false, nowMs: this.now() });
        audit(open, { actor: user.id, action: used ? 'session.stepUp' : 'session.stepUp.failed', target: `user:${user.id}` });
        return used !== null;
      })();
      mirrorAuditHead(open);
      if (!ok) {
        throttle.recordFailure(subject, 'session.stepUp.failed', { audited: true });
        if (++stage.stepUpFailures >= STEP_UP_FAILURES_BEFORE_LOCK) {
          this.lockNow('wrongCodes');
          throw new KluisError('LOCKED', 'session.lockedAfterWrongCodes');
        }
        throw new KluisError('UNAUTHENTICATED', 'session.codeWrong');
      }
      throttle.recordSuccess(subject);
      stage.stepUpFailures = 0;
      stage.revealsSinceCode = 0;
      stage.lastCodeAt = this.now();
      stage.stepUpCodeAt = stage.lastCodeAt;
      return { validUntil: new Date(stage.lastCodeAt + STEP_UP_WINDOW_MS).toISOString() };
    });
  }

  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.serial(async () => {
      const { open, user } = this.requireActive();
      const vault = readVaultFile(this.dataDir);
      // Whoever sits at an open window could guess the password here: it waits and is logged as a sign-in would be.
      const throttle = this.throttle(vault);
      const subject = throttle.subjectsFor(user.username).password;
      this.refuseWhileThrottled(throttle, subject);
      const slot = vault.slots.find((s) => s.id === open.slotId);
      const check = slot ? await openSlot(vault, slot, currentPassword, open.deviceSecret) : null;
      if (!check) {
        open.db.transaction(() => audit(open, { actor: user.id, action: 'account.password.changeFailed', target: `user:${user.id}` }))();
        mirrorAuditHead(open);
        throttle.recordFailure(subject, 'account.password.changeFailed', { audited: true });
        throw new KluisError('VALIDATION', 'session.currentPasswordWrong', fieldErrorDetails({ currentPassword: { id: 'session.currentPasswordWrong' } }));
      }
      throttle.recordSuccess(subject);
      check.dek.fill(0);
      check.privateKey.fill(0);
      if (newPassword === currentPassword) throw samePasswordAgain();
      const orgName = getMeta(open.db, 'org_name') ?? '';
      await assertStrongPassword(newPassword, [orgName, user.username, user.displayName], 'newPassword');
      await this.rewrapOwnSlot(open, newPassword);
      open.db.transaction(() => audit(open, { actor: user.id, action: 'account.password.changed', target: `user:${user.id}` }))();
    });
  }

  /** Whether this password opens the signed-in user's key slot now (one Argon2id derivation). */
  private async opensOwnSlot(open: OpenInstall, password: string): Promise<boolean> {
    const vault = readVaultFile(this.dataDir);
    const slot = vault.slots.find((s) => s.id === open.slotId);
    const opened = slot ? await openSlot(vault, slot, password, open.deviceSecret) : null;
    opened?.dek.fill(0);
    opened?.privateKey.fill(0);
    return opened !== null;
  }

  private async rewrapOwnSlot(open: OpenInstall, newPassword: string): Promise<void> {
    const vault = readVaultFile(this.dataDir);
    const slot = vault.slots.find((s) => s.id === open.slotId);
    if (!slot) throw new KluisError('CONFLICT', 'session.keySlotGone');
    const rewrapped = await rewrapSlot(vault, slot, open.privateKey, newPassword, open.deviceSecret, this.kdfCost);
    updateVault(open, (current) => ({ ...current, slots: current.slots.map((s) => (s.id === slot.id ? rewrapped : s)) }));
  }

  // ---- install -------------------------------------------------------------------------------

  installStatus(db: Db): InstallStatus {
    const vault = readVaultFile(this.dataDir);
    return {
      installId: vault.installId,
      cipher: `${vault.cipher.name} (legacy ${vault.cipher.legacy})`,
      keyMode: vault.keyMode,
      schemaVersion: schemaVersion(db),
      userCount: countUsers(db),
    };
  }

  /**
   * A checked backup of the install in a new or empty folder (install/backup.ts), in the lifecycle
   * queue so a lock cannot close the database under it, and in the audit log.
   */
  backup(to: string): Promise<BackupResult> {
    return this.serial(() => {
      const { open, user } = this.requireActive();
      // A backup that is not in the audit log is not kept (another process held the write lock).
      return backupInstall(open, to, this.openOptions, (result) =>
        open.db.transaction(() => audit(open, { actor: user.id, action: 'install.backup', details: { pages: result.pages } }))(),
      );
    });
  }

  /** After an admin changes the policy, the running session follows it at once. */
  applyPolicy(policy: Policy): void {
    const stage = this.stage;
    if (stage.kind !== 'active') return;
    stage.policy = policy;
    this.scheduleIdleLock();
  }

  get kdf(): KdfCost | undefined {
    return this.kdfCost;
  }
}

export async function openKluis(options: KluisOptions): Promise<KluisCore> {
  return new KluisCore(options);
}
