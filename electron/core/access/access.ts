/**
 * The rights of one user, read fresh from the database for every call, so an admin's change counts
 * at once. Record scope becomes SQL (never a filter after fetching); field access shapes every
 * record that leaves the core and every change that enters it.
 */
import {
  accessRank,
  decideField,
  decideModule,
  decideRecord,
  decideTask,
  MODULES,
  RECORD_ACTIONS,
  SECURED_ENTITIES,
  TASKS,
  type FieldAccess,
  type Module,
  type Override,
  type RecordAction,
  type RightKey,
  type RoleDefinition,
  type Scope,
  type SecuredEntity,
  type Task,
} from '../../../shared/access';
import type { RightsSummary } from '../../../shared/apiTypes';
import { ENTITIES, type Sensitivity } from '../../../shared/registry';
import type { Db } from '../db/open';
import { roleById } from './roles';

export interface Access {
  userId: number;
  role: RoleDefinition;
  overrides: Override[];
  teamIds: number[];
  module(module: Module): boolean;
  task(task: Task): boolean;
  scope(entity: SecuredEntity, action: RecordAction): Scope;
  field(entity: SecuredEntity, field: string, sensitivity: Sensitivity): FieldAccess;
}

interface OverrideRow {
  right: RightKey;
  effect: 'grant' | 'deny';
  scope: Override['scope'] | null;
  access: Override['access'] | null;
}

export function readOverrides(db: Db, userId: number): Override[] {
  return (db.prepare('SELECT "right", effect, scope, access FROM user_overrides WHERE user_id = ?').all(userId) as OverrideRow[]).map((row) => ({
    right: row.right,
    effect: row.effect,
    ...(row.scope ? { scope: row.scope } : {}),
    ...(row.access ? { access: row.access } : {}),
  }));
}

export function readTeamIds(db: Db, userId: number): number[] {
  return (db.prepare('SELECT team_id FROM user_teams WHERE user_id = ? ORDER BY team_id').all(userId) as { team_id: number }[]).map((r) => r.team_id);
}

/** A role that names nothing: what a user whose role was removed ends up with. */
const NO_ROLE: RoleDefinition = {
  id: 'none',
  name: { en: 'No role', nl: 'Geen rol' },
  builtIn: true,
  rights: {
    modules: [],
    records: Object.fromEntries(SECURED_ENTITIES.map((e) => [e, Object.fromEntries(RECORD_ACTIONS.map((a) => [a, 'none']))])) as never,
    fields: {},
    fieldDefaults: { normal: 'hidden', personal: 'hidden', special: 'hidden' },
    tasks: [],
  },
};

export function loadAccess(db: Db, user: { id: number; role: string }): Access {
  const role = roleById(db, user.role) ?? NO_ROLE;
  const overrides = readOverrides(db, user.id);
  const teamIds = readTeamIds(db, user.id);
  const fieldCache = new Map<string, FieldAccess>();
  // A list page asks for the same two scopes on every row (allowedOn): decided once per call.
  const scopeCache = new Map<string, Scope>();
  return {
    userId: user.id,
    role,
    overrides,
    teamIds,
    module: (module) => decideModule(role, overrides, module).value,
    task: (task) => decideTask(role, overrides, task).value,
    scope: (entity, action) => {
      const key = `${entity}.${action}`;
      let scope = scopeCache.get(key);
      if (!scope) {
        scope = decideRecord(role, overrides, entity, action).value;
        scopeCache.set(key, scope);
      }
      return scope;
    },
    field: (entity, field, sensitivity) => {
      const key = `${entity}.${field}`;
      let access = fieldCache.get(key);
      if (!access) {
        access = decideField(role, overrides, entity, field, sensitivity).value;
        fieldCache.set(key, access);
      }
      return access;
    },
  };
}

/** The lower of two field accesses (hidden < masked < read < edit). */
function lowerAccess(a: FieldAccess, b: FieldAccess): FieldAccess {
  return accessRank(a) <= accessRank(b) ? a : b;
}

/**
 * The rights in force while `viewer` (an admin) previews the app as `previewed` ("view as"): what
 * both may do. The preview shows what the previewed user sees, but never more than the admin may
 * see or do themselves — a deny always wins, also the admin's own deny on data.export or on a
 * field, and the admin must not borrow a task (privacy.dsar) or a field right (the date of birth)
 * that only the previewed user holds. So: a module or task only if both hold it; a field at the
 * lower of the two accesses; a record scope only where the admin's own is `all` — then the
 * previewed user's (own and team as theirs). Where the admin's scope is narrower the preview gets
 * `none`: the records two different users may reach by own or team cannot be written as one user's
 * scope, and a preview fails closed rather than show a record the admin may not read.
 */
export function previewAccess(db: Db, viewer: { id: number; role: string }, previewed: { id: number; role: string }): Access {
  const own = loadAccess(db, viewer);
  const theirs = loadAccess(db, previewed);
  return {
    // Whose records are "own" and "team", and the role the renderer names: the previewed user's.
    userId: theirs.userId,
    role: theirs.role,
    overrides: theirs.overrides,
    teamIds: theirs.teamIds,
    module: (module) => own.module(module) && theirs.module(module),
    task: (task) => own.task(task) && theirs.task(task),
    scope: (entity, action) => (own.scope(entity, action) === 'all' ? theirs.scope(entity, action) : 'none'),
    field: (entity, field, sensitivity) => lowerAccess(own.field(entity, field, sensitivity), theirs.field(entity, field, sensitivity)),
  };
}

/** The SQL condition that keeps a query inside the caller's scope for an action. */
export function scopeCondition(access: Access, entity: SecuredEntity, action: RecordAction, alias = ''): { sql: string; params: unknown[] } {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  switch (access.scope(entity, action)) {
    case 'all':
      return { sql: '1', params: [] };
    case 'team':
      return access.teamIds.length > 0
        ? { sql: `(${column('owner_id')} = ? OR ${column('team_id')} IN (${access.teamIds.map(() => '?').join(', ')}))`, params: [access.userId, ...access.teamIds] }
        : { sql: `${column('owner_id')} = ?`, params: [access.userId] };
    case 'own':
      return { sql: `${column('owner_id')} = ?`, params: [access.userId] };
    case 'none':
      return { sql: '0', params: [] };
  }
}

/** Whether one row (owner, team) lies inside the scope. */
export function rowInScope(access: Access, entity: SecuredEntity, action: RecordAction, row: { owner_id?: unknown; team_id?: unknown }): boolean {
  switch (access.scope(entity, action)) {
    case 'all':
      return true;
    case 'team':
      return row.owner_id === access.userId || (typeof row.team_id === 'number' && access.teamIds.includes(row.team_id));
    case 'own':
      return row.owner_id === access.userId;
    case 'none':
      return false;
  }
}

/** What the renderer needs to hide what the user cannot use. */
export function summarize(access: Access): RightsSummary {
  const records = Object.fromEntries(
    SECURED_ENTITIES.map((entity) => [entity, Object.fromEntries(RECORD_ACTIONS.map((action) => [action, access.scope(entity, action)]))]),
  ) as RightsSummary['records'];
  const fields: Record<string, FieldAccess> = {};
  for (const entity of Object.values(ENTITIES)) {
    for (const field of entity.fields) fields[`${entity.name}.${field.key}`] = access.field(entity.name, field.key, field.sensitivity);
  }
  return {
    role: access.role.id,
    modules: MODULES.filter((m) => access.module(m)),
    tasks: TASKS.filter((t) => access.task(t)),
    records,
    fields,
  };
}
