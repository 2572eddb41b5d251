/**
 * Names for the parts of the access model, in the current language: the one copy in
 * shared/access/words.ts, which Explain's reasons and the core's messages use too.
 */
import {
  ACTION_NAMES,
  FIELD_ACCESS_NAMES,
  MODULE_NAMES,
  SCOPE_NAMES,
  SENSITIVITY_NAMES,
  TASK_NAMES,
  type FieldAccess,
  type Module,
  type RecordAction,
  type Scope,
  type SecuredEntity,
  type Task,
} from '../../../shared/access';
import { ENTITIES, type Sensitivity } from '../../../shared/registry';
import type { Language } from '../i18n/translate';

export const entityLabel = (entity: SecuredEntity, language: Language): string => ENTITIES[entity].label.plural[language];

export const fieldLabel = (entity: SecuredEntity, key: string, language: Language): string =>
  ENTITIES[entity].fields.find((f) => f.key === key)?.label[language] ?? key;

export const scopeLabel = (scope: Scope, language: Language): string => SCOPE_NAMES[scope][language];
export const fieldAccessLabel = (access: FieldAccess, language: Language): string => FIELD_ACCESS_NAMES[access][language];
export const actionLabel = (action: RecordAction, language: Language): string => ACTION_NAMES[action][language];
export const moduleLabel = (module: Module, language: Language): string => MODULE_NAMES[module][language];
export const taskLabel = (task: Task, language: Language): string => TASK_NAMES[task][language];
/** Lower case, as said of a field: "Fields that are personal". */
export const sensitivityLabel = (sensitivity: Sensitivity, language: Language): string => SENSITIVITY_NAMES[sensitivity][language];
