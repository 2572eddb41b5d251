import type { Policy } from '../../../shared/apiTypes';
import type { Db } from '../db/open';
import { getMeta, setMeta } from './meta';

/** Defaults when an admin has not set a value: lock after 10 idle minutes; password-only unlock. */
export const DEFAULT_POLICY: Policy = { idleLockSeconds: 600, unlockRequiresCode: false, trashRetentionDays: 30, bulkConfirmThreshold: 10 };

export function readPolicy(db: Db): Policy {
  const idle = getMeta(db, 'policy.idle_lock_seconds');
  const unlock = getMeta(db, 'policy.unlock_requires_code');
  const retention = getMeta(db, 'policy.trash_retention_days');
  const threshold = getMeta(db, 'policy.bulk_confirm_threshold');
  return {
    idleLockSeconds: idle === null ? DEFAULT_POLICY.idleLockSeconds : Number(idle),
    unlockRequiresCode: unlock === null ? DEFAULT_POLICY.unlockRequiresCode : unlock === 'true',
    trashRetentionDays: retention === null ? DEFAULT_POLICY.trashRetentionDays : Number(retention),
    bulkConfirmThreshold: threshold === null ? DEFAULT_POLICY.bulkConfirmThreshold : Number(threshold),
  };
}

export function writePolicy(db: Db, change: Partial<Policy>): Policy {
  if (change.idleLockSeconds !== undefined) setMeta(db, 'policy.idle_lock_seconds', String(change.idleLockSeconds));
  if (change.unlockRequiresCode !== undefined) setMeta(db, 'policy.unlock_requires_code', String(change.unlockRequiresCode));
  if (change.trashRetentionDays !== undefined) setMeta(db, 'policy.trash_retention_days', String(change.trashRetentionDays));
  if (change.bulkConfirmThreshold !== undefined) setMeta(db, 'policy.bulk_confirm_threshold', String(change.bulkConfirmThreshold));
  return readPolicy(db);
}
