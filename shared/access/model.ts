/**
 * Who may do what (DESIGN §5): module access, record rights per entity and action with a scope,
 * field rights per field, and named task rights. Roles bundle them; per-user overrides grant or deny
 * single rights, and a deny always wins. Pure data and pure functions: the core enforces, the
 * renderer only reflects.
 */
import { ENTITY_NAMES, type Localized } from '../registry';

export const MODULES = ['contacts', 'organisations', 'deals', 'activities', 'finance', 'marketing', 'admin', 'audit'] as const;
export type Module = (typeof MODULES)[number];

export const RECORD_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'restore'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const SCOPES = ['none', 'own', 'team', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const FIELD_ACCESS = ['hidden', 'masked', 'read', 'edit'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];

export const TASKS = [
  'finance.sendPaymentReminder',
  'marketing.publish',
  'data.import',
  'data.export',
  'privacy.dsar',
  'privacy.erase',
  'trash.purge',
  'audit.read',
  'users.manage',
  'roles.manage',
  'fields.manage',
  'policy.manage',
  'records.reassign',
  'install.read',
  'install.backup',
] as const;
export type Task = (typeof TASKS)[number];

export const SECURED_ENTITIES = ENTITY_NAMES;
export type SecuredEntity = (typeof SECURED_ENTITIES)[number];

/** Which module an entity lives in: without the module, no right on the entity counts. */
export const MODULE_OF: Record<SecuredEntity, Module> = {
  contact: 'contacts',
  consent: 'contacts',
  organisation: 'organisations',
  deal: 'deals',
  activity: 'activities',
  invoice: 'finance',
  campaign: 'marketing',
};

/**
 * The module a task belongs to, where it has one: without the module, the task does not count, as
 * no right on a module's records does. Import, export, the privacy tasks and emptying the trash
 * reach across modules and stand alone.
 */
export const TASK_MODULE: Partial<Record<Task, Module>> = {
  'finance.sendPaymentReminder': 'finance',
  'marketing.publish': 'marketing',
  'audit.read': 'audit',
  'users.manage': 'admin',
  'roles.manage': 'admin',
  'fields.manage': 'admin',
  'policy.manage': 'admin',
  'records.reassign': 'admin',
  'install.read': 'admin',
  'install.backup': 'admin',
};

export type RecordRights = Record<SecuredEntity, Record<RecordAction, Scope>>;

export interface RoleRights {
  modules: Module[];
  records: RecordRights;
  /** Per field (`contact.email`); fields not named follow `fieldDefaults` by their sensitivity. */
  fields: Record<string, FieldAccess>;
  fieldDefaults: Record<'normal' | 'personal' | 'special', FieldAccess>;
  tasks: Task[];
}

export interface RoleDefinition {
  id: string;
  name: Localized;
  builtIn: boolean;
  rights: RoleRights;
}

/** A right as one string: `task:data.export`, `module:finance`, `record:contact.export`, `field:contact.email`. */
export type RightKey = `task:${Task}` | `module:${Module}` | `record:${SecuredEntity}.${RecordAction}` | `field:${string}`;

export interface Override {
  right: RightKey;
  effect: 'grant' | 'deny';
  /** For record rights: the scope a grant gives. */
  scope?: Scope;
  /** For field rights: the access a grant gives. */
  access?: FieldAccess;
}

export const scopeRank = (scope: Scope): number => SCOPES.indexOf(scope);
export const accessRank = (access: FieldAccess): number => FIELD_ACCESS.indexOf(access);

export function recordRights(fill: (entity: SecuredEntity, action: RecordAction) => Scope): RecordRights {
  return Object.fromEntries(
    SECURED_ENTITIES.map((entity) => [entity, Object.fromEntries(RECORD_ACTIONS.map((action) => [action, fill(entity, action)]))]),
  ) as RecordRights;
}
