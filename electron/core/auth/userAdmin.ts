/**
 * What an administrator does to other accounts: create, disable, enable again, reset password,
 * reset MFA. Each is audited. A new or reset account gets a one-time password and a key slot sealed with the DEK —
 * the admin never needs anyone else's password.
 */
import { randomInt } from 'node:crypto';
import type { UserSummary } from '../../../shared/apiTypes';
import type { Role } from '../../../shared/permissions';
import { usernamesLookAlike } from '../../../shared/policy';
import { requireRole } from '../access/roles';
import { keepingAUserManager } from '../access/userManagers';
import { fieldErrorDetails, KluisError } from '../errors';
import { audit, updateVault, type OpenInstall } from '../session/openInstall';
import type { KdfCost } from '../vault/kdf';
import { createSlot } from '../vault/slots';
import { findUserById, findUserByUsername, insertUser, listUsers, updateUser, userSummary, type UserRecord } from './users';

const OTP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 20 characters from 31 (about 99 bits) in groups of five: strong, and easy to read aloud. */
export function newOneTimePassword(): string {
  const chars = Array.from({ length: 20 }, () => OTP_ALPHABET[randomInt(OTP_ALPHABET.length)]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** A new one-time password and the key slot it opens (sealed with the DEK), not yet in the vault. */
async function oneTimeSlot(open: OpenInstall, username: string, kdfCost?: KdfCost) {
  const oneTimePassword = newOneTimePassword();
  const slot = await createSlot({
    installId: open.installId,
    username,
    password: oneTimePassword,
    deviceSecret: open.deviceSecret,
    dek: open.dek,
    ...(kdfCost ? { kdfCost } : {}),
  });
  return { slot, oneTimePassword };
}

function requireOtherUser(open: OpenInstall, actorId: number, userId: number): UserRecord {
  const user = findUserById(open.db, userId);
  if (!user) throw new KluisError('NOT_FOUND', 'common.noSuchUser');
  if (user.id === actorId) throw new KluisError('CONFLICT', 'access.ownAccount');
  return user;
}

export async function createUser(
  open: OpenInstall,
  actorId: number,
  input: { username: string; displayName: string; email?: string | undefined; role: Role },
  kdfCost?: KdfCost,
): Promise<{ user: UserSummary; oneTimePassword: string }> {
  if (findUserByUsername(open.db, input.username)) {
    throw new KluisError('CONFLICT', 'access.usernameTaken', fieldErrorDetails({ username: { id: 'access.usernameTaken' } }));
  }
  // "ѕаndеr" in Cyrillic beside "sander": one alphabet each, and the same on screen.
  const twin = listUsers(open.db).find((user) => usernamesLookAlike(input.username, user.username));
  if (twin) {
    const message = { id: 'access.usernameLooksTaken', values: { username: twin.username } } as const;
    throw new KluisError('CONFLICT', message, fieldErrorDetails({ username: message }));
  }
  // The schema checks only the id's shape: an account with a role nobody defined would sign in
  // to an app that cannot say what it may do (Explain answers "role gone").
  requireRole(open.db, input.role);
  const { slot, oneTimePassword } = await oneTimeSlot(open, input.username, kdfCost);
  const id = open.db
    .transaction(() => {
      const newId = insertUser(open.db, { ...input, email: input.email ?? null, slotId: slot.id, mustChangePassword: true });
      audit(open, { actor: actorId, action: 'users.created', target: `user:${newId}`, details: { role: input.role } });
      // Last, so a failure above leaves no slot behind; a failure here rolls the row back.
      updateVault(open, (vault) => ({ ...vault, slots: [...vault.slots.filter((s) => s.id !== slot.id), slot] }));
      return newId;
    })
    .immediate();
  return { user: userSummary(findUserById(open.db, id)!), oneTimePassword };
}

/** Disabling removes the user's key slot: from now on nothing they know opens this install. */
export function disableUser(open: OpenInstall, actorId: number, userId: number): UserSummary {
  const user = requireOtherUser(open, actorId, userId);
  // Disabled already (a second click, another admin first): nothing changes, so nothing is audited.
  if (user.status === 'disabled') return userSummary(user);
  open.db
    .transaction(() => {
      keepingAUserManager(open.db, () => updateUser(open.db, user.id, { status: 'disabled', slot_id: null }));
      audit(open, { actor: actorId, action: 'users.disabled', target: `user:${user.id}` });
      if (user.slotId) updateVault(open, (vault) => ({ ...vault, slots: vault.slots.filter((s) => s.id !== user.slotId) }));
    })
    .immediate();
  return userSummary(findUserById(open.db, user.id)!);
}

/** A new one-time password through a new key slot; the old password stops working at once. */
export async function resetPassword(
  open: OpenInstall,
  actorId: number,
  userId: number,
  kdfCost?: KdfCost,
): Promise<{ user: UserSummary; oneTimePassword: string }> {
  const user = requireOtherUser(open, actorId, userId);
  if (user.status !== 'active') throw new KluisError('CONFLICT', 'access.accountDisabled');
  const { slot, oneTimePassword } = await oneTimeSlot(open, user.username, kdfCost);
  open.db
    .transaction(() => {
      updateUser(open.db, user.id, { slot_id: slot.id, must_change_password: 1 });
      audit(open, { actor: actorId, action: 'users.passwordReset', target: `user:${user.id}` });
      updateVault(open, (vault) => ({
        ...vault,
        slots: [...vault.slots.filter((s) => s.id !== user.slotId && s.id !== slot.id), slot],
      }));
    })
    .immediate();
  return { user: userSummary(findUserById(open.db, user.id)!), oneTimePassword };
}

/**
 * Lets a disabled account in again. Disabling took its key slot, so it comes back as a new account
 * does: with a one-time password to change at the first sign-in. Its authenticator stays (reset it
 * too when that is why it was disabled); its records, role and teams were never touched.
 */
export async function enableUser(open: OpenInstall, actorId: number, userId: number, kdfCost?: KdfCost): Promise<{ user: UserSummary; oneTimePassword: string }> {
  const user = requireOtherUser(open, actorId, userId);
  if (user.status === 'active') throw new KluisError('CONFLICT', 'access.accountActive');
  const { slot, oneTimePassword } = await oneTimeSlot(open, user.username, kdfCost);
  open.db
    .transaction(() => {
      updateUser(open.db, user.id, { status: 'active', slot_id: slot.id, must_change_password: 1 });
      audit(open, { actor: actorId, action: 'users.enabled', target: `user:${user.id}` });
      updateVault(open, (vault) => ({ ...vault, slots: [...vault.slots.filter((s) => s.id !== slot.id), slot] }));
    })
    .immediate();
  return { user: userSummary(findUserById(open.db, user.id)!), oneTimePassword };
}

/** Forgets the authenticator and recovery codes; the user enrols again at the next sign-in. */
export function resetMfa(open: OpenInstall, actorId: number, userId: number): UserSummary {
  const user = requireOtherUser(open, actorId, userId);
  // Nothing set up and nothing half set up (the CLI can ask for any account): nothing to audit.
  const recoveryCodes = (open.db.prepare('SELECT count(*) AS n FROM recovery_codes WHERE user_id = ?').get(user.id) as { n: number }).n;
  if (user.totpSecret === null && user.totpPendingSecret === null && user.totpLastStep === null && recoveryCodes === 0) return userSummary(user);
  open.db
    .transaction(() => {
      updateUser(open.db, user.id, { totp_secret: null, totp_pending_secret: null, totp_last_step: null });
      open.db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(user.id);
      audit(open, { actor: actorId, action: 'users.mfaReset', target: `user:${user.id}` });
    })
    .immediate();
  return userSummary(findUserById(open.db, user.id)!);
}
