/**
 * Error values that cross the IPC wall. Errors are data, never stack traces: the renderer gets a
 * code it can act on, a plain English message, and the id and values of that message so it can
 * show it in the reader's language (shared/coreMessages); nothing else leaves the main process.
 */
import { COMMON_MESSAGES } from './coreMessages/common';
import type { CoreMessageId, MessageValues } from './coreMessages';

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
  /** The message by id, for the renderer to show in the reader's language (absent: show `message`). */
  messageId?: CoreMessageId;
  values?: MessageValues;
}

/**
 * Why the wall's schema refused one field of a call's input, as data: `details.fieldProblems` of a
 * VALIDATION error, by field key, next to zod's own English in `details.fieldErrors`. A caller
 * words it itself and names the field as its user knows it (the CLI: the option they typed).
 * Lengths count characters; `tooSmall`/`tooLarge` bound a number (`inclusive`: the bound itself is
 * allowed), `tooFew`/`tooMany` a list's items. `options`: the values a field takes. `expected`: the
 * kind of value a field takes (`string`, `number`, `int`, `boolean`, `array`, `object` …).
 * `hint`: the schema's own words, when it has them (English).
 */
export type InputProblem =
  | { kind: 'tooLong'; max: number }
  | { kind: 'tooShort'; min: number }
  | { kind: 'empty' }
  | { kind: 'badFormat'; hint?: string }
  | { kind: 'tooSmall'; min: number; inclusive: boolean }
  | { kind: 'tooLarge'; max: number; inclusive: boolean }
  | { kind: 'tooFew'; min: number }
  | { kind: 'tooMany'; max: number }
  | { kind: 'notAnOption'; options: string[] }
  | { kind: 'wrongType'; expected: string }
  | { kind: 'invalid'; hint?: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The one message for every failed sign-in (see 'common.wrongCredentials'). */
export const WRONG_CREDENTIALS_MESSAGE = COMMON_MESSAGES['common.wrongCredentials'];
