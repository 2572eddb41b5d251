/** Role names as people read them. */
import type { Role } from '../../../shared/permissions';
import type { Translate } from '../i18n/translate';

export function roleLabel(role: Role, t: Translate): string {
  return role === 'admin' ? t('users.role.admin') : t('users.role.user');
}
