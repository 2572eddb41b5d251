/**
 * The rule that keeps an install administrable: no change may leave it without an active user who
 * can manage users (`users.manage`). Nobody could then add a user, reset a password or let a
 * disabled account in again, and a user cannot be given that right back — so such a change is
 * refused, whatever path it takes (a role saved, a user's role or exceptions, an account disabled).
 */
import { listUsers } from '../auth/users';
import type { Db } from '../db/open';
import { KluisError } from '../errors';
import { loadAccess } from './access';

/** Whether at least one active user may manage users, by their role and personal exceptions now. */
export function someoneManagesUsers(db: Db): boolean {
  return listUsers(db).some((user) => user.status === 'active' && loadAccess(db, user).task('users.manage'));
}

/**
 * Runs `change` and refuses it (CONFLICT) when it took away the last active user who could manage
 * users. It runs in a transaction of its own (a savepoint inside the caller's), so a refusal rolls
 * the change back and nothing is lost. An install that had nobody before (made so before this rule)
 * is not held to it: an unrelated change there must not be blocked.
 */
export function keepingAUserManager<T>(db: Db, change: () => T): T {
  return db.transaction(() => {
    const before = someoneManagesUsers(db);
    const result = change();
    if (before && !someoneManagesUsers(db)) throw new KluisError('CONFLICT', 'access.lastUserManager');
    return result;
  })();
}
