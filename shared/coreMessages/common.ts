/** Core messages that several parts of the core give (see index.ts). */
export const COMMON_MESSAGES = {
  'common.signInFirst': 'Sign in first.',
  'common.notLocked': 'Kluis is not locked.',
  'common.noSuchUser': 'No such user.',
  'common.noSuchField': 'No such field.',
  /** {entity}: a kind of record, lower case. */
  'common.noSuchRecord': 'No such {entity}.',
  'common.noRight': 'You do not have the right "{right}".',
  'common.internal': 'Something went wrong inside Kluis. Nothing was changed.',
  /** A failure past the dispatcher (a bug): whether anything changed is not known. */
  'common.unexpected': 'Something went wrong in Kluis.',
  /**
   * The one message for every failed sign-in, whichever part was wrong: username, password or the
   * second factor. Naming the part would tell a guesser which part they already have.
   */
  'common.wrongCredentials': 'Wrong username, password or code',
} as const;
