/** Pure text lookup, kept apart from React so it is trivial to test. */
import { formatMessage, type CoreMessage } from '../../../shared/coreMessages';
import type { ApiError } from '../../../shared/errors';
import { coreErrorText, coreMessageText, coreTextByWords } from './core';
import { en, type MessageKey, type Messages } from './en';
import { nl } from './nl';

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language names itself, so a reader who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands' };

const MESSAGES: Record<Language, Messages> = { en, nl };

/** A core error as a value in a text: shown in the language of the moment it is shown. */
export type CoreErrorParam = Pick<ApiError, 'message' | 'messageId' | 'values'>;
export type TranslateParams = Record<string, string | number | CoreErrorParam>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/**
 * A text kept by key rather than as a string, so a message that outlives a screen (the reason a
 * sign-in failed, say) still follows a language switch — the core's part of it too.
 */
export interface Message {
  key: MessageKey;
  params?: TranslateParams;
}

/**
 * What is wrong with a form field, kept until it is shown: one of the app's own messages, or the
 * core's reason — a catalogue message, or English words without an id (zod's, found back by them).
 */
export type Reason = Message | CoreMessage | string;

export function reasonText(reason: Reason, language: Language): string {
  if (typeof reason === 'string') return coreTextByWords(reason, language);
  return 'key' in reason ? translate(language, reason.key, reason.params) : coreMessageText(reason, language);
}

/** Each field's reason in `language`. */
export function reasonTexts<F extends string>(reasons: Partial<Record<F, Reason>>, language: Language): Partial<Record<F, string>> {
  const texts: Partial<Record<F, string>> = {};
  for (const field of Object.keys(reasons) as F[]) {
    const reason = reasons[field];
    if (reason !== undefined) texts[field] = reasonText(reason, language);
  }
  return texts;
}

export function translate(language: Language, key: MessageKey, params: TranslateParams = {}): string {
  return fillPlaceholders(MESSAGES[language][key], language, params);
}

/** Puts the values into a template's `{name}` placeholders; a core error in `language`. */
export function fillPlaceholders(template: string, language: Language, params: TranslateParams = {}): string {
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? coreErrorText(value, language) : value]));
  return formatMessage(template, values, language);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Dutch for anyone whose browser or OS prefers it (nl, nl-NL, nl-BE), English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
