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
import type { Logger } from '../../electron/core/log';

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

export function testCore(
  options: { dataDir?: string; keychain?: Keychain; clock?: TestClock; logger?: Logger; policyRecheckMs?: number } = {},
): TestCore {
  const dataDir = options.dataDir ?? join(tempDir(), 'data');
  const clock = options.clock ?? new TestClock();
  const secrets = new SecretStore();
  const core = new KluisCore({
    dataDir,
    kdfCost: FAST_KDF,
    now: clock.now,
    secrets,
    ...(options.keychain ? { keychain: options.keychain } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.policyRecheckMs === undefined ? {} : { policyRecheckMs: options.policyRecheckMs }),
  });
  cleanups.push(() => core.close());
  const dispatcher = createDispatcher(core, { trustedOrigins: ['app://kluis'], ...(options.logger ? { logger: options.logger } : {}) });
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

/**
 * Confirms a step with a fresh code of the signed-in user (the admin's unless `secret` is given), as
 * the step-up dialog does: what cannot be undone (an erasure, a deletion for good) needs one each time.
 */
export async function confirmStep(t: Installed, secret: string = t.totpSecret): Promise<void> {
  t.clock.advance(30);
  const confirmed = await t.call('session.stepUp', { code: totpAt(secret, t.clock) });
  expect(confirmed.ok, JSON.stringify(confirmed)).toBe(true);
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

/** A new user's whole first sign-in: one-time password → own password → authenticator. Returns the TOTP secret. */
export async function firstSignIn(t: TestCore, username: string, oneTimePassword: string, newPassword: string): Promise<string> {
  const step = async (channel: string, input: unknown) => {
    const result = await t.call(channel, input);
    expect(result.ok, `${channel}: ${JSON.stringify(result)}`).toBe(true);
    return (result as unknown as { value: Record<string, unknown> }).value;
  };
  expect(await step('session.signIn', { username, password: oneTimePassword })).toEqual({ next: 'changePassword' });
  expect(await step('session.changeInitialPassword', { newPassword })).toEqual({ next: 'enrol' });
  const enrolment = await step('mfa.beginEnrolment', {});
  const secret = enrolment.secret as string;
  const confirmed = await step('mfa.confirmEnrolment', { code: totpAt(secret, t.clock) });
  expect((confirmed.progress as { next: string }).next).toBe('done');
  return secret;
}

/**
 * The admin (signed in) creates a user with a role, signs out, and that user completes a first
 * sign-in: the test goes on as that user. Returns the user's id and TOTP secret.
 */
export async function signInAsNewUser(
  t: Installed,
  username: string,
  role: string,
  options: { teamIds?: number[]; overrides?: { right: string; effect: 'grant' | 'deny'; scope?: string }[] } = {},
): Promise<{ id: number; secret: string }> {
  const created = await t.call('users.create', { username, displayName: `${username} de Vries`, role });
  expect(created.ok, JSON.stringify(created)).toBe(true);
  const { user, oneTimePassword } = (created as unknown as { value: { user: { id: number }; oneTimePassword: string } }).value;
  if (options.teamIds || options.overrides) {
    const set = await t.call('users.setAccess', { userId: user.id, role, teamIds: options.teamIds ?? [], overrides: options.overrides ?? [] });
    expect(set.ok, JSON.stringify(set)).toBe(true);
  }
  await t.call('session.signOut');
  const secret = await firstSignIn(t, username, oneTimePassword, newUserPassword(username));
  return { id: user.id, secret };
}

/** The password signInAsNewUser gives a user at their first sign-in. */
const newUserPassword = (username: string) => `${username}-fietst-langs-de-lange-vliet`;

/** Signs the current user out and the admin in again, with a fresh code. */
export async function switchToAdmin(t: Installed): Promise<void> {
  await t.call('session.signOut');
  await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
}

/** Signs the current user out and a user made by signInAsNewUser in again, with a fresh code of theirs. */
export async function switchToUser(t: Installed, username: string, secret: string): Promise<void> {
  await t.call('session.signOut');
  t.clock.advance(30);
  await signIn(t, username, newUserPassword(username), totpAt(secret, t.clock));
}
