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
import type { MessageValues } from './format';

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

export { formatMessage, lowerCase, placeholdersOf, type MessageLanguage, type MessageValue, type MessageValues } from './format';
