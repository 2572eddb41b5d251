/**
 * The checks a new-password form makes before it calls the core, with the same limits as the core
 * (shared/policy). The core also judges strength and says why a password is weak; that answer is
 * shown under the field as it comes.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/policy';
import type { Translate } from './i18n/translate';

export interface NewPasswordErrors {
  password?: string;
  again?: string;
}

export function checkNewPassword(password: string, again: string, t: Translate): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  // Length in code points, as a user counts characters.
  if ([...password].length < PASSWORD_MIN_LENGTH) errors.password = t('password.tooShort', { min: PASSWORD_MIN_LENGTH });
  else if (password.length > PASSWORD_MAX_LENGTH) errors.password = t('password.tooLong', { max: PASSWORD_MAX_LENGTH });
  if (again !== password) errors.again = t('password.differ');
  return errors;
}
