/**
 * The fields a right can name, per kind of record: the registry's, then the install's custom fields
 * (`fields.list`, through useKnownFields). A custom field may hold personal data as much as a
 * built-in one — a private mobile number — so a role or a personal exception restricts it the same
 * way. Until the install's fields are known, only the registry's are offered.
 */
import type { SecuredEntity } from '../../../shared/access';
import type { FieldInfo } from '../../../shared/recordTypes';
import { ENTITIES, type Localized, type Sensitivity } from '../../../shared/registry';

export interface AccessField {
  key: string;
  label: Localized;
  sensitivity: Sensitivity;
}

export function accessFields(entity: SecuredEntity, known: readonly FieldInfo[]): AccessField[] {
  const custom = known.filter((field) => field.entity === entity && field.custom);
  return [...ENTITIES[entity].fields, ...custom].map(({ key, label, sensitivity }) => ({ key, label, sensitivity }));
}
