/**
 * What a role manager may write into a role. Without these rules `roles.manage` was every right: a
 * Read-only user who manages roles gave their own role users.manage, privacy.erase and every field on
 * edit, and had them at their next call — more than the Administrator. Two rules close it:
 * - nobody changes the role they hold, as nobody changes their own role on a user's page: another
 *   role manager makes that change (so nobody widens their own rights, or locks themselves out);
 * - who does not manage users gives a role only rights they hold themselves (their role and personal
 *   exceptions, as loadAccess decides them). Who manages users is not bound: they can give anyone,
 *   themselves included, a personal exception with any right, so a bound would protect nothing — and
 *   it would stop an admin from copying the Privacy officer's role, whose tasks the admin lacks.
 */
import {
  accessRank,
  ACTION_NAMES,
  decideField,
  entityWords,
  FIELD_ACCESS,
  FIELD_ACCESS_NAMES,
  fieldWords,
  MODULE_NAMES,
  MODULES,
  RECORD_ACTIONS,
  SCOPE_NAMES,
  SECURED_ENTITIES,
  scopeRank,
  SENSITIVITY_BEFORE_FIELDS,
  TASK_NAMES,
  TASKS,
  type FieldAccess,
  type RoleRights,
  type SecuredEntity,
} from '../../../shared/access';
import type { CoreMessage } from '../../../shared/coreMessages';
import { ENTITIES, SENSITIVITIES, type Localized, type Sensitivity } from '../../../shared/registry';
import type { Db } from '../db/open';
import { KluisError } from '../errors';
import { customFields } from '../records/fields';
import { loadAccess, type Access } from './access';

/** Who saves a role: the signed-in user, with the role they hold now. */
export interface RoleSaver {
  id: number;
  role: string;
}

/** Refuses a change to the role the caller holds (CONFLICT, as for one's own role on a user's page). */
export function refuseOwnRole(caller: RoleSaver, roleId: string | undefined): void {
  if (roleId !== undefined && roleId === caller.role) throw new KluisError('CONFLICT', 'access.ownRoleEdit');
}

/** Refuses (FORBIDDEN, naming the first right over) a role with more than a bounded caller holds. */
export function requireWithinOwnRights(db: Db, caller: RoleSaver, rights: RoleRights): void {
  const own = loadAccess(db, caller);
  if (own.task('users.manage')) return;
  const over = firstRightOverOwn(db, own, rights);
  if (over) throw new KluisError('FORBIDDEN', over);
}

/** The first right of the role beyond `own`, as the message that names it; null when there is none. */
export function firstRightOverOwn(db: Db, own: Access, rights: RoleRights): CoreMessage | null {
  return moduleOver(own, rights) ?? taskOver(own, rights) ?? recordOver(own, rights) ?? fieldOver(db, own, rights) ?? defaultOver(own, rights);
}

function moduleOver(own: Access, rights: RoleRights): CoreMessage | null {
  const module = MODULES.find((m) => rights.modules.includes(m) && !own.module(m));
  return module ? { id: 'access.roleRightNotHeld', values: { kind: { en: 'module', nl: 'module' }, name: MODULE_NAMES[module] } } : null;
}

function taskOver(own: Access, rights: RoleRights): CoreMessage | null {
  const task = TASKS.find((t) => rights.tasks.includes(t) && !own.task(t));
  return task ? { id: 'access.roleRightNotHeld', values: { kind: { en: 'task', nl: 'taak' }, name: TASK_NAMES[task] } } : null;
}

/**
 * Every record right against the caller's scope, also where the role lacks the entity's module: a
 * later edit that adds the module (by someone who holds it) would otherwise bring the scope to life.
 */
function recordOver(own: Access, rights: RoleRights): CoreMessage | null {
  for (const entity of SECURED_ENTITIES) {
    for (const action of RECORD_ACTIONS) {
      const scope = rights.records[entity][action];
      const held = own.scope(entity, action);
      if (scopeRank(scope) > scopeRank(held)) {
        return {
          id: 'access.roleScopeNotHeld',
          values: { action: ACTION_NAMES[action], entity: entityWords(entity), scope: SCOPE_NAMES[scope], held: SCOPE_NAMES[held] },
        };
      }
    }
  }
  return null;
}

/** What the role gives on one field: the field named, or the default for its sensitivity. */
function roleField(rights: RoleRights, key: string, sensitivity: Sensitivity): FieldAccess {
  return rights.fields[key] ?? rights.fieldDefaults[sensitivity];
}

/** Every field there is — the registry's, switched off or not, and every custom field — by its key. */
function everyField(db: Db): Map<string, { entity: SecuredEntity; key: string; label: Localized; sensitivity: Sensitivity }> {
  const fields = new Map<string, { entity: SecuredEntity; key: string; label: Localized; sensitivity: Sensitivity }>();
  for (const entity of SECURED_ENTITIES) {
    for (const field of [...ENTITIES[entity].fields, ...customFields(db, entity)]) {
      fields.set(`${entity}.${field.key}`, { entity, key: field.key, label: field.label, sensitivity: field.sensitivity });
    }
  }
  return fields;
}

/**
 * Each field's resulting access against the caller's. A field the role names that does not exist
 * (yet) could become one of any sensitivity, so it is held to the lowest the caller would have then.
 */
function fieldOver(db: Db, own: Access, rights: RoleRights): CoreMessage | null {
  const fields = everyField(db);
  for (const [right, field] of fields) {
    const access = roleField(rights, right, field.sensitivity);
    const held = own.field(field.entity, field.key, field.sensitivity);
    if (accessRank(access) > accessRank(held)) return fieldNotHeld(field.entity, field.label, access, held);
  }
  for (const [right, access] of Object.entries(rights.fields)) {
    if (fields.has(right)) continue;
    const [entity = '', key = ''] = right.split('.');
    const held = lowestFor(own, entity as SecuredEntity, key);
    if (accessRank(access) > accessRank(held)) return fieldNotHeld(entity as SecuredEntity, fieldWords(entity as SecuredEntity, key), access, held);
  }
  return null;
}

function fieldNotHeld(entity: SecuredEntity, label: Localized, access: FieldAccess, held: FieldAccess): CoreMessage {
  return {
    id: 'access.roleFieldNotHeld',
    values: { field: label, entity: entityWords(entity), access: FIELD_ACCESS_NAMES[access], held: FIELD_ACCESS_NAMES[held] },
  };
}

/** Decided afresh for each sensitivity (Access.field keeps one answer per field, whatever it is asked). */
function lowestFor(own: Access, entity: SecuredEntity, key: string): FieldAccess {
  const ranks = SENSITIVITIES.map((s) => accessRank(decideField(own.role, own.overrides, entity, key, s).value));
  return FIELD_ACCESS[Math.min(...ranks)]!;
}

/**
 * The role's default per sensitivity against the caller's role's: a field added later (a custom
 * field) follows both defaults, and no personal exception names it yet.
 */
function defaultOver(own: Access, rights: RoleRights): CoreMessage | null {
  for (const sensitivity of SENSITIVITIES) {
    const access = rights.fieldDefaults[sensitivity];
    const held = own.role.rights.fieldDefaults[sensitivity];
    if (accessRank(access) > accessRank(held)) return { id: 'access.roleDefaultNotHeld', values: { sensitivity: SENSITIVITY_BEFORE_FIELDS[sensitivity], access: FIELD_ACCESS_NAMES[access], held: FIELD_ACCESS_NAMES[held] } };
  }
  return null;
}
