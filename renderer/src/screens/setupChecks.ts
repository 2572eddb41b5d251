/**
 * The checks the setup form makes before it calls the core, using the same limits as the core
 * (shared/policy), so a user hears about a short or mistyped password at once, in their language.
 * The core checks again; this is courtesy, not the wall.
 */
import {
  ORG_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  usernameProblem,
} from '../../../shared/policy';
import type { Translate } from '../i18n/translate';

/**
 * What the setup form and the add-user form say of a new username (usernameProblem), or undefined
 * when it will do; each form words a wrong shape its own way (`formatKey`).
 */
export function usernameError(username: string, t: Translate, formatKey: 'setup.error.usernameInvalid' | 'users.error.usernameInvalid'): string | undefined {
  switch (usernameProblem(username)) {
    case 'format':
      return t(formatKey);
    case 'lookAlike':
      return t('username.error.lookAlike');
    case 'mixedAlphabets':
      return t('username.error.mixedAlphabets');
    case null:
      return undefined;
  }
}

export interface SetupValues {
  orgName: string;
  username: string;
  password: string;
  passwordAgain: string;
}

export type SetupField = keyof SetupValues;
export type SetupErrors = Partial<Record<SetupField, string>>;

/** Field order, so focus can go to the first field that needs attention. */
export const SETUP_FIELDS: readonly SetupField[] = ['orgName', 'username', 'password', 'passwordAgain'];

export function checkSetup(values: SetupValues, t: Translate): SetupErrors {
  const errors: SetupErrors = {};
  const orgName = values.orgName.trim();
  if (orgName.length === 0) errors.orgName = t('setup.error.orgNameRequired');
  else if (orgName.length > ORG_NAME_MAX_LENGTH)
    errors.orgName = t('setup.error.orgNameTooLong', { max: ORG_NAME_MAX_LENGTH });

  const username = usernameError(values.username, t, 'setup.error.usernameInvalid');
  if (username) errors.username = username;

  // Length in code points, as a user counts characters (an emoji is one, not two).
  const passwordLength = [...values.password].length;
  if (passwordLength < PASSWORD_MIN_LENGTH)
    errors.password = t('setup.error.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
  else if (values.password.length > PASSWORD_MAX_LENGTH)
    errors.password = t('setup.error.passwordTooLong', { max: PASSWORD_MAX_LENGTH });

  if (values.passwordAgain !== values.password) errors.passwordAgain = t('setup.error.passwordsDiffer');
  return errors;
}

/** The core names its input fields differently from the form; map its messages onto our fields. */
export const CORE_FIELD_TO_SETUP_FIELD: Record<string, SetupField> = {
  orgName: 'orgName',
  adminUsername: 'username',
  password: 'password',
};
