/** Helpers for tests that need a real install in a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { afterEach, expect } from 'vitest';
import type { CreatedInstall } from '../../shared/apiTypes';
import { createDispatcher, type Dispatcher } from '../../electron/core/dispatch';
import { KluisCore } from '../../electron/core/kluis';
import type { KdfCost } from '../../electron/core/vault/kdf';
import type { Keychain } from '../../electron/core/vault/keychain';
import { SecretStore } from '../../electron/core/vault/secretStore';

/** Cheap Argon2id for tests that are not about the KDF; the real cost is exercised by the CLI tests. */
export const FAST_KDF: KdfCost = { memoryCost: 8_192, timeCost: 1, parallelism: 1 };

export const ADMIN = { orgName: 'Bakkerij Van den Berg BV', adminUsername: 'marieke.jansen', password: 'zeven-zeeën-zouten-zalm' };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export function tempDir(prefix = 'kluis-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A keychain that never answers, like a machine without a Secret Service. */
export const noKeychain: Keychain = {
  isAvailable: async () => false,
  getSecret: async () => {
    throw new Error('no keychain');
  },
  setSecret: async () => {
    throw new Error('no keychain');
  },
  deleteSecret: async () => false,
};

/** The core's clock, moved by hand so tests can step through TOTP periods without waiting. */
export class TestClock {
  private offsetMs = 0;
  /** Real time plus whatever the test skipped ahead, so timers and TOTP steps both stay honest. */
  now = (): number => Date.now() + this.offsetMs;
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

/** The authenticator app: the code for the clock's current time step. */
export function totpAt(secret: string, clock: TestClock): string {
  return generateSync({ secret, epoch: Math.floor(clock.now() / 1000) });
}

export function secretOf(otpauthUri: string): string {
  return new URL(otpauthUri).searchParams.get('secret') ?? '';
}

export interface TestCore {
  core: KluisCore;
  dispatcher: Dispatcher;
  dataDir: string;
  clock: TestClock;
  secrets: SecretStore;
  call(channel: string, input?: unknown): ReturnType<Dispatcher['dispatch']>;
}

export function testCore(options: { dataDir?: string; keychain?: Keychain; clock?: TestClock } = {}): TestCore {
  const dataDir = options.dataDir ?? join(tempDir(), 'data');
  const clock = options.clock ?? new TestClock();
  const secrets = new SecretStore();
  const core = new KluisCore({
    dataDir,
    kdfCost: FAST_KDF,
    now: clock.now,
    secrets,
    ...(options.keychain ? { keychain: options.keychain } : {}),
  });
  cleanups.push(() => core.close());
  const dispatcher = createDispatcher(core, { trustedOrigins: ['app://kluis'] });
  return { core, dispatcher, dataDir, clock, secrets, call: (channel, input = {}) => dispatcher.dispatch(channel, input, { kind: 'cli' }) };
}

export interface Installed extends TestCore {
  /** The admin's TOTP secret and recovery codes, as `init` hands them out. */
  totpSecret: string;
  recoveryCodes: string[];
  /** A fresh code: moves the clock one step on first, so no code is ever a replay. */
  nextCode(): string;
}

export async function installedCore(options: { keychain?: Keychain } = {}): Promise<Installed> {
  const t = testCore(options);
  const created = await t.call('setup.createInstall', { ...ADMIN, enrolTotp: true });
  if (!created.ok) throw new Error(`setup failed: ${created.error.message}`);
  const { otpauthUri, recoveryCodes } = created.value as CreatedInstall;
  const totpSecret = secretOf(otpauthUri ?? '');
  return {
    ...t,
    totpSecret,
    recoveryCodes: recoveryCodes ?? [],
    nextCode: () => {
      t.clock.advance(30);
      return totpAt(totpSecret, t.clock);
    },
  };
}

/** Password, then code: both steps, expecting success. */
export async function signIn(t: TestCore, username: string, password: string, code: string): Promise<void> {
  const first = await t.call('session.signIn', { username, password });
  expect(first).toEqual({ ok: true, value: { next: 'code' } });
  const second = await t.call('session.verifyCode', { code });
  expect(second.ok, JSON.stringify(second)).toBe(true);
}

export async function signedInAdmin(options: { keychain?: Keychain } = {}): Promise<Installed> {
  const t = await installedCore({ keychain: noKeychain, ...options });
  await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
  return t;
}
