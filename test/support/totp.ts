/**
 * An authenticator app for tests: computes the TOTP codes a phone would show for a secret. The core
 * accepts a code one 30-second step either side of now and refuses a step at or before the last one
 * used (replay), so a test that signs in several times needs codes for successive steps.
 */
import { generateSync } from 'otplib';

export const STEP_SECONDS = 30;

/**
 * How long a handed-out code must stay acceptable: a CLI spawn and an Argon2id derivation take a
 * second or two, and up to ten on a busy machine.
 */
const VALID_FOR_MS = 20_000;

export function stepAt(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / 1000 / STEP_SECONDS);
}

export function codeForStep(secret: string, step: number): string {
  return generateSync({ secret, epoch: step * STEP_SECONDS });
}

/** The base32 secret in an `otpauth://totp/...?secret=...` URI. */
export function secretFromUri(otpauthUri: string): string {
  const secret = new URL(otpauthUri).searchParams.get('secret');
  if (!secret) throw new Error(`No secret in ${otpauthUri}`);
  return secret;
}

/** The otpauth URI that `init` prints in its text output. */
export function otpauthUriIn(text: string): string {
  const uri = /otpauth:\/\/\S+/.exec(text)?.[0];
  if (!uri) throw new Error(`No otpauth URI in:\n${text}`);
  return uri;
}

/**
 * Hands out codes for strictly increasing time steps, as the replay rule needs: step now−1 (while
 * it stays acceptable long enough), now, now+1, and after that it waits for the clock to reach the
 * next step. Two or three sign-ins per 30 seconds come without waiting.
 */
export class Authenticator {
  private lastStep: number | null = null;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    for (;;) {
      const now = Date.now();
      // Still at most one step old when the CLI checks it, VALID_FOR_MS from now.
      const step = Math.max((this.lastStep ?? -Infinity) + 1, stepAt(now + VALID_FOR_MS) - 1);
      if (step <= stepAt(now) + 1) {
        this.lastStep = step;
        return codeForStep(this.secret, step);
      }
      // Every acceptable step is used up: wait for the next one to begin.
      await new Promise((resolve) => setTimeout(resolve, (step - 1) * STEP_SECONDS * 1000 - now + 50));
    }
  }

  /**
   * The code for one step ahead of now: the one that stays acceptable longest (30 to 60 seconds),
   * for a test that must replay it while it is still inside its window.
   */
  newestCode(): string {
    const step = Math.max((this.lastStep ?? -Infinity) + 1, stepAt() + 1);
    if (step > stepAt() + 1) throw new Error('The newest step is already used.');
    this.lastStep = step;
    return codeForStep(this.secret, step);
  }

  /** The step of the code most recently handed out. */
  get lastUsedStep(): number {
    if (this.lastStep === null) throw new Error('No code was handed out yet.');
    return this.lastStep;
  }

  /** The code most recently handed out (to replay it). */
  lastCode(): string {
    return codeForStep(this.secret, this.lastUsedStep);
  }

  /** Six digits that are not the code for any step near now, so they are wrong whenever checked. */
  wrongCode(): string {
    const near = new Set(Array.from({ length: 7 }, (_, i) => codeForStep(this.secret, stepAt() - 3 + i)));
    for (let n = 123_456; ; n = (n + 111_111) % 1_000_000) {
      const candidate = String(n).padStart(6, '0');
      if (!near.has(candidate)) return candidate;
    }
  }
}
