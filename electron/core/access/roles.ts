/**
 * Roles: the built-in ones from shared/access, and the ones admins made by copying and editing
 * them (stored in the `roles` table). Built-in roles cannot be changed — copy one instead.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  BUILT_IN_ROLES,
  FIELD_ACCESS,
  MODULES,
  RECORD_ACTIONS,
  recordRights,
  SCOPES,
  SECURED_ENTITIES,
  TASKS,
  type RoleDefinition,
  type RoleRights,
} from '../../../shared/access';
import type { Db } from '../db/open';
import { fieldErrorDetails, KluisError } from '../errors';
import { refuseOwnRole, requireWithinOwnRights, type RoleSaver } from './roleBounds';
import { keepingAUserManager } from './userManagers';

const rightsSchema = z.strictObject({
  modules: z.array(z.enum(MODULES)),
  records: z.record(z.enum(SECURED_ENTITIES), z.record(z.enum(RECORD_ACTIONS), z.enum(SCOPES))),
  fields: z.record(z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/), z.enum(FIELD_ACCESS)),
  fieldDefaults: z.strictObject({ normal: z.enum(FIELD_ACCESS), personal: z.enum(FIELD_ACCESS), special: z.enum(FIELD_ACCESS) }),
  tasks: z.array(z.enum(TASKS)),
});

export const ROLE_RIGHTS_SCHEMA = rightsSchema;

/** Fills in entities or actions a stored role does not name (e.g. one added by a later version) with "none". */
function complete(rights: z.infer<typeof rightsSchema>): RoleRights {
  return { ...rights, records: recordRights((entity, action) => rights.records[entity]?.[action] ?? 'none') };
}

interface RoleRow {
  id: string;
  name_en: string;
  name_nl: string;
  rights: string;
}

export function listRoles(db: Db): RoleDefinition[] {
  const custom = (db.prepare('SELECT id, name_en, name_nl, rights FROM roles ORDER BY name_en').all() as RoleRow[]).map((row) => ({
    id: row.id,
    name: { en: row.name_en, nl: row.name_nl },
    builtIn: false,
    rights: complete(rightsSchema.parse(JSON.parse(row.rights))),
  }));
  return [...BUILT_IN_ROLES, ...custom];
}

export function roleById(db: Db, id: string): RoleDefinition | null {
  const builtIn = BUILT_IN_ROLES.find((r) => r.id === id);
  if (builtIn) return builtIn;
  const row = db.prepare('SELECT id, name_en, name_nl, rights FROM roles WHERE id = ?').get(id) as RoleRow | undefined;
  return row ? { id: row.id, name: { en: row.name_en, nl: row.name_nl }, builtIn: false, rights: complete(rightsSchema.parse(JSON.parse(row.rights))) } : null;
}

export function requireRole(db: Db, id: string): RoleDefinition {
  const role = roleById(db, id);
  if (!role) {
    const values = { role: id };
    throw new KluisError('VALIDATION', { id: 'access.unknownRole', values }, fieldErrorDetails({ role: { id: 'access.unknownRole', values } }));
  }
  return role;
}

/** The same rights, whatever order the modules and tasks were listed in. */
function sameRights(a: RoleRights, b: RoleRights): boolean {
  const sorted = (rights: RoleRights) => ({ ...rights, modules: [...rights.modules].sort(), tasks: [...rights.tasks].sort() });
  return isDeepStrictEqual(sorted(a), sorted(b));
}

/**
 * Creates or changes a custom role; a new id is made from the English name. `changed` is false when
 * an existing role was saved as it was (a second click on Save): nothing is written, nor audited.
 * `caller` may not change the role they hold, and without users.manage may give a role only rights
 * they hold themselves (roleBounds.ts).
 */
export function saveRole(
  db: Db,
  caller: RoleSaver,
  input: { id?: string | undefined; name: { en: string; nl: string }; rights: RoleRights },
): { role: RoleDefinition; changed: boolean } {
  if (input.id && BUILT_IN_ROLES.some((r) => r.id === input.id)) {
    throw new KluisError('CONFLICT', 'access.builtInRole');
  }
  refuseOwnRole(caller, input.id);
  // A nameless role would be a blank line in every role list and picker; one language is enough.
  const name = { en: input.name.en.trim() || input.name.nl.trim(), nl: input.name.nl.trim() || input.name.en.trim() };
  if (!name.en) throw new KluisError('VALIDATION', 'access.roleNeedsName', fieldErrorDetails({ name: { id: 'access.roleNeedsName' } }));
  const id =
    input.id ??
    `custom-${name.en
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'role'}`;
  // Two roles of one name would be two alike lines in every list and picker, in either language.
  const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
  const taken = listRoles(db).some((role) => role.id !== input.id && (role.id === id || sameName(role.name.en, name.en) || sameName(role.name.nl, name.nl)));
  if (taken) throw new KluisError('CONFLICT', 'access.roleNameTaken', fieldErrorDetails({ name: { id: 'access.roleNameTaken' } }));
  const existing = input.id ? roleById(db, input.id) : null;
  if (input.id && !existing) throw new KluisError('NOT_FOUND', 'access.noSuchRole');
  const rights = rightsSchema.parse(input.rights);
  requireWithinOwnRights(db, caller, complete(rights));
  if (existing && isDeepStrictEqual(existing.name, name) && sameRights(existing.rights, complete(rights))) return { role: existing, changed: false };
  // Taking users.manage out of the role the last user managers hold would leave nobody to manage users.
  keepingAUserManager(db, () =>
    db
      .prepare(
        `INSERT INTO roles (id, name_en, name_nl, rights, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, name_nl = excluded.name_nl, rights = excluded.rights, updated_at = excluded.updated_at`,
      )
      .run(id, name.en, name.nl, JSON.stringify(rights), new Date().toISOString()),
  );
  return { role: roleById(db, id)!, changed: true };
}
