/**
 * Role + overrides → what a user may do, and why. Grants add to the role; denies take away, and a
 * deny always wins over a grant. Module access gates everything inside the module. Each reason is a
 * whole sentence that names its source (the role, a personal exception), in both languages, with the
 * parts named as the role editor shows them (words.ts), never by their ids.
 */
import type { Localized, Sensitivity } from '../registry';
import {
  accessRank,
  MODULE_OF,
  TASK_MODULE,
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
import { ACTION_NAMES, entityWords, FIELD_ACCESS_NAMES, fieldWords, MODULE_NAMES, SCOPE_NAMES, SENSITIVITY_BEFORE_FIELDS, TASK_NAMES } from './words';

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

/** The role as a sentence begins with it: `The role "Office staff"`, `De rol "Kantoor"`. */
function theRole(role: RoleDefinition): Localized {
  return { en: `The role "${role.name.en}"`, nl: `De rol "${role.name.nl}"` };
}

export function decideModule(role: RoleDefinition, overrides: readonly Override[], module: Module): Decision<boolean> {
  const { grant, deny } = overridesFor(overrides, `module:${module}`);
  const inRole = role.rights.modules.includes(module);
  const r = theRole(role);
  const name = MODULE_NAMES[module];
  const reasons: Reason[] = [
    {
      source: 'role',
      text: inRole
        ? { en: `${r.en} opens the module "${name.en}".`, nl: `${r.nl} geeft toegang tot de module "${name.nl}".` }
        : { en: `${r.en} does not open the module "${name.en}".`, nl: `${r.nl} geeft geen toegang tot de module "${name.nl}".` },
    },
  ];
  if (deny) {
    reasons.push({
      source: 'override',
      text: { en: `A personal exception denies the module "${name.en}" (a deny always wins).`, nl: `Een persoonlijke uitzondering weigert de module "${name.nl}" (weigeren wint altijd).` },
    });
    return { value: false, reasons };
  }
  if (grant) {
    reasons.push({
      source: 'override',
      text: { en: `A personal exception opens the module "${name.en}".`, nl: `Een persoonlijke uitzondering geeft toegang tot de module "${name.nl}".` },
    });
    return { value: true, reasons };
  }
  return { value: inRole, reasons };
}

export function decideTask(role: RoleDefinition, overrides: readonly Override[], task: Task): Decision<boolean> {
  const gate = TASK_MODULE[task];
  if (gate) {
    const module = decideModule(role, overrides, gate);
    if (!module.value) return { value: false, reasons: module.reasons.map((r) => ({ ...r, source: 'module' as const })) };
  }
  const { grant, deny } = overridesFor(overrides, `task:${task}`);
  const inRole = role.rights.tasks.includes(task);
  const r = theRole(role);
  const name = TASK_NAMES[task];
  const reasons: Reason[] = [
    {
      source: 'role',
      text: inRole
        ? { en: `${r.en} includes the task "${name.en}".`, nl: `${r.nl} bevat de taak "${name.nl}".` }
        : { en: `${r.en} does not include the task "${name.en}".`, nl: `${r.nl} bevat de taak "${name.nl}" niet.` },
    },
  ];
  if (deny) {
    reasons.push({
      source: 'override',
      text: { en: `A personal exception denies the task "${name.en}" (a deny always wins).`, nl: `Een persoonlijke uitzondering weigert de taak "${name.nl}" (weigeren wint altijd).` },
    });
    return { value: false, reasons };
  }
  if (grant) {
    reasons.push({ source: 'override', text: { en: `A personal exception grants the task "${name.en}".`, nl: `Een persoonlijke uitzondering geeft de taak "${name.nl}".` } });
    return { value: true, reasons };
  }
  return { value: inRole, reasons };
}

export function decideRecord(role: RoleDefinition, overrides: readonly Override[], entity: SecuredEntity, action: RecordAction): Decision<Scope> {
  const module = decideModule(role, overrides, MODULE_OF[entity]);
  if (!module.value) return { value: 'none', reasons: module.reasons.map((r) => ({ ...r, source: 'module' as const })) };
  const roleScope = role.rights.records[entity][action];
  const { grant, deny } = overridesFor(overrides, `record:${entity}.${action}`);
  const r = theRole(role);
  const act = ACTION_NAMES[action];
  const what = entityWords(entity);
  const scope = SCOPE_NAMES[roleScope];
  const reasons: Reason[] = [
    {
      source: 'role',
      text: { en: `${r.en} gives "${act.en}" on ${what.en} with scope "${scope.en}".`, nl: `${r.nl} geeft "${act.nl}" op ${what.nl} met bereik "${scope.nl}".` },
    },
  ];
  if (deny) {
    reasons.push({
      source: 'override',
      text: { en: `A personal exception denies "${act.en}" on ${what.en} (a deny always wins).`, nl: `Een persoonlijke uitzondering weigert "${act.nl}" op ${what.nl} (weigeren wint altijd).` },
    });
    return { value: 'none', reasons };
  }
  if (grant?.scope && scopeRank(grant.scope) > scopeRank(roleScope)) {
    const wider = SCOPE_NAMES[grant.scope];
    reasons.push({ source: 'override', text: { en: `A personal exception widens the scope to "${wider.en}".`, nl: `Een persoonlijke uitzondering verruimt het bereik tot "${wider.nl}".` } });
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
  /** The field's label for the reasons: the registry's unless given (an install's custom field). */
  label: Localized = fieldWords(entity, field),
): Decision<FieldAccess> {
  const key = `${entity}.${field}`;
  const named = role.rights.fields[key];
  const roleAccess = named ?? role.rights.fieldDefaults[sensitivity];
  const r = theRole(role);
  const access = FIELD_ACCESS_NAMES[roleAccess];
  const what = entityWords(entity);
  /** `the field "E-mail" of contacts`, `het veld "E-mailadres" van contactpersonen`. */
  const theField: Localized = { en: `the field "${label.en}" of ${what.en}`, nl: `het veld "${label.nl}" van ${what.nl}` };
  const kind = SENSITIVITY_BEFORE_FIELDS[sensitivity];
  const reasons: Reason[] = [
    {
      source: 'role',
      text: named
        ? { en: `${r.en} sets ${theField.en} to "${access.en}".`, nl: `${r.nl} zet ${theField.nl} op "${access.nl}".` }
        : { en: `${r.en} sets ${kind.en} fields to "${access.en}".`, nl: `${r.nl} zet ${kind.nl} velden op "${access.nl}".` },
    },
  ];
  const { grant, deny } = overridesFor(overrides, `field:${key}`);
  if (deny) {
    reasons.push({
      source: 'override',
      text: { en: `A personal exception hides ${theField.en} (a deny always wins).`, nl: `Een persoonlijke uitzondering verbergt ${theField.nl} (weigeren wint altijd).` },
    });
    return { value: 'hidden', reasons };
  }
  if (grant?.access && accessRank(grant.access) > accessRank(roleAccess)) {
    const higher = FIELD_ACCESS_NAMES[grant.access];
    reasons.push({ source: 'override', text: { en: `A personal exception raises the access to "${higher.en}".`, nl: `Een persoonlijke uitzondering verhoogt de toegang tot "${higher.nl}".` } });
    return { value: grant.access, reasons };
  }
  return { value: roleAccess, reasons };
}
