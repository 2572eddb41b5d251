/**
 * Every message the core gives with an error, by id, in English. An error carries the id and the
 * values of its message (KluisError), so the renderer shows it in the reader's language
 * (renderer/src/i18n/coreMessages.nl.ts, which TypeScript holds to the same ids) and the CLI in
 * English. Each part of the core keeps its own list; ids start with the part's name.
 */
import { ACCESS_MESSAGES } from './access';
import { COMMON_MESSAGES } from './common';
import { HISTORY_MESSAGES } from './history';
import { RECORDS_MESSAGES } from './records';
import { SESSION_MESSAGES } from './session';
import { formatMessage, type MessageLanguage, type MessageValues } from './format';
import type { Localized } from '../registry/types';

export const CORE_MESSAGES = {
  ...COMMON_MESSAGES,
  ...ACCESS_MESSAGES,
  ...RECORDS_MESSAGES,
  ...HISTORY_MESSAGES,
  ...SESSION_MESSAGES,
} as const;

export type CoreMessageId = keyof typeof CORE_MESSAGES;

/** A message as an error carries it: its id, and the values its placeholders take. */
export interface CoreMessage {
  id: CoreMessageId;
  values?: MessageValues;
}

/**
 * Why each named field was refused, by field key: `details.fieldMessages` of a VALIDATION error,
 * next to `details.fieldErrors` (the same reasons in English, in the shape zod gives them).
 */
export type FieldMessages = Readonly<Record<string, CoreMessage>>;

/** One reason something was refused: about one field (its label, or its key) or the whole thing (null). */
export interface FieldReason {
  field: Localized | null;
  message: CoreMessage;
}

/**
 * Reasons as one line in `language`, each without a closing full stop, as the import reports rows:
 * "E-mail: Not a valid e-mail address; Phone: Not a valid phone number".
 */
export function reasonsText(reasons: readonly FieldReason[], templates: Readonly<Record<CoreMessageId, string>>, language: MessageLanguage): string {
  return reasons
    .map(({ field, message }) => {
      const text = formatMessage(templates[message.id], message.values, language).replace(/\.$/, '');
      return field ? `${field[language]}: ${text}` : text;
    })
    .join('; ');
}

export function isCoreMessage(value: unknown): value is CoreMessage {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && Object.hasOwn(CORE_MESSAGES, id);
}

export { formatMessage, lowerCase, placeholdersOf, type MessageLanguage, type MessageValue, type MessageValues } from './format';
