/**
 * What a refused sign-in step says. Whatever was wrong — username, password or code — it is the
 * one generic message; only the slowdown after many failures gets its own words, with the wait.
 */
import type { ApiError } from '../../../shared/errors';
import { retryAfterSecondsFrom } from '../api';
import type { Message } from '../i18n/translate';

/** The core's message stays a value of the kept message, so it follows a language switch too. */
export function signInFailure(error: ApiError): Message {
  const seconds = retryAfterSecondsFrom(error);
  if (seconds !== null) return tooManySignIns(seconds);
  if (error.code === 'UNAUTHENTICATED') return { key: 'signIn.wrongCredentials' };
  return { key: 'signIn.failed', params: { message: error } };
}

/** The slowdown after many failures, with the wait: "1 second", "8 seconds". */
export function tooManySignIns(seconds: number): Message {
  return seconds === 1 ? { key: 'signIn.tooManyOne' } : { key: 'signIn.tooMany', params: { seconds } };
}
