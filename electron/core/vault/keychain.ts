/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux) through
 * keytar. It holds one item per install: service `kluis`, account = install id, value = the
 * device secret. When no keychain answers, the install runs in passphrase-only mode.
 */
import { createRequire } from 'node:module';

export const KEYCHAIN_SERVICE = 'kluis';
const CALL_TIMEOUT_MS = 5_000;

export interface Keychain {
  /** True when a keychain answers at all. */
  isAvailable(): Promise<boolean>;
  getSecret(account: string): Promise<Buffer | null>;
  setSecret(account: string, secret: Buffer): Promise<void>;
  deleteSecret(account: string): Promise<boolean>;
}

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string }[]>;
}

export class KeychainUnavailableError extends Error {
  /** What went wrong, as the keychain or the timeout put it (technical, not translated). */
  readonly reason: string;

  constructor(reason: string) {
    super(`The OS keychain is not reachable (${reason}).`);
    this.name = 'KeychainUnavailableError';
    this.reason = reason;
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // A Secret Service that waits for a password prompt nobody can see must not hang Kluis.
    const timer = setTimeout(() => reject(new KeychainUnavailableError(`${what} timed out`)), CALL_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(new KeychainUnavailableError(error instanceof Error ? error.message : String(error)));
      },
    );
  });
}

function loadKeytar(): Keytar | null {
  try {
    return createRequire(import.meta.url)('keytar') as Keytar;
  } catch {
    return null;
  }
}

export function osKeychain(): Keychain {
  const keytar = loadKeytar();
  const require = (): Keytar => {
    if (!keytar) throw new KeychainUnavailableError('the keytar module could not be loaded');
    return keytar;
  };
  return {
    async isAvailable() {
      if (!keytar) return false;
      try {
        await withTimeout(keytar.findCredentials(KEYCHAIN_SERVICE), 'probe');
        return true;
      } catch {
        return false;
      }
    },
    async getSecret(account) {
      const stored = await withTimeout(require().getPassword(KEYCHAIN_SERVICE, account), 'read');
      return stored === null ? null : Buffer.from(stored, 'base64');
    },
    async setSecret(account, secret) {
      await withTimeout(require().setPassword(KEYCHAIN_SERVICE, account, secret.toString('base64')), 'write');
    },
    async deleteSecret(account) {
      return withTimeout(require().deletePassword(KEYCHAIN_SERVICE, account), 'delete');
    },
  };
}
