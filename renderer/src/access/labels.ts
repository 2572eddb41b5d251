/** Names for the parts of the access model, in the current language. */
import type { FieldAccess, Module, RecordAction, Scope, SecuredEntity, Task } from '../../../shared/access';
import { ENTITIES, type Sensitivity } from '../../../shared/registry';
import type { Language } from '../i18n/translate';
import type { AccessText } from './strings';

export const entityLabel = (entity: SecuredEntity, language: Language): string => ENTITIES[entity].label.plural[language];

export const fieldLabel = (entity: SecuredEntity, key: string, language: Language): string =>
  ENTITIES[entity].fields.find((f) => f.key === key)?.label[language] ?? key;

export const scopeLabel = (a: AccessText, scope: Scope) => a(`scope.${scope}`);
export const fieldAccessLabel = (a: AccessText, access: FieldAccess) => a(`fieldAccess.${access}`);
export const actionLabel = (a: AccessText, action: RecordAction) => a(`action.${action}`);
export const moduleLabel = (a: AccessText, module: Module) => a(`module.${module}`);
export const taskLabel = (a: AccessText, task: Task) => a(`task.${task}`);
export const sensitivityLabel = (a: AccessText, sensitivity: Sensitivity) => a(`sensitivity.${sensitivity}`);
