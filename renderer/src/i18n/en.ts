/**
 * English texts. This object defines the set of keys; `nl.ts` is typed against it, so a Dutch text
 * can be neither missing nor extra. `{name}` placeholders are filled in by `translate`.
 */
import { WRONG_CREDENTIALS_MESSAGE } from '../../../shared/errors';

export const en = {
  'app.name': 'Kluis',
  'app.loading': 'Opening Kluis…',
  'app.loadFailed': 'Kluis could not open: {message}',
  'app.retry': 'Try again',

  'settings.button': 'Settings',
  'settings.language': 'Language',

  'keyMode.passphraseOnly':
    'No OS keychain was found on this computer. The data is protected by passwords alone.',

  'setup.title': 'Set up Kluis',
  'setup.intro':
    'Create your organisation and its first administrator. Everything stays encrypted on this computer.',
  'setup.orgName': 'Organisation name',
  'setup.username': 'Administrator username',
  'setup.usernameHint': '2 to 64 letters, digits, dots, dashes or underscores.',
  'setup.password': 'Password',
  'setup.passwordHint': 'At least {min} characters. A few unrelated words work well.',
  'setup.passwordAgain': 'Password again',
  'setup.submit': 'Set up Kluis',
  'setup.submitting': 'Setting up…',
  'setup.error.orgNameRequired': 'Enter the organisation name.',
  'setup.error.orgNameTooLong': 'Use at most {max} characters for the organisation name.',
  'setup.error.usernameInvalid': 'Use 2 to 64 letters, digits, dots, dashes or underscores.',
  'setup.error.passwordTooShort': 'Use at least {min} characters.',
  'setup.error.passwordTooLong': 'Use at most {max} characters.',
  'setup.error.passwordsDiffer': 'The two passwords are not the same.',
  'setup.error.failed': 'Kluis could not be set up: {message}',

  'signIn.title': 'Sign in',
  'signIn.setupDone': 'Kluis is set up. Sign in with the account you just created.',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.wrongCredentials': WRONG_CREDENTIALS_MESSAGE,
  'signIn.failed': 'Signing in failed: {message}',

  'home.signedInAs': 'Signed in as',
  'home.signOut': 'Sign out',
  'home.signingOut': 'Signing out…',
  'home.signOutFailed': 'Signing out failed: {message}',
  'home.welcome': 'Welcome, {name}.',
  'home.intro': 'Everything you keep in Kluis is stored encrypted on this computer.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
