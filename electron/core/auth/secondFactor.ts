/**
 * Uses a second-factor code for a user: a TOTP code (replay-protected through the last used time
 * step) or, where allowed, a single-use recovery code. Records what it consumed; runs inside the
 * caller's transaction.
 */
import type { Db } from '../db/open';
import { looksLikeRecoveryCode, redeemRecoveryCode } from './recoveryCodes';
import { looksLikeTotp, verifyTotp } from './totp';
import { updateUser, type UserRecord } from './users';

export type SecondFactorUse = { method: 'totp' } | { method: 'recovery'; remaining: number } | null;

export function useSecondFactor(
  db: Db,
  user: UserRecord,
  code: string,
  options: { allowRecovery: boolean; nowMs: number },
): SecondFactorUse {
  if (user.totpSecret && looksLikeTotp(code)) {
    const step = verifyTotp(user.totpSecret, code, user.totpLastStep, options.nowMs);
    if (step === null) return null;
    updateUser(db, user.id, { totp_last_step: step });
    return { method: 'totp' };
  }
  if (options.allowRecovery && looksLikeRecoveryCode(code)) {
    const remaining = redeemRecoveryCode(db, user.id, code);
    return remaining === null ? null : { method: 'recovery', remaining };
  }
  return null;
}
