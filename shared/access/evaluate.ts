/**
 * Role + overrides → what a user may do, and why. Grants add to the role; denies take away, and a
 * deny always wins over a grant. Module access gates everything inside the module.
 */
import type { Localized, Sensitivity } from '../registry';
import {
  accessRank,
  MODULE_OF,
  scopeRank,
  type FieldAccess,
  type Module,
  type Override,
  type RecordAction,
  type RightKey,
  type RoleDefinition,
  type Scope,
  type SecuredEntity,
  type Task,
} from './model';

export interface Reason {
  source: 'role' | 'override' | 'module';
  text: Localized;
}

export interface Decision<T> {
  value: T;
  reasons: Reason[];
}

function overridesFor(overrides: readonly Override[], right: RightKey): { grant?: Override; deny?: Override } {
  return {
    grant: overrides.find((o) => o.right === right && o.effect === 'grant'),
    deny: overrides.find((o) => o.right === right && o.effect === 'deny'),
  };
}

const roleName = (role: RoleDefinition) => role.name;

export function decideModule(role: RoleDefinition, overrides: readonly Override[], module: Module): Decision<boolean> {
  const { grant, deny } = overridesFor(overrides, `module:${module}`);
  const inRole = role.rights.modules.includes(module);
  const reasons: Reason[] = [
    {
      source: 'role',
      text: inRole
        ? { en: `Role ${roleName(role).en} opens the ${module} module.`, nl: `Rol ${roleName(role).nl} geeft toegang tot module ${module}.` }
        : { en: `Role ${roleName(role).en} does not open the ${module} module.`, nl: `Rol ${roleName(role).nl} geeft geen toegang tot module ${module}.` },
    },
  ];
  if (deny) {
    reasons.push({ source: 'override', text: { en: `A personal override denies the ${module} module (a deny always wins).`, nl: `Een persoonlijke uitzondering weigert module ${module} (weigeren wint altijd).` } });
    return { value: false, reasons };
  }
  if (grant) {
    reasons.push({ source: 'override', text: { en: `A personal override grants the ${module} module.`, nl: `Een persoonlijke uitzondering geeft module ${module}.` } });
    return { value: true, reasons };
  }
  return { value: inRole, reasons };
}

export function decideTask(role: RoleDefinition, overrides: readonly Override[], task: Task): Decision<boolean> {
  const { grant, deny } = overridesFor(overrides, `task:${task}`);
  const inRole = role.rights.tasks.includes(task);
  const reasons: Reason[] = [
    {
      source: 'role',
      text: inRole
        ? { en: `Role ${roleName(role).en} includes the task "${task}".`, nl: `Rol ${roleName(role).nl} bevat de taak "${task}".` }
        : { en: `Role ${roleName(role).en} does not include the task "${task}".`, nl: `Rol ${roleName(role).nl} bevat de taak "${task}" niet.` },
    },
  ];
  if (deny) {
    reasons.push({ source: 'override', text: { en: `A personal override denies "${task}" (a deny always wins).`, nl: `Een persoonlijke uitzondering weigert "${task}" (weigeren wint altijd).` } });
    return { value: false, reasons };
  }
  if (grant) {
    reasons.push({ source: 'override', text: { en: `A personal override grants "${task}".`, nl: `Een persoonlijke uitzondering geeft "${task}".` } });
    return { value: true, reasons };
  }
  return { value: inRole, reasons };
}

export function decideRecord(role: RoleDefinition, overrides: readonly Override[], entity: SecuredEntity, action: RecordAction): Decision<Scope> {
  const module = decideModule(role, overrides, MODULE_OF[entity]);
  if (!module.value) return { value: 'none', reasons: module.reasons.map((r) => ({ ...r, source: 'module' as const })) };
  const roleScope = role.rights.records[entity][action];
  const { grant, deny } = overridesFor(overrides, `record:${entity}.${action}`);
  const reasons: Reason[] = [
    {
      source: 'role',
      text: { en: `Role ${roleName(role).en} gives ${action} on ${entity} with scope "${roleScope}".`, nl: `Rol ${roleName(role).nl} geeft ${action} op ${entity} met bereik "${roleScope}".` },
    },
  ];
  if (deny) {
    reasons.push({ source: 'override', text: { en: `A personal override denies ${action} on ${entity} (a deny always wins).`, nl: `Een persoonlijke uitzondering weigert ${action} op ${entity} (weigeren wint altijd).` } });
    return { value: 'none', reasons };
  }
  if (grant?.scope && scopeRank(grant.scope) > scopeRank(roleScope)) {
    reasons.push({ source: 'override', text: { en: `A personal override widens it to "${grant.scope}".`, nl: `Een persoonlijke uitzondering verruimt dit tot "${grant.scope}".` } });
    return { value: grant.scope, reasons };
  }
  return { value: roleScope, reasons };
}

export function decideField(
  role: RoleDefinition,
  overrides: readonly Override[],
  entity: SecuredEntity,
  field: string,
  sensitivity: Sensitivity,
): Decision<FieldAccess> {
  const key = `${entity}.${field}`;
  const named = role.rights.fields[key];
  const roleAccess = named ?? role.rights.fieldDefaults[sensitivity];
  const reasons: Reason[] = [
    {
      source: 'role',
      text: named
        ? { en: `Role ${roleName(role).en} sets ${key} to "${roleAccess}".`, nl: `Rol ${roleName(role).nl} zet ${key} op "${roleAccess}".` }
        : {
            en: `Role ${roleName(role).en} sets ${sensitivity} fields to "${roleAccess}".`,
            nl: `Rol ${roleName(role).nl} zet velden van gevoeligheid ${sensitivity} op "${roleAccess}".`,
          },
    },
  ];
  const { grant, deny } = overridesFor(overrides, `field:${key}`);
  if (deny) {
    reasons.push({ source: 'override', text: { en: `A personal override hides ${key} (a deny always wins).`, nl: `Een persoonlijke uitzondering verbergt ${key} (weigeren wint altijd).` } });
    return { value: 'hidden', reasons };
  }
  if (grant?.access && accessRank(grant.access) > accessRank(roleAccess)) {
    reasons.push({ source: 'override', text: { en: `A personal override raises it to "${grant.access}".`, nl: `Een persoonlijke uitzondering verhoogt dit tot "${grant.access}".` } });
    return { value: grant.access, reasons };
  }
  return { value: roleAccess, reasons };
}
