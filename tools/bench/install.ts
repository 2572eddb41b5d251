/**
 * One side of the benchmark: a real install (real Argon2id parameters, a device secret as the OS
 * keychain would hold it), signed in through the dispatcher exactly as the app signs in, with a Field
 * sales user in a team. `encrypted: false` gives the plain twin: the same code and driver, no key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import type { CreatedInstall, Team, UserSummary } from '../../shared/apiTypes';
import { createDispatcher, type Dispatcher } from '../../electron/core/dispatch';
import { dataPaths } from '../../electron/core/install/paths';
import { KluisCore } from '../../electron/core/kluis';
import type { Keychain } from '../../electron/core/vault/keychain';

export const PASSWORD = 'benchmark-zeven-zeeen-zouten';

/** Every folder the benchmark made, so an interrupted run leaves no gigabytes behind. */
const folders = new Set<string>();
process.once('SIGINT', () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  process.exit(130);
});
const ADMIN = 'bench.admin';

/** The OS keychain's part, held in memory: the benchmark must not touch the user's keyring. */
function memoryKeychain(): Keychain {
  const secrets = new Map<string, Buffer>();
  return {
    isAvailable: async () => true,
    // Copies both ways: the core zeroes key material it is done with, as it should.
    getSecret: async (account) => {
      const secret = secrets.get(account);
      return secret ? Buffer.from(secret) : null;
    },
    setSecret: async (account, secret) => void secrets.set(account, Buffer.from(secret)),
    deleteSecret: async (account) => secrets.delete(account),
  };
}

export interface BenchInstall {
  core: KluisCore;
  dispatcher: Dispatcher;
  /** As the renderer calls: over IPC from the app's own page. */
  call(channel: string, input?: unknown): Promise<unknown>;
  salesUserId: number;
  /** The database file. */
  databaseFile: string;
  /** Locks, then unlocks with the password: what a user waits for. */
  unlock(): Promise<void>;
  /** Closes the install and deletes its folder (a million contacts take gigabytes). */
  remove(): Promise<void>;
}

function valueOf<T>(result: { ok: boolean; value?: unknown; error?: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error?.message}`);
  return result.value as T;
}

export async function benchInstall(encrypted: boolean): Promise<BenchInstall> {
  const folder = mkdtempSync(join(tmpdir(), `kluis-bench-${encrypted ? 'enc' : 'plain'}-`));
  folders.add(folder);
  const dataDir = join(folder, 'data');
  let clock = Date.now();
  // Each code step gets its own TOTP period, as a person would never reuse one.
  const now = () => clock;
  const core = new KluisCore({ dataDir, keychain: memoryKeychain(), now, unencryptedForBenchmark: !encrypted });
  const dispatcher = createDispatcher(core, { trustedOrigins: ['app://kluis'] });
  const call = async (channel: string, input: unknown = {}) =>
    dispatcher.dispatch(channel, input, { kind: 'ipc', url: 'app://kluis/', isMainFrame: true }) as Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
  const created = valueOf<CreatedInstall>(
    await call('setup.createInstall', { orgName: 'Benchmark BV', adminUsername: ADMIN, password: PASSWORD, enrolTotp: true }),
    'setup',
  );
  const secret = new URL(created.otpauthUri ?? '').searchParams.get('secret') ?? '';
  const code = () => {
    clock += 30_000;
    return generateSync({ secret, epoch: Math.floor(clock / 1000) });
  };
  valueOf(await call('session.signIn', { username: ADMIN, password: PASSWORD }), 'sign-in');
  valueOf(await call('session.verifyCode', { code: code() }), 'code');

  const team = valueOf<Team>(await call('teams.create', { name: 'Buitendienst Noord' }), 'team');
  const sales = valueOf<{ user: UserSummary }>(await call('users.create', { username: 'bench.sales', displayName: 'Sanne Verkoop', role: 'sales' }), 'user');
  valueOf(await call('users.setAccess', { userId: sales.user.id, role: 'sales', teamIds: [team.id], overrides: [] }), 'access');
  return {
    core,
    dispatcher,
    call,
    salesUserId: sales.user.id,
    databaseFile: dataPaths(dataDir).db,
    unlock: async () => {
      valueOf(await call('session.lock'), 'lock');
      valueOf(await call('session.unlock', { password: PASSWORD }), 'unlock');
    },
    remove: async () => {
      await core.close();
      rmSync(folder, { recursive: true, force: true });
      folders.delete(folder);
    },
  };
}
