import { BUILT_IN_ROLES, TASK_MODULE, type Module, type Task } from '../../../../shared/access';
import type { Migration } from '../migrate';

/** The modules that hold no records: before this version they opened nothing, so nobody relied on them. */
const TASK_ONLY_MODULES: readonly Module[] = ['admin', 'audit'];

/** The task-only module each of these tasks needs now. */
function moduleNeeded(task: string): Module | undefined {
  const module = TASK_MODULE[task as Task];
  return module && TASK_ONLY_MODULES.includes(module) ? module : undefined;
}

/**
 * A task now counts only with its module (TASK_MODULE in shared/access/model.ts): unticking
 * Administration or Audit in a role, or denying it to a user, takes away managing users, roles,
 * fields, the policy and the install, or reading the audit log. Before, those two modules opened
 * nothing, and a role could hold their tasks without them. So that nobody loses a right with the
 * update, this gives what held such a task the module it needs now:
 *
 * - a custom role holding an admin or audit task gets that module;
 * - a user granted such a task by a personal exception gets the module by one too, unless an
 *   exception denies them the module (that deny now does what it says).
 *
 * The finance and marketing tasks need their modules too, but never worked without them (a reminder
 * or a campaign is a record of that module), so they are left as they are: giving the module would
 * open its records.
 */
export const taskModules: Migration = {
  version: 18,
  name: 'task modules',
  up: (db) => {
    const roles = db.prepare('SELECT id, rights FROM roles').all() as { id: string; rights: string }[];
    const setRights = db.prepare('UPDATE roles SET rights = ? WHERE id = ?');
    const modulesOf = new Map<string, Set<string>>(BUILT_IN_ROLES.map((role) => [role.id, new Set(role.rights.modules)]));
    for (const role of roles) {
      const rights = JSON.parse(role.rights) as { modules: string[]; tasks: string[] };
      const needed = rights.tasks.map(moduleNeeded).filter((module): module is Module => module !== undefined && !rights.modules.includes(module));
      if (needed.length > 0) {
        rights.modules = [...rights.modules, ...new Set(needed)];
        setRights.run(JSON.stringify(rights), role.id);
      }
      modulesOf.set(role.id, new Set(rights.modules));
    }

    const grants = db
      .prepare(
        `SELECT o.user_id AS userId, o."right" AS "right", u.role AS role FROM user_overrides o JOIN users u ON u.id = o.user_id
         WHERE o.effect = 'grant' AND o."right" LIKE 'task:%'`,
      )
      .all() as { userId: number; right: string; role: string }[];
    const hasOverride = db.prepare(`SELECT 1 FROM user_overrides WHERE user_id = ? AND "right" = ? AND effect = ?`);
    const grantModule = db.prepare(`INSERT OR IGNORE INTO user_overrides (user_id, "right", effect, scope, access) VALUES (?, ?, 'grant', NULL, NULL)`);
    for (const grant of grants) {
      const module = moduleNeeded(grant.right.slice('task:'.length));
      if (!module || modulesOf.get(grant.role)?.has(module)) continue;
      const right = `module:${module}`;
      if (hasOverride.get(grant.userId, right, 'deny')) continue;
      grantModule.run(grant.userId, right);
    }
  },
};
