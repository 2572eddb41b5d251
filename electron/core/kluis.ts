/**
 * The core of one install: its data folder, the open database while someone is signed in, and
 * that person's session. Plain Node: used by Electron's main process, the CLI and the preview
 * bridge alike.
 */
import type { AppState, InstallStatus, KeyMode, SessionInfo, SessionUser } from '../../shared/api';
import { findActiveUserBySlot, countUsers } from './auth/users';
import { readDeviceSecret, unlockWithPassword, wrongCredentials } from './auth/unlock';
import { migrate, schemaVersion } from './db/migrate';
import { openDatabase, type Db, type OpenOptions } from './db/open';
import { KluisError } from './errors';
import { CoreEvents } from './events';
import { createInstall } from './install/createInstall';
import { getMeta } from './install/meta';
import { dataPaths, holdsInstall } from './install/paths';
import { zero } from './vault/crypto';
import type { KdfCost } from './vault/kdf';
import { osKeychain, type Keychain } from './vault/keychain';
import { readVaultFile } from './vault/vaultFile';

export interface KluisOptions {
  dataDir: string;
  nativeBinding?: string | undefined;
  keychain?: Keychain;
  /** Lower Argon2id cost for new slots; tests of unrelated behaviour use it to stay fast. */
  kdfCost?: KdfCost;
}

interface OpenSession {
  db: Db;
  /** Kept only to zero it on sign-out; SQLite holds its own copy of the key while open. */
  dek: Buffer;
  user: SessionUser;
  orgName: string;
  keyMode: KeyMode;
}

export class KluisCore {
  readonly events = new CoreEvents();
  readonly dataDir: string;
  private readonly keychain: Keychain;
  private readonly openOptions: OpenOptions;
  private readonly kdfCost: KdfCost | undefined;
  private session: OpenSession | null = null;
  /** Lifecycle steps (setup, sign-in, sign-out) run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: KluisOptions) {
    this.dataDir = options.dataDir;
    this.keychain = options.keychain ?? osKeychain();
    this.openOptions = { nativeBinding: options.nativeBinding };
    this.kdfCost = options.kdfCost;
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  state(): AppState {
    if (this.session) return { phase: 'signedIn', session: this.sessionInfo() };
    if (!holdsInstall(this.dataDir)) return { phase: 'setup' };
    return { phase: 'signedOut', keyMode: readVaultFile(this.dataDir).keyMode };
  }

  /** The open database and user, or UNAUTHENTICATED. */
  requireSession(): { db: Db; user: SessionUser } {
    if (!this.session) throw new KluisError('UNAUTHENTICATED', 'Sign in first.');
    return this.session;
  }

  get isSignedIn(): boolean {
    return this.session !== null;
  }

  sessionInfo(): SessionInfo {
    const { user, orgName, keyMode } = this.requireSession() as OpenSession;
    return { user, orgName, keyMode };
  }

  createInstall(input: {
    orgName: string;
    adminUsername: string;
    password: string;
    requireKeychain?: boolean | undefined;
  }): Promise<{ keyMode: KeyMode; installId: string }> {
    return this.serial(() =>
      createInstall({
        dataDir: this.dataDir,
        keychain: this.keychain,
        openOptions: this.openOptions,
        ...input,
        ...(input.requireKeychain ? { requireKeychain: true } : {}),
        ...(this.kdfCost ? { kdfCost: this.kdfCost } : {}),
      }),
    );
  }

  signIn(username: string, password: string): Promise<SessionInfo> {
    return this.serial(async () => {
      this.closeSession();
      if (!holdsInstall(this.dataDir)) throw new KluisError('NOT_FOUND', 'Kluis is not set up in this folder yet.');
      const vault = readVaultFile(this.dataDir);
      const deviceSecret = await readDeviceSecret(vault, this.keychain);
      let dek: Buffer | undefined;
      try {
        const unlocked = await unlockWithPassword(vault, deviceSecret, username, password);
        dek = unlocked.dek;
        const db = openDatabase(dataPaths(this.dataDir).db, dek, this.openOptions);
        try {
          migrate(db);
          const user = findActiveUserBySlot(db, unlocked.slotId);
          if (!user) throw wrongCredentials();
          this.session = { db, dek, user, orgName: getMeta(db, 'org_name') ?? '', keyMode: vault.keyMode };
        } catch (error) {
          db.close();
          throw error;
        }
      } catch (error) {
        zero(dek);
        throw error;
      } finally {
        zero(deviceSecret);
      }
      this.events.emit('session.changed', { reason: 'signedIn' });
      return this.sessionInfo();
    });
  }

  signOut(): Promise<void> {
    return this.serial(async () => {
      if (!this.session) return;
      this.closeSession();
      this.events.emit('session.changed', { reason: 'signedOut' });
    });
  }

  installStatus(): InstallStatus {
    const { db } = this.requireSession();
    const vault = readVaultFile(this.dataDir);
    return {
      installId: vault.installId,
      cipher: `${vault.cipher.name} (legacy ${vault.cipher.legacy})`,
      keyMode: vault.keyMode,
      schemaVersion: schemaVersion(db),
      userCount: countUsers(db),
    };
  }

  /** Closes the database and zeroes the key. Safe to call more than once. */
  close(): Promise<void> {
    return this.signOut();
  }

  private closeSession(): void {
    if (!this.session) return;
    const { db, dek } = this.session;
    this.session = null;
    try {
      db.close();
    } finally {
      zero(dek);
    }
  }
}

export async function openKluis(options: KluisOptions): Promise<KluisCore> {
  return new KluisCore(options);
}
