/** Core messages that several parts of the core give (see index.ts). */
export const COMMON_MESSAGES = {
  'common.signInFirst': 'Sign in first.',
  'common.notLocked': 'Kluis is not locked.',
  'common.noSuchUser': 'No such user.',
  'common.noSuchField': 'No such field.',
  /** {entity}: a kind of record, lower case. */
  'common.noSuchRecord': 'No such {entity}.',
  'common.noRight': 'You do not have the right "{right}".',
  /** The write lock is held by another window or the admin tool (SQLite waited and gave up). */
  'common.busy': 'Kluis is busy with another task on this install (another window or the admin tool). Nothing was changed: try again in a moment.',
  'common.internal': 'Something went wrong inside Kluis. Nothing was changed.',
  /** A failure past the dispatcher (a bug): whether anything changed is not known. */
  'common.unexpected': 'Something went wrong in Kluis.',
  /**
   * The one message for every failed sign-in, whichever part was wrong: username, password or the
   * second factor. Naming the part would tell a guesser which part they already have.
   */
  'common.wrongCredentials': 'Wrong username, password or code',
  /** The window's own failures to reach the core (renderer/src/api.ts): the call may not have arrived. */
  'common.bridgeMissing': 'The connection to the Kluis core is missing.',
  'common.bridgeUnclear': 'The Kluis core gave an answer this screen does not understand.',
  'common.bridgeFailed': 'The connection to the Kluis core failed.',
} as const;
