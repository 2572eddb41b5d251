/**
 * Role names as people read them, in the chosen language: built-in and custom roles alike, from
 * the roles the core lists (`roles.list`). The id shows only for a role that no longer exists.
 */
import type { RoleDefinition } from '../../../shared/access';
import type { Language } from '../i18n/translate';

export function roleLabel(role: string, roles: readonly RoleDefinition[], language: Language): string {
  return roles.find((r) => r.id === role)?.name[language] ?? role;
}
