/**
 * The core's messages in Dutch, by the ids of shared/coreMessages (TypeScript holds every part to
 * every id of its English list), and how the renderer shows a core error in the reader's language.
 */
import { CORE_MESSAGES, formatMessage, reasonsText, type CoreMessage, type CoreMessageId, type FieldReason } from '../../../../shared/coreMessages';
import type { ApiError } from '../../../../shared/errors';
import type { Language } from '../translate';
import { ACCESS_MESSAGES_NL } from './access';
import { COMMON_MESSAGES_NL } from './common';
import { HISTORY_MESSAGES_NL } from './history';
import { RECORDS_MESSAGES_NL } from './records';
import { SESSION_MESSAGES_NL } from './session';

export const CORE_MESSAGES_NL: Record<CoreMessageId, string> = {
  ...COMMON_MESSAGES_NL,
  ...ACCESS_MESSAGES_NL,
  ...RECORDS_MESSAGES_NL,
  ...HISTORY_MESSAGES_NL,
  ...SESSION_MESSAGES_NL,
};

const TEMPLATES: Record<Language, Record<CoreMessageId, string>> = { en: CORE_MESSAGES, nl: CORE_MESSAGES_NL };

/** The text of a core error in `language`: by its message id when it has one, else as the core wrote it. */
export function coreErrorText(error: Pick<ApiError, 'message' | 'messageId' | 'values'>, language: Language): string {
  const template = error.messageId === undefined ? undefined : TEMPLATES[language][error.messageId];
  return template === undefined ? error.message : formatMessage(template, error.values, language);
}

/** A catalogue message (a field's reason, say) in `language`. */
export function coreMessageText(message: CoreMessage, language: Language): string {
  return formatMessage(TEMPLATES[language][message.id], message.values, language);
}

/** Reasons (an import row's) as one line in `language`. */
export function coreReasonsText(reasons: readonly FieldReason[], language: Language): string {
  return reasonsText(reasons, TEMPLATES[language], language);
}

const ID_BY_ENGLISH = new Map<string, CoreMessageId>(
  (Object.entries(CORE_MESSAGES) as [CoreMessageId, string][]).filter(([, text]) => !text.includes('{')).map(([id, text]) => [text, id]),
);

/** Whether a text without its id is a catalogue message, found back by its English words. */
export function isCoreText(text: string): boolean {
  return ID_BY_ENGLISH.has(text);
}

/**
 * A core text that came without its id (a reason per form field, in details.fieldErrors) in
 * `language`: found by its English words when it is a catalogue message without values.
 */
export function coreTextByWords(text: string, language: Language): string {
  const id = ID_BY_ENGLISH.get(text);
  return id === undefined ? text : TEMPLATES[language][id];
}
