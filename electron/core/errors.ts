import { CORE_MESSAGES, formatMessage, type CoreMessage, type CoreMessageId, type FieldMessages, type MessageValues } from '../../shared/coreMessages';
import type { ApiError, ErrorCode } from '../../shared/errors';

/**
 * An expected failure with a code the renderer understands. Its message comes from the core's
 * catalogue (shared/coreMessages) by id, with values for its placeholders: `message` is the English
 * text (CLI, tests), and the renderer shows the same id in the reader's language. Anything thrown
 * that is not a KluisError becomes INTERNAL at the wall, with a generic message.
 */
export class KluisError extends Error {
  readonly messageId: CoreMessageId;
  readonly values: MessageValues | undefined;

  constructor(
    readonly code: ErrorCode,
    message: CoreMessageId | CoreMessage,
    readonly details?: unknown,
  ) {
    const { id, values } = typeof message === 'string' ? { id: message, values: undefined } : message;
    super(formatMessage(CORE_MESSAGES[id], values, 'en'));
    this.name = 'KluisError';
    this.messageId = id;
    this.values = values;
  }

  /** The message by id and values, as a reason that names it (an import row's) carries it. */
  get coreMessage(): CoreMessage {
    return this.values === undefined ? { id: this.messageId } : { id: this.messageId, values: this.values };
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message, messageId: this.messageId };
    if (this.values !== undefined) error.values = this.values;
    if (this.details !== undefined) error.details = this.details;
    return error;
  }
}

/** The English text of a catalogue message, for a message that is not an error (a per-field reason, say). */
export function coreText(id: CoreMessageId, values?: MessageValues): string {
  return formatMessage(CORE_MESSAGES[id], values, 'en');
}

/** The details of an error that refuses named fields: each field's reason in English and by id. */
export interface FieldErrorDetails {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
  fieldMessages: FieldMessages;
}

export function fieldErrorDetails(messages: FieldMessages): FieldErrorDetails {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, { id, values }] of Object.entries(messages)) fieldErrors[field] = [coreText(id, values)];
  return { formErrors: [], fieldErrors, fieldMessages: messages };
}
