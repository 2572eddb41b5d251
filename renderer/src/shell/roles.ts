/** Role names as people read them: the built-in roles in the chosen language, custom ones by id. */
import { BUILT_IN_ROLES } from '../../../shared/access';
import type { Language } from '../i18n/translate';

export function roleLabel(role: string, language: Language): string {
  return BUILT_IN_ROLES.find((r) => r.id === role)?.name[language] ?? role;
}
