/** Helpers for tests that need a real install in a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../electron/core/dispatch';
import { KluisCore } from '../../electron/core/kluis';
import type { KdfCost } from '../../electron/core/vault/kdf';
import type { Keychain } from '../../electron/core/vault/keychain';

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

export interface TestCore {
  core: KluisCore;
  dispatcher: Dispatcher;
  dataDir: string;
  call(channel: string, input?: unknown): ReturnType<Dispatcher['dispatch']>;
}

export function testCore(options: { dataDir?: string; keychain?: Keychain } = {}): TestCore {
  const dataDir = options.dataDir ?? join(tempDir(), 'data');
  const core = new KluisCore({ dataDir, kdfCost: FAST_KDF, ...(options.keychain ? { keychain: options.keychain } : {}) });
  cleanups.push(() => core.close());
  const dispatcher = createDispatcher(core, { trustedOrigins: ['app://kluis'] });
  return { core, dispatcher, dataDir, call: (channel, input = {}) => dispatcher.dispatch(channel, input, { kind: 'cli' }) };
}

export async function installedCore(options: { keychain?: Keychain } = {}): Promise<TestCore> {
  const t = testCore(options);
  const created = await t.call('setup.createInstall', ADMIN);
  if (!created.ok) throw new Error(`setup failed: ${created.error.message}`);
  return t;
}
