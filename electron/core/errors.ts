import type { ApiError, ErrorCode } from '../../shared/errors';

/**
 * An expected failure with a code the renderer understands. Anything thrown that is not a
 * KluisError becomes INTERNAL at the wall, with a generic message.
 */
export class KluisError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'KluisError';
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
