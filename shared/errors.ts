/**
 * Error values that cross the IPC wall. Errors are data, never stack traces: the renderer gets a
 * code it can translate and a plain English message; nothing else leaves the main process.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STEP_UP_REQUIRED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras, e.g. which input fields failed validation. Never secrets. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * The one message for every failed sign-in, whichever part was wrong: username, password or the
 * second factor. Naming the part would tell a guesser which part they already have.
 */
export const WRONG_CREDENTIALS_MESSAGE = 'Wrong username, password or code';
